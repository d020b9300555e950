// importRecords(type: POSITION_ASSIGNMENT): assignments keyed by person, title, org unit and the day they start.
import { describeOnDatabases, TestEnv } from './support/databases';

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

describeOnDatabases('import of position assignments', (env) => {
  let e: TestEnv;
  let rows: Rows;
  let leaderFrom: string;

  const importRows = (list: Rows, dryRun: boolean, token?: string) =>
    e.gql<ImportAnswer>(
      IMPORT,
      { type: 'POSITION_ASSIGNMENT', rows: list, dryRun },
      { token: token ?? e.tokens.admin },
    );

  async function assignments(): Promise<Array<Record<string, unknown>>> {
    const res = await e.gql<{ r: Array<Record<string, unknown>> }>(
      `{ r: allPositionAssignments(sortField: "id") { id person { employeeNo } title orgUnit { code } validFrom
        validTo version } }`,
      {},
      { token: e.tokens.admin },
    );
    return res.body.data!.r;
  }

  async function importAudits(): Promise<Array<{ entityType: string; note: string }>> {
    return (await e.dataSource.query(
      "SELECT entityType, note FROM audit_entries WHERE action = 'import' ORDER BY id",
    )) as Array<{ entityType: string; note: string }>;
  }

  beforeAll(() => {
    e = env();
    // The fixture's one assignment: Lena Leader (E0001), business dept director of EAST since yesterday.
    leaderFrom = new Date(e.fixture.now.getTime() - 86_400_000).toISOString().slice(0, 10);
    rows = [
      { personId: 'W0001', title: 'BU_PRESIDENT', orgUnitId: 'WEST', validFrom: '2025-01-01', validTo: null },
      // By name, a title in lower case (the code), an end.
      {
        personId: 'Eddie East',
        title: 'sales_manager',
        orgUnitId: 'Unit EAST-1',
        validFrom: '2025-02-01',
        validTo: '2025-12-31',
      },
      // The existing one: now ends.
      {
        personId: 'E0001',
        title: 'BUSINESS_DEPT_DIRECTOR',
        orgUnitId: 'EAST',
        validFrom: leaderFrom,
        validTo: '2030-01-01',
      },
    ];
  });

  test('a dry run reports every row; bad rows are named by row and field; nothing written', async () => {
    const before = await assignments();
    const dry = await importRows(rows, true);
    expect(dry.body.errors).toBeUndefined();
    expect(dry.body.data!.importRecords).toMatchObject({ committed: false, created: 2, updated: 1, failed: 0 });
    expect(dry.body.data!.importRecords.rows.map((r) => [r.key, r.action])).toEqual([
      ['W0001 / BU_PRESIDENT / WEST / 2025-01-01', 'CREATE'],
      ['E0002 / SALES_MANAGER / EAST-1 / 2025-02-01', 'CREATE'],
      [`E0001 / BUSINESS_DEPT_DIRECTOR / EAST / ${leaderFrom}`, 'UPDATE'],
    ]);
    const bad = await importRows(
      [
        ...rows,
        { personId: 'W0001', title: 'not a code', orgUnitId: 'WEST', validFrom: '2025-03-01' },
        { personId: 'W0001', title: 'CFO', orgUnitId: 'NOWHERE', validFrom: '2025-03-01' },
        // Ends before it starts: the window check of createPositionAssignment.
        { personId: 'W0001', title: 'CFO', orgUnitId: 'WEST', validFrom: '2025-03-01', validTo: '2025-02-01' },
        { ...rows[0] },
      ],
      false,
    );
    const result = bad.body.data!.importRecords;
    expect(result).toMatchObject({ committed: false, failed: 4 });
    expect(
      result.rows.filter((r) => r.errors.length > 0).map((r) => [r.row, r.errors.map((x) => `${x.field}:${x.code}`)]),
    ).toEqual([
      [4, ['title:INVALID']],
      [5, ['orgUnitId:UNKNOWN_REFERENCE']],
      [6, ['validTo:INVALID']],
      [7, ['personId:DUPLICATE_KEY']],
    ]);
    expect(await assignments()).toEqual(before);
    expect(await importAudits()).toEqual([]);
  });

  test('a good file: written at once, audited once; the same file again changes nothing', async () => {
    const answer = await importRows(rows, false);
    expect(answer.body.data!.importRecords).toMatchObject({ committed: true, created: 2, updated: 1, failed: 0 });
    const after = await assignments();
    expect(after.map((a) => [(a.person as { employeeNo: string }).employeeNo, a.title, a.validTo, a.version])).toEqual([
      ['E0001', 'BUSINESS_DEPT_DIRECTOR', '2030-01-01T00:00:00.000Z', 2],
      ['W0001', 'BU_PRESIDENT', null, 1],
      ['E0002', 'SALES_MANAGER', '2025-12-31T00:00:00.000Z', 1],
    ]);
    // The existing start keeps its moment within its day.
    expect(after[0]!.validFrom).toBe(new Date(e.fixture.now.getTime() - 86_400_000).toISOString());
    const audits = await importAudits();
    expect(audits).toEqual([expect.objectContaining({ entityType: 'PositionAssignment' })]);
    const again = await importRows(rows, false);
    expect(again.body.data!.importRecords).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await assignments()).toEqual(after);
    expect(await importAudits()).toHaveLength(1);
  });

  test('only administrators change positions (HR, LEADER and VIEWER may not)', async () => {
    for (const token of [e.tokens.hr, e.tokens.leader, e.tokens.viewer]) {
      const refused = await importRows(rows, true, token);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
