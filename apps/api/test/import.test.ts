import { describeOnDatabases, TestEnv } from './support/databases';

const IMPORT = `mutation($type: ImportType!, $rows: [JSON!]!, $dryRun: Boolean!) {
  importRecords(type: $type, rows: $rows, dryRun: $dryRun) {
    dryRun committed total created updated unchanged failed
    rows { row key action errors { field code message } }
  }
}`;

interface ImportAnswer {
  importRecords: {
    dryRun: boolean;
    committed: boolean;
    total: number;
    created: number;
    updated: number;
    unchanged: number;
    failed: number;
    rows: Array<{ row: number; key: string; action: string | null; errors: Array<Record<string, string>> }>;
  };
}

type Rows = Array<Record<string, unknown>>;

function importer(env: () => TestEnv) {
  return (rows: Rows, dryRun: boolean, options: { token?: string; headers?: Record<string, string> } = {}) => {
    const { gql, tokens } = env();
    return gql<ImportAnswer>(
      IMPORT,
      { type: 'PERSON', rows, dryRun },
      { token: options.token ?? tokens.admin, headers: options.headers },
    );
  };
}

async function peopleCount(env: TestEnv): Promise<number> {
  const [row] = (await env.dataSource.query('SELECT COUNT(*) AS n FROM people')) as Array<{ n: number | string }>;
  return Number(row?.n);
}

async function importAudits(env: TestEnv): Promise<Array<{ entityType: string; note: string }>> {
  const rows = (await env.dataSource.query(
    "SELECT entityType, note FROM audit_entries WHERE action = 'import' ORDER BY id",
  )) as Array<{ entityType: string; note: string }>;
  return rows;
}

const PEOPLE: Rows = [
  {
    employeeNo: 'IMP-1',
    name: '王伟',
    latinName: 'Wang Wei',
    email: 'wang.wei@example.com',
    phone: '+86 10 1234',
    orgUnitId: 'EAST-1',
    hiredAt: '2024-03-01',
    archivedAt: null,
  },
  // The org unit by name, as the export writes it.
  { employeeNo: 'IMP-2', name: 'Ada Import', orgUnitId: 'Unit WEST-1', hiredAt: null },
  // An existing person (fixture E0002, Eddie East): renamed.
  { employeeNo: 'E0002', name: 'Eddie Eastwood', orgUnitId: 'EAST-1' },
];

describeOnDatabases('import of people', (env) => {
  const importPeople = importer(env);

  test('a dry run reports every row and writes nothing', async () => {
    const before = await peopleCount(env());
    const answer = await importPeople(PEOPLE, true);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.importRecords).toMatchObject({
      dryRun: true,
      committed: false,
      total: 3,
      created: 2,
      updated: 1,
      unchanged: 0,
      failed: 0,
    });
    expect(answer.body.data!.importRecords.rows.map((r) => [r.row, r.key, r.action])).toEqual([
      [1, 'IMP-1', 'CREATE'],
      [2, 'IMP-2', 'CREATE'],
      [3, 'E0002', 'UPDATE'],
    ]);
    expect(await peopleCount(env())).toBe(before);
    expect(await importAudits(env())).toEqual([]);
  });

  test('one bad row: every problem named by row and field, in the reader’s language; nothing written', async () => {
    const before = await peopleCount(env());
    const bad: Rows = [
      ...PEOPLE,
      { employeeNo: 'IMP-3', name: '', email: 'not-an-email', orgUnitId: 'NOWHERE', hiredAt: '2024-02-30' },
      { employeeNo: 'IMP-1', name: 'Twice', orgUnitId: 'EAST-1' },
    ];
    const answer = await importPeople(bad, false);
    expect(answer.body.errors).toBeUndefined();
    const result = answer.body.data!.importRecords;
    expect(result).toMatchObject({ committed: false, created: 2, updated: 1, failed: 2 });
    const problems = result.rows
      .filter((r) => r.errors.length > 0)
      .map((r) => ({ row: r.row, action: r.action, errors: r.errors.map((e) => [e.field, e.code]).sort() }));
    expect(problems).toEqual([
      {
        row: 4,
        action: null,
        errors: [
          ['email', 'INVALID'],
          ['hiredAt', 'INVALID_DATE'],
          ['name', 'REQUIRED'],
          ['orgUnitId', 'UNKNOWN_REFERENCE'],
        ],
      },
      { row: 5, action: null, errors: [['employeeNo', 'DUPLICATE_KEY']] },
    ]);
    const unknown = result.rows[3]!.errors.find((e) => e.field === 'orgUnitId')!;
    expect(unknown.message).toContain('NOWHERE');
    expect(await peopleCount(env())).toBe(before);
    const renamed = await env().dataSource.query("SELECT name FROM people WHERE employeeNo = 'E0002'");
    expect(renamed).toEqual([{ name: 'Eddie East' }]);
    expect(await importAudits(env())).toEqual([]);
    // In Chinese: the same problems, worded in Chinese.
    const zh = await importPeople(bad, true, { headers: { 'accept-language': 'zh-CN' } });
    const duplicate = zh.body.data!.importRecords.rows[4]!.errors[0]!;
    expect(duplicate).toMatchObject({ field: 'employeeNo', code: 'DUPLICATE_KEY' });
    expect(duplicate.message).toMatch(/第 1 行/);
  });

  test('a good file is written in one go and audited once; the same file again changes nothing', async () => {
    const before = await peopleCount(env());
    const answer = await importPeople(PEOPLE, false);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.importRecords).toMatchObject({ committed: true, created: 2, updated: 1, failed: 0 });
    expect(await peopleCount(env())).toBe(before + 2);
    const { gql, tokens } = env();
    const read = await gql<{ allPeople: Array<Record<string, unknown>> }>(
      `{ allPeople(filter: { q: "IMP-" }, sortField: "employeeNo") {
          employeeNo name latinName email phone hiredAt orgUnit { code } version } }`,
      {},
      { token: tokens.admin },
    );
    expect(read.body.data!.allPeople).toEqual([
      {
        employeeNo: 'IMP-1',
        name: '王伟',
        latinName: 'Wang Wei',
        email: 'wang.wei@example.com',
        phone: '+86 10 1234',
        hiredAt: '2024-03-01T00:00:00.000Z',
        orgUnit: { code: 'EAST-1' },
        version: 1,
      },
      {
        employeeNo: 'IMP-2',
        name: 'Ada Import',
        latinName: null,
        email: null,
        phone: null,
        hiredAt: null,
        orgUnit: { code: 'WEST-1' },
        version: 1,
      },
    ]);
    const audits = await importAudits(env());
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: 'Person' });
    expect(audits[0]!.note).toContain('2 created, 1 updated, 0 unchanged');

    const again = await importPeople(PEOPLE, false);
    expect(again.body.data!.importRecords).toMatchObject({
      committed: true,
      created: 0,
      updated: 0,
      unchanged: 3,
      failed: 0,
    });
    expect(again.body.data!.importRecords.rows.every((r) => r.action === 'UNCHANGED')).toBe(true);
    expect(await peopleCount(env())).toBe(before + 2);
    expect(await importAudits(env())).toHaveLength(1);
    // A day in the file is the same as any time on that day (an export writes days).
    const afternoon = new Date('2024-03-01T15:30:00.000Z');
    const driverValue = env().dataSource.driver.preparePersistentValue(
      afternoon,
      env().dataSource.getMetadata('Person').findColumnWithPropertyName('hiredAt')!,
    ) as unknown;
    await env().dataSource.query("UPDATE people SET hiredAt = ? WHERE employeeNo = 'IMP-1'", [driverValue]);
    const days = await importPeople(PEOPLE, false);
    expect(days.body.data!.importRecords).toMatchObject({ unchanged: 3, updated: 0 });
    const versions = await gql<{ allPeople: Array<{ version: number }> }>(
      '{ allPeople(filter: { q: "IMP-" }) { version } }',
      {},
      { token: tokens.admin },
    );
    expect(versions.body.data!.allPeople.map((p) => p.version)).toEqual([1, 1]);
  });

  test('who may import: whoever may write people (ADMIN); HR, LEADER and VIEWER may not', async () => {
    const { tokens } = env();
    for (const token of [tokens.hr, tokens.leader, tokens.viewer]) {
      const refused = await importPeople(PEOPLE, true, { token });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await env().gql(IMPORT, { type: 'PERSON', rows: PEOPLE, dryRun: true }, { token: null });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('limits: at most 10,000 rows; a body above 256 kB only for an import', async () => {
    const { gql, tokens } = env();
    const tooMany = await importPeople(
      Array.from({ length: 10_001 }, (_, i) => ({ employeeNo: `X${i}` })),
      true,
    );
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(tooMany.body.errors?.[0]?.message).toContain('10000');
    const big = await gql(
      'query($pad: String) { me { id } }',
      { pad: 'x'.repeat(300 * 1024) },
      { token: tokens.admin },
    );
    expect(big.status).toBe(413);
  });
});

describeOnDatabases('import of org units', (env) => {
  const importUnits = (rows: Rows, dryRun: boolean, token?: string) =>
    env().gql<ImportAnswer>(IMPORT, { type: 'ORG_UNIT', rows, dryRun }, { token: token ?? env().tokens.admin });
  const UNITS: Rows = [
    // A new region below WEST (by name), an office below it (by the code an earlier row adds), and HQ renamed.
    { code: 'NORTH', name: 'North Region', kind: 'REGION', parentId: 'Unit WEST' },
    { code: 'NORTH-1', name: 'North Office', kind: 'REP_OFFICE', parentId: 'NORTH' },
    { code: 'HQ', name: 'Headquarters', kind: 'HQ', parentId: null },
  ];

  async function units(): Promise<Array<{ code: string; name: string; parent: string | null; version: number }>> {
    const rows = (await env().dataSource.query(
      'SELECT u.code AS code, u.name AS name, p.code AS parent, u.version AS version FROM org_units u ' +
        'LEFT JOIN org_units p ON p.id = u.parentId ORDER BY u.code',
    )) as Array<{ code: string; name: string; parent: string | null; version: number | string }>;
    return rows.map((r) => ({ ...r, version: Number(r.version) }));
  }

  test('a bad kind, an unknown parent and a cycle are refused by row; nothing written', async () => {
    const before = await units();
    const answer = await importUnits(
      [
        ...UNITS,
        { code: 'BAD-1', name: 'Bad kind', kind: 'GALAXY', parentId: 'HQ' },
        { code: 'BAD-2', name: 'Nowhere', kind: 'OTHER', parentId: 'NOPE' },
        // HQ below its own descendant: the tree check of updateOrgUnit refuses it.
        { code: 'EAST', name: 'Unit EAST', kind: 'REGION', parentId: 'EAST-1' },
      ],
      false,
    );
    expect(answer.body.errors).toBeUndefined();
    const result = answer.body.data!.importRecords;
    expect(result.committed).toBe(false);
    expect(result.rows.map((r) => [r.key, r.action, r.errors.map((e) => `${e.field}:${e.code}`)])).toEqual([
      ['NORTH', 'CREATE', []],
      ['NORTH-1', 'CREATE', []],
      ['HQ', 'UPDATE', []],
      ['BAD-1', null, ['kind:INVALID']],
      ['BAD-2', null, ['parentId:UNKNOWN_REFERENCE']],
      ['EAST', null, ['parentId:INVALID']],
    ]);
    expect(await units()).toEqual(before);
  });

  test('the file is written in one go; parents named by rows above; the same file again changes nothing', async () => {
    const answer = await importUnits(UNITS, false);
    expect(answer.body.data!.importRecords).toMatchObject({ committed: true, created: 2, updated: 1, failed: 0 });
    const after = await units();
    expect(after.filter((u) => ['HQ', 'NORTH', 'NORTH-1'].includes(u.code))).toEqual([
      { code: 'HQ', name: 'Headquarters', parent: null, version: 2 },
      { code: 'NORTH', name: 'North Region', parent: 'WEST', version: 1 },
      { code: 'NORTH-1', name: 'North Office', parent: 'NORTH', version: 1 },
    ]);
    const again = await importUnits(UNITS, false);
    expect(again.body.data!.importRecords).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await units()).toEqual(after);
    const audits = await importAudits(env());
    expect(audits.map((a) => a.entityType)).toEqual(['OrgUnit']);
  });

  test('only administrators change the org tree', async () => {
    for (const token of [env().tokens.hr, env().tokens.leader]) {
      const refused = await importUnits(UNITS, true, token);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
