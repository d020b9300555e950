// Statements per import (issue #15): an import's statements do not grow row by row. What every row needs (the records
// it names, the checks of its create, its insert, its read-back, its history) is read and written a few hundred rows
// at a time, so that a file four times as long takes only a few statements more, for every importable type: people,
// org units, position assignments, assessments with their ratings, authority rules; for a first import, a dry run,
// and the same file again (nothing changes).
import { describeOnDatabases, TestEnv } from './support/databases';
import { args, en } from './support/graphql';

const IMPORT = `mutation($type: ImportType!, $rows: [JSON!]!, $dryRun: Boolean!) {
  importRecords(type: $type, rows: $rows, dryRun: $dryRun) {
    committed total created updated unchanged failed rows { row errors { field code message } }
  }
}`;

interface ImportAnswer {
  importRecords: {
    committed: boolean;
    created: number;
    updated: number;
    unchanged: number;
    failed: number;
    rows: Array<{ row: number; errors: Array<Record<string, string>> }>;
  };
}

type Rows = Array<Record<string, unknown>>;

/** Rows of one type, numbered from `from` (each number a new record). */
type RowsOf = (from: number, count: number) => Rows;

const SMALL = 10;
const LARGE = 40;
/** At most this many more statements for the larger file (a few hundred rows go in one statement). */
const MORE_AT_MOST = 2;

describeOnDatabases('statements per import', (env) => {
  let e: TestEnv;

  async function run<T>(query: string): Promise<T> {
    const res = await e.gql<Record<string, T>>(query, {}, { token: e.tokens.admin });
    if (res.body.errors) throw new Error(`${query.slice(0, 80)}…: ${JSON.stringify(res.body.errors)}`);
    return Object.values(res.body.data!)[0] as T;
  }

  async function importRows(type: string, rows: Rows, dryRun: boolean) {
    const res = await e.gql<ImportAnswer>(IMPORT, { type, rows, dryRun }, { token: e.tokens.admin });
    expect(res.body.errors).toBeUndefined();
    const result = res.body.data!.importRecords;
    expect(result.rows.filter((r) => r.errors.length > 0)).toEqual([]);
    return { result, statements: Number(res.headers.get('x-sql-statements')) };
  }

  const people: RowsOf = (from, count) =>
    Array.from({ length: count }, (_, i) => ({
      employeeNo: `S${String(from + i).padStart(5, '0')}`,
      name: `Person ${from + i}`,
      email: `p${from + i}@statements.local`,
      orgUnitId: i % 2 ? 'EAST-1' : 'Unit WEST',
      hiredAt: '2020-01-01',
    }));
  const units: RowsOf = (from, count) =>
    Array.from({ length: count }, (_, i) => ({
      code: `SU-${from + i}`,
      name: `Statement unit ${from + i}`,
      kind: 'REP_OFFICE',
      // Every other one below the one before it, added by the same file (named by its code, or its name).
      parentId: i % 2 ? (i % 4 === 1 ? `SU-${from + i - 1}` : `Statement unit ${from + i - 1}`) : 'EAST',
    }));
  const positions: RowsOf = (from, count) =>
    Array.from({ length: count }, (_, i) => ({
      personId: `S${String(i).padStart(5, '0')}`,
      title: 'ACCOUNT_MANAGER',
      orgUnitId: i % 2 ? 'EAST-1' : 'WEST-1',
      validFrom: `2024-01-${String(1 + ((from + i) % 28)).padStart(2, '0')}`,
      validTo: from + i > 50 ? null : '2030-01-01',
    }));
  const assessments: RowsOf = (from, count) =>
    Array.from({ length: count }, (_, i) => ({
      personId: `S${String(i).padStart(5, '0')}`,
      role: 'AR',
      kind: ['SELF', 'MANAGER', 'PANEL'][i % 3],
      assessedAt: `2025-0${1 + ((from + i) % 9)}-1${(from + i) % 10}`,
      assessorId: i % 3 === 1 ? 'E0001' : null,
      ratingSummary: `D1:${1 + (i % 4)}; D2:${1 + ((i + 1) % 4)}`,
      comment: `Statements ${from + i}`,
    }));
  const rules: RowsOf = (from, count) =>
    Array.from({ length: count }, (_, i) => ({
      name: `Statement rule ${from + i}`,
      holderKind: 'PROJECT_ROLE',
      holderRole: 'AR',
      decisionPoints: 'ATB',
      grades: 'III',
      scopeOrgUnitId: i % 2 ? 'EAST' : 'WEST',
      limit: 1000 + i,
      currency: 'CNY',
      validFrom: '2025-01-01',
    }));

  beforeAll(async () => {
    e = env();
    // An AR framework (two dimensions, one level) for the assessments; the people they name.
    const model = await run<{ id: string }>(
      'mutation { r: createRoleModel(role: AR, name: "AR model", nameZh: "客户经理模型") { id } }',
    );
    const version = await run<{ id: string }>(
      `mutation { r: createRoleModelVersion(roleModelId: "${model.id}", versionNo: 1, status: "PUBLISHED") { id } }`,
    );
    for (const code of ['D1', 'D2'])
      await run(`mutation { r: createRoleModelDimension(roleModelVersionId: "${version.id}", code: "${code}",
        name: "${code}", nameZh: "${code}") { id } }`);
    const framework = await run<{ id: string }>(
      `mutation { r: createQualificationFramework(${args({
        role: en('AR'),
        roleModelVersionId: version.id,
        name: 'AR framework',
        validityMonths: 24,
        status: 'ACTIVE',
        managerMayCertify: true,
      })}) { id } }`,
    );
    const level = await run<{ id: string }>(
      `mutation { r: createQualificationLevel(${args({
        frameworkId: framework.id,
        level: 1,
        name: 'L1',
        nameZh: '1 级',
        minTenureMonths: 0,
      })}) { id } }`,
    );
    for (const code of ['D1', 'D2'])
      await run(`mutation { r: createLevelRequirement(levelId: "${level.id}", dimensionCode: "${code}",
        minProficiency: 2) { id } }`);
  });

  // People first: the position assignments and assessments name them.
  const cases: Array<[string, RowsOf]> = [
    ['PERSON', people],
    ['ORG_UNIT', units],
    ['POSITION_ASSIGNMENT', positions],
    ['ASSESSMENT', assessments],
    ['AUTHORITY_RULE', rules],
  ];
  test.each(cases)('%s: four times the rows, a few statements more', async (type, rowsOf) => {
    // Offsets apart: a new file of each size (people: from 0, so that the others name S00000…).
    const small = type === 'PERSON' ? rowsOf(1000, SMALL) : rowsOf(100, SMALL);
    const large = type === 'PERSON' ? rowsOf(0, LARGE) : rowsOf(200, LARGE);
    // Units below units of the same file, the children first: the parents are still found (rows go in waves).
    if (type === 'ORG_UNIT') large.reverse();
    const figures: Record<string, number> = {};
    for (const [label, rows] of [
      ['small', small],
      ['large', large],
    ] as const) {
      const dry = await importRows(type, rows, true);
      expect(dry.result).toMatchObject({ committed: false, created: rows.length });
      const commit = await importRows(type, rows, false);
      expect(commit.result).toMatchObject({ committed: true, created: rows.length });
      const again = await importRows(type, rows, false);
      expect(again.result).toMatchObject({ committed: true, unchanged: rows.length });
      figures[`${label} dry`] = dry.statements;
      figures[`${label} commit`] = commit.statements;
      figures[`${label} again`] = again.statements;
    }
    for (const phase of ['dry', 'commit', 'again']) {
      expect(figures[`small ${phase}`]).toBeGreaterThan(0);
      expect(figures[`large ${phase}`]! - figures[`small ${phase}`]!).toBeLessThanOrEqual(MORE_AT_MOST);
    }
  });

  test('batched rows are written as one by one would be: parents, ratings, history', async () => {
    const [unit] = (await e.dataSource.query(
      'SELECT c.code AS code, p.code AS parent FROM org_units c JOIN org_units p ON p.id = c.parentId ' +
        "WHERE c.code = 'SU-201'",
    )) as Array<{ code: string; parent: string }>;
    expect(unit).toEqual({ code: 'SU-201', parent: 'SU-200' });
    const [byName] = (await e.dataSource.query(
      'SELECT p.code AS parent FROM org_units c JOIN org_units p ON p.id = c.parentId WHERE c.code = ?',
      ['SU-203'],
    )) as Array<{ parent: string }>;
    expect(byName).toEqual({ parent: 'SU-202' });
    const [ratings] = (await e.dataSource.query(
      'SELECT COUNT(*) AS n FROM assessment_ratings r JOIN assessments a ON a.id = r.assessmentId ' +
        "WHERE a.comment LIKE 'Statements %'",
    )) as Array<{ n: number | string }>;
    expect(Number(ratings!.n)).toBe(2 * (SMALL + LARGE));
    const res = await e.gql<{ r: Array<{ ratingSummary: string; levelReached: number | null; history: unknown }> }>(
      `{ r: allAssessments(filter: { q: "Statements 201" }) { ratingSummary levelReached } }`,
      {},
      { token: e.tokens.admin },
    );
    expect(res.body.errors).toBeUndefined();
    // Row 1 of the large file (from 200): D1:2; D2:3, both at least the level's 2.
    expect(res.body.data!.r).toEqual([{ ratingSummary: 'D1:2; D2:3', levelReached: 1 }]);
    const entries = (await e.dataSource.query(
      'SELECT c.after AS after FROM authority_changes c JOIN assessments a ON a.id = c.recordId ' +
        "WHERE c.recordType = 'Assessment' AND a.comment = 'Statements 201'",
    )) as Array<{ after: string | Record<string, unknown> }>;
    expect(entries).toHaveLength(1);
    const after = typeof entries[0]!.after === 'string' ? JSON.parse(entries[0]!.after) : entries[0]!.after;
    expect((after as { ratings: unknown[] }).ratings).toHaveLength(2);
  });
});
