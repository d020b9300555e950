// importRecords(type: ASSESSMENT): assessments keyed by person (employee number or name), role, kind and day; the
// framework by name (blank: the role's ACTIVE one); ratings as one "DIM:score; …" cell, as the export writes them.
import { describeOnDatabases, TestEnv } from './support/databases';
import { args, en } from './support/graphql';

const IMPORT = `mutation($type: ImportType!, $rows: [JSON!]!, $dryRun: Boolean!) {
  importRecords(type: $type, rows: $rows, dryRun: $dryRun) {
    dryRun committed total created updated unchanged failed
    rows { row key action errors { field code message } }
  }
}`;

interface ImportAnswer {
  importRecords: {
    committed: boolean;
    created: number;
    updated: number;
    unchanged: number;
    failed: number;
    rows: Array<{ row: number; key: string; action: string | null; errors: Array<Record<string, string>> }>;
  };
}

type Rows = Array<Record<string, unknown>>;

const ROWS: Rows = [
  // A new one, the person by name and the framework by name.
  {
    personId: 'Wanda West',
    role: 'AR',
    kind: 'PANEL',
    assessedAt: '2025-06-10',
    frameworkId: 'AR framework',
    ratingSummary: 'D1:3; D2:2',
    comment: 'Imported.',
  },
  // A new one, the framework left blank: the ACTIVE framework of the role.
  { personId: 'E0001', role: 'AR', kind: 'SELF', assessedAt: '2025-06-11', ratingSummary: 'D1:1; D2:1' },
  // The existing one (made in beforeAll): new ratings, the assessor by employee number.
  {
    personId: 'E0002',
    role: 'AR',
    kind: 'PANEL',
    assessedAt: '2025-05-20',
    assessorId: 'E0001',
    ratingSummary: 'D1:4; D2:3',
    levelReached: '1',
    validUntil: '2027-05-20',
  },
];

describeOnDatabases('import of assessments', (env) => {
  let e: TestEnv;
  let existingId: string;

  const importRows = (rows: Rows, dryRun: boolean, token?: string, headers?: Record<string, string>) =>
    e.gql<ImportAnswer>(IMPORT, { type: 'ASSESSMENT', rows, dryRun }, { token: token ?? e.tokens.hr, headers });

  async function run<T>(query: string, token = e.tokens.hr): Promise<T> {
    const res = await e.gql<Record<string, T>>(query, {}, { token });
    if (res.body.errors) throw new Error(`${query.slice(0, 80)}…: ${JSON.stringify(res.body.errors)}`);
    return Object.values(res.body.data!)[0] as T;
  }

  async function assessments(): Promise<Array<Record<string, unknown>>> {
    return run(`{ r: allAssessments(sortField: "assessedAt") { id person { employeeNo } role kind assessedAt
      assessorId comment levelReached version ratingSummary ratings { dimensionCode score evidence } } }`);
  }

  async function importAudits(): Promise<Array<{ entityType: string; note: string }>> {
    return (await e.dataSource.query(
      "SELECT entityType, note FROM audit_entries WHERE action = 'import' ORDER BY id",
    )) as Array<{ entityType: string; note: string }>;
  }

  beforeAll(async () => {
    e = env();
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
    const existing = await run<{ id: string }>(
      `mutation { r: createAssessment(${args({
        personId: String(e.fixture.people.east1),
        frameworkId: framework.id,
        kind: en('PANEL'),
        assessedAt: new Date('2025-05-20T09:30:00.000Z'),
        ratings: [
          { dimension: 'D1', proficiency: 2, evidence: 'Led the Q1 bid.' },
          { dimension: 'D2', proficiency: 2 },
        ],
      })}) { id } }`,
    );
    existingId = existing.id;
  });

  test('a dry run reports every row (created, updated) and writes nothing', async () => {
    const before = await assessments();
    const answer = await importRows(ROWS, true);
    expect(answer.body.errors).toBeUndefined();
    const result = answer.body.data!.importRecords;
    expect(result).toMatchObject({ committed: false, created: 2, updated: 1, unchanged: 0, failed: 0 });
    expect(result.rows.map((r) => [r.key, r.action])).toEqual([
      ['W0001 / AR / PANEL / 2025-06-10', 'CREATE'],
      ['E0001 / AR / SELF / 2025-06-11', 'CREATE'],
      ['E0002 / AR / PANEL / 2025-05-20', 'UPDATE'],
    ]);
    expect(await assessments()).toEqual(before);
    expect(await importAudits()).toEqual([]);
  });

  test('bad rows: each problem named by row and field, in the reader’s language; nothing written', async () => {
    const before = await assessments();
    const bad: Rows = [
      ...ROWS,
      // A dimension the role model does not have (the evaluation's check), a kind that is none.
      { personId: 'W0001', role: 'AR', kind: 'BOSS', assessedAt: '2025-07-01', ratingSummary: 'D1:3; D9:2' },
      // A rating that is not "code:score"; a role the framework is not for.
      {
        personId: 'W0001',
        role: 'FR',
        kind: 'SELF',
        assessedAt: '2025-07-02',
        frameworkId: 'AR framework',
        ratingSummary: 'D1=3',
      },
      // Nobody of that name; no ratings.
      { personId: 'Nobody', role: 'AR', kind: 'SELF', assessedAt: '2025-07-03' },
      // The same assessment twice.
      { ...ROWS[1] },
    ];
    const answer = await importRows(bad, false);
    expect(answer.body.errors).toBeUndefined();
    const result = answer.body.data!.importRecords;
    expect(result).toMatchObject({ committed: false, failed: 4 });
    const problems = result.rows
      .filter((r) => r.errors.length > 0)
      .map((r) => ({ row: r.row, errors: r.errors.map((x) => `${x.field}:${x.code}`).sort() }));
    expect(problems).toEqual([
      { row: 4, errors: ['kind:INVALID'] },
      { row: 5, errors: ['ratings:INVALID_RATINGS', 'role:ROLE_MISMATCH'] },
      { row: 6, errors: ['personId:UNKNOWN_REFERENCE', 'ratings:REQUIRED'] },
      { row: 7, errors: ['personId:DUPLICATE_KEY'] },
    ]);
    expect(await assessments()).toEqual(before);
    expect(await importAudits()).toEqual([]);
    // The unknown dimension: refused by createAssessment's evaluation, on the ratings.
    const unknownDimension = await importRows(
      [{ personId: 'W0001', role: 'AR', kind: 'SELF', assessedAt: '2025-07-01', ratingSummary: 'D1:3; D9:2' }],
      true,
    );
    expect(unknownDimension.body.data!.importRecords.rows[0]!.errors.map((x) => x.field)).toEqual(['ratings']);
    const zh = await importRows(bad, true, undefined, { 'accept-language': 'zh-CN' });
    const wrongRating = zh.body.data!.importRecords.rows[4]!.errors.find((x) => x.field === 'ratings')!;
    expect(wrongRating.message).toContain('维度代码');
  });

  test('a good file: written at once, audited once; it (or its export) again changes nothing', async () => {
    const answer = await importRows(ROWS, false);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.importRecords).toMatchObject({ committed: true, created: 2, updated: 1, failed: 0 });
    const after = await assessments();
    expect(after.map((a) => [(a.person as { employeeNo: string }).employeeNo, a.kind, a.ratingSummary])).toEqual([
      ['E0002', 'PANEL', 'D1:4; D2:3'],
      ['W0001', 'PANEL', 'D1:3; D2:2'],
      ['E0001', 'SELF', 'D1:1; D2:1'],
    ]);
    const updated = after.find((a) => a.id === existingId)!;
    // The moment within the day is kept, the evidence of a dimension still rated too; the evaluation is redone.
    expect(updated).toMatchObject({
      assessedAt: '2025-05-20T09:30:00.000Z',
      assessorId: String(e.fixture.people.leader),
      version: 2,
      levelReached: 1,
      ratings: [
        { dimensionCode: 'D1', score: 4, evidence: 'Led the Q1 bid.' },
        { dimensionCode: 'D2', score: 3, evidence: null },
      ],
    });
    expect(after[1]).toMatchObject({ comment: 'Imported.', levelReached: 1 });
    expect(after[2]).toMatchObject({ levelReached: null });
    const audits = await importAudits();
    expect(audits).toEqual([expect.objectContaining({ entityType: 'Assessment' })]);
    expect(audits[0]!.note).toContain('2 created, 1 updated, 0 unchanged');

    const again = await importRows(ROWS, false);
    expect(again.body.data!.importRecords).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 3 });
    expect(await assessments()).toEqual(after);
    expect(await importAudits()).toHaveLength(1);

    // The export's rows (person by name, framework by name, the ratings' one cell) read back: all unchanged.
    const exported = after.map((a) => ({
      personId: (a.person as { employeeNo: string }).employeeNo,
      role: a.role,
      kind: a.kind,
      assessedAt: String(a.assessedAt).slice(0, 10),
      frameworkId: 'AR framework',
      ratingSummary: a.ratingSummary,
    }));
    const roundTrip = await importRows(exported, true);
    expect(roundTrip.body.data!.importRecords).toMatchObject({ unchanged: 3, failed: 0 });

    // A changed score alone is an update (the ratings are rows of their own).
    const rescored = await importRows([{ ...ROWS[2], ratingSummary: 'D1:4; D2:4' }], true);
    expect(rescored.body.data!.importRecords.rows[0]!.action).toBe('UPDATE');
  });

  test('who may import: whoever may write assessments (ADMIN, HR); LEADER and VIEWER may not', async () => {
    const admin = await importRows(ROWS, true, e.tokens.admin);
    expect(admin.body.data!.importRecords.failed).toBe(0);
    for (const token of [e.tokens.leader, e.tokens.viewer]) {
      const refused = await importRows(ROWS, true, token);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
