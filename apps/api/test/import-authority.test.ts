// importRecords(type: AUTHORITY_RULE | DELEGATION): rules keyed by name and scope unit, delegations by delegator,
// delegate, decision points and start day; every row checked as its create mutation checks it.
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

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describeOnDatabases('import of authority rules and delegations', (env) => {
  let e: TestEnv;
  let tomorrow: string;
  let rules: Rows;
  let delegations: Rows;

  const importRows = (type: string, list: Rows, dryRun: boolean, opts: { token?: string; zh?: boolean } = {}) =>
    e.gql<ImportAnswer>(
      IMPORT,
      { type, rows: list, dryRun },
      {
        token: opts.token ?? e.tokens.admin,
        ...(opts.zh ? { headers: { 'accept-language': 'zh-CN' } } : {}),
      },
    );

  const errorsOf = (answer: ImportAnswer) =>
    answer.importRecords.rows
      .filter((r) => r.errors.length > 0)
      .map((r) => [r.row, r.errors.map((x) => `${x.field}:${x.code}`)]);

  async function count(table: string): Promise<number> {
    const [row] = (await e.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{ n: number | string }>;
    return Number(row?.n);
  }

  async function importAudits(): Promise<Array<{ entityType: string; note: string }>> {
    return (await e.dataSource.query(
      "SELECT entityType, note FROM audit_entries WHERE action = 'import' ORDER BY id",
    )) as Array<{ entityType: string; note: string }>;
  }

  async function changesOf(recordType: string): Promise<number> {
    const [row] = (await e.dataSource.query('SELECT COUNT(*) AS n FROM authority_changes WHERE recordType = ?', [
      recordType,
    ])) as Array<{ n: number | string }>;
    return Number(row?.n);
  }

  /** Who may take ATB on a grade III case of 100 CNY in EAST-1, the day after tomorrow. */
  async function deciders(): Promise<string[]> {
    const res = await e.gql<{ whoMayDecide: Array<{ personId: string }> }>(
      `query($input: CaseInput!) { whoMayDecide(input: $input) { personId } }`,
      {
        input: {
          decisionPoint: 'ATB',
          grade: 'III',
          orgUnitId: String(e.fixture.units.eastOffice),
          amount: '100.00',
          currency: 'CNY',
          at: new Date(e.fixture.now.getTime() + 2 * 86_400_000).toISOString(),
        },
      },
      { token: e.tokens.admin },
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.whoMayDecide.map((d) => d.personId).sort();
  }

  beforeAll(() => {
    e = env();
    tomorrow = day(e.fixture.now.getTime() + 86_400_000);
    rules = [
      // Lena Leader (E0001) is the business dept director of EAST (the fixture).
      {
        name: 'East bids',
        holderKind: 'POSITION',
        holderTitle: 'business_dept_director',
        holderOrgUnitId: 'EAST',
        decisionPoints: 'ATB, ATC',
        grades: 'II, III',
        scopeOrgUnitId: 'EAST',
        limit: 5000000,
        currency: 'CNY',
        validFrom: '2025-01-01',
        validTo: null,
        delegableDepth: '2',
      },
      // By the unit's name, a holder kind and currency in lower case, an amount as text with separators.
      {
        name: 'West initiation',
        holderKind: 'project_role',
        holderRole: 'AR',
        decisionPoints: ['ATI'],
        grades: 'III',
        scopeOrgUnitId: 'Unit WEST',
        limit: '1,000,000.50',
        currency: 'cny',
        validFrom: '2025-01-01',
      },
    ];
    delegations = [
      {
        sourceRuleId: 'East bids / EAST',
        delegatorId: 'E0001',
        delegateId: 'Eddie East',
        decisionPoints: 'ATB',
        grades: 'III',
        scopeOrgUnitId: 'EAST-1',
        limit: 1000000,
        currency: 'CNY',
        validFrom: tomorrow,
        validTo: '2030-01-01',
        redelegableDepth: 1,
        reason: 'covers the office bids',
      },
      // Re-delegated from the row above (by its key), within it.
      {
        sourceDelegationId: `E0001 / E0002 / ATB / ${tomorrow}`,
        delegatorId: 'E0002',
        delegateId: 'W0001',
        decisionPoints: 'ATB',
        grades: 'III',
        scopeOrgUnitId: 'EAST-1',
        limit: 500000,
        currency: 'CNY',
        validFrom: tomorrow,
        validTo: '2029-01-01',
        reason: 'while Eddie is away',
      },
    ];
  });

  test("rules: a dry run names every bad row in the reader's language and writes nothing", async () => {
    const dry = await importRows('AUTHORITY_RULE', rules, true);
    expect(dry.body.errors).toBeUndefined();
    expect(dry.body.data!.importRecords).toMatchObject({ committed: false, created: 2, failed: 0 });
    expect(dry.body.data!.importRecords.rows.map((r) => [r.key, r.action])).toEqual([
      ['East bids / EAST', 'CREATE'],
      ['West initiation / WEST', 'CREATE'],
    ]);
    const bad: Rows = [
      ...rules,
      // A POSITION holder without its title (the create's holder check).
      { ...rules[0], name: 'No title', holderTitle: null },
      { ...rules[0], name: 'Bad points', decisionPoints: 'ATB, XYZ', scopeOrgUnitId: 'NOWHERE' },
      { ...rules[0], name: 'Bad amount', limit: 'lots', delegableDepth: 'two' },
      // Ends before it starts (the create's window check).
      { ...rules[0], name: 'Backwards', validFrom: '2025-06-01', validTo: '2025-01-01' },
      { ...rules[1] },
    ];
    const answer = await importRows('AUTHORITY_RULE', bad, false);
    const result = answer.body.data!.importRecords;
    expect(result).toMatchObject({ committed: false, failed: 5 });
    expect(errorsOf(answer.body.data!)).toEqual([
      [3, ['holderTitle:INVALID']],
      [4, ['decisionPoints:INVALID', 'scopeOrgUnitId:UNKNOWN_REFERENCE']],
      [5, ['limit:INVALID_AMOUNT', 'delegableDepth:INVALID_NUMBER']],
      [6, ['validTo:INVALID']],
      [7, ['name:DUPLICATE_KEY']],
    ]);
    const zh = await importRows('AUTHORITY_RULE', bad, true, { zh: true });
    const messages = zh.body.data!.importRecords.rows.flatMap((r) => r.errors.map((x) => x.message));
    expect(messages).toContain('“lots”不是金额：请填写数字（如 5000000.00），币种填在其旁边的币种列。');
    expect(messages).toContain('找不到名称或代码为“NOWHERE”的组织单元。');
    expect(await count('authority_rules')).toBe(0);
    expect(await importAudits()).toEqual([]);
    expect(await changesOf('AuthorityRule')).toBe(0);
  });

  test('rules: written at once, in the change log, audited once; the same file again changes nothing', async () => {
    const answer = await importRows('AUTHORITY_RULE', rules, false);
    expect(answer.body.data!.importRecords).toMatchObject({ committed: true, created: 2, failed: 0 });
    const res = await e.gql<{ r: Array<Record<string, unknown>> }>(
      `{ r: allAuthorityRules(sortField: "id") { name holderKind holderTitle holderOrgUnitId holderRole decisionPoints
        grades scopeOrgUnit { code } limit currency validFrom delegableDepth version } }`,
      {},
      { token: e.tokens.admin },
    );
    expect(res.body.data!.r).toEqual([
      {
        name: 'East bids',
        holderKind: 'POSITION',
        holderTitle: 'BUSINESS_DEPT_DIRECTOR',
        holderOrgUnitId: String(e.fixture.units.east),
        holderRole: null,
        decisionPoints: ['ATB', 'ATC'],
        grades: ['II', 'III'],
        scopeOrgUnit: { code: 'EAST' },
        limit: '5000000.00',
        currency: 'CNY',
        validFrom: '2025-01-01T00:00:00.000Z',
        delegableDepth: 2,
        version: 1,
      },
      {
        name: 'West initiation',
        holderKind: 'PROJECT_ROLE',
        holderTitle: null,
        holderOrgUnitId: null,
        holderRole: 'AR',
        decisionPoints: ['ATI'],
        grades: ['III'],
        scopeOrgUnit: { code: 'WEST' },
        limit: '1000000.50',
        currency: 'CNY',
        validFrom: '2025-01-01T00:00:00.000Z',
        delegableDepth: 0,
        version: 1,
      },
    ]);
    expect(await changesOf('AuthorityRule')).toBe(2);
    expect(await importAudits()).toEqual([
      { entityType: 'AuthorityRule', note: 'import of 2 rows: 2 created, 0 updated, 0 unchanged' },
    ]);
    const again = await importRows('AUTHORITY_RULE', rules, false);
    expect(again.body.data!.importRecords).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 2 });
    expect(await changesOf('AuthorityRule')).toBe(2);
    expect(await importAudits()).toHaveLength(1);
    // A changed limit is an update; a changed holder is refused (updateAuthorityRule cannot change it either).
    const changed = await importRows(
      'AUTHORITY_RULE',
      [
        { ...rules[0], limit: 6000000 },
        { ...rules[1], holderRole: 'FR' },
      ],
      false,
    );
    expect(errorsOf(changed.body.data!)).toEqual([[2, ['holderRole:FIXED']]]);
    expect(changed.body.data!.importRecords.committed).toBe(false);
    const update = await importRows('AUTHORITY_RULE', [{ ...rules[0], limit: 6000000 }], false);
    expect(update.body.data!.importRecords).toMatchObject({ committed: true, updated: 1 });
    expect(await changesOf('AuthorityRule')).toBe(3);
  });

  test('delegations: judged by the engine row by row; a dry run leaves authority as it was', async () => {
    const before = await deciders();
    const dry = await importRows('DELEGATION', delegations, true);
    expect(dry.body.errors).toBeUndefined();
    expect(dry.body.data!.importRecords).toMatchObject({ committed: false, created: 2, failed: 0 });
    expect(dry.body.data!.importRecords.rows.map((r) => r.key)).toEqual([
      `E0001 / E0002 / ATB / ${tomorrow}`,
      `E0002 / W0001 / ATB / ${tomorrow}`,
    ]);
    // Above the source's limit, and a grade the source does not have: the engine's refusals, per row.
    const bad = await importRows(
      'DELEGATION',
      [
        delegations[0]!,
        { ...delegations[1], limit: 2000000, grades: 'I' },
        { ...delegations[0], delegateId: 'E0001', decisionPoints: 'ATC' },
        { ...delegations[0], sourceRuleId: 'No such rule', decisionPoints: 'ATC' },
      ],
      false,
      { zh: true },
    );
    const result = bad.body.data!.importRecords;
    expect(result).toMatchObject({ committed: false, failed: 3 });
    const errors = errorsOf(bad.body.data!);
    expect(errors[0]).toEqual([
      2,
      expect.arrayContaining(['limit:DELEGATION.EXCEEDS_LIMIT', 'grades:DELEGATION.EXCEEDS_GRADES']),
    ]);
    expect(errors[1]).toEqual([3, ['delegateId:INVALID']]);
    expect(errors[2]).toEqual([4, ['sourceRuleId:UNKNOWN_REFERENCE']]);
    expect(result.rows[1]!.errors.every((x) => /[\u4e00-\u9fff]/.test(x.message ?? ''))).toBe(true);
    expect(await count('delegations')).toBe(0);
    expect(await changesOf('Delegation')).toBe(0);
    // The dry runs judged the second row by an index with the first row in it: never the one others are answered by.
    const direct = { ...delegations[0], delegateId: 'W0001', reason: 'Wanda covers the office bids' };
    const one = await importRows('DELEGATION', [direct], false);
    expect(one.body.data!.importRecords).toMatchObject({ committed: true, created: 1 });
    expect(await deciders()).toEqual([...before, String(e.fixture.people.west1)].sort());
  });

  test('delegations: written at once, audited once; the same file (one since revoked) changes nothing', async () => {
    const answer = await importRows('DELEGATION', delegations, false);
    expect(answer.body.data!.importRecords).toMatchObject({ committed: true, created: 2, failed: 0 });
    const res = await e.gql<{ r: Array<Record<string, unknown>> }>(
      `{ r: allDelegations(sortField: "id", sortOrder: "ASC") { id delegator { employeeNo } delegate { employeeNo }
        sourceRuleId sourceDelegationId limit validTo reason } }`,
      {},
      { token: e.tokens.admin },
    );
    const [, first, second] = res.body.data!.r;
    expect(first).toMatchObject({
      delegator: { employeeNo: 'E0001' },
      delegate: { employeeNo: 'E0002' },
      limit: '1000000.00',
    });
    expect(second).toMatchObject({ sourceRuleId: null, sourceDelegationId: first!.id, limit: '500000.00' });
    expect(await changesOf('Delegation')).toBe(3);
    expect((await importAudits()).filter((a) => a.entityType === 'Delegation')).toHaveLength(2);
    const revoked = await e.gql(
      `mutation($id: ID!) { revokeDelegation(id: $id, reason: "no longer needed") { id } }`,
      {
        id: second!.id,
      },
      { token: e.tokens.admin },
    );
    expect(revoked.body.errors).toBeUndefined();
    const changes = await changesOf('Delegation');
    const again = await importRows('DELEGATION', delegations, false);
    expect(again.body.data!.importRecords).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 2 });
    expect(await changesOf('Delegation')).toBe(changes);
    // A new end and reason are an update; a new limit is refused (updateDelegation cannot change it).
    const edited = await importRows(
      'DELEGATION',
      [
        { ...delegations[0], validTo: '2029-06-01', reason: 'shorter now' },
        { ...delegations[1], limit: 400000 },
      ],
      false,
    );
    expect(errorsOf(edited.body.data!)).toEqual([[2, ['limit:FIXED']]]);
    const update = await importRows(
      'DELEGATION',
      [{ ...delegations[0], validTo: '2029-06-01', reason: 'shorter now' }],
      false,
    );
    expect(update.body.data!.importRecords).toMatchObject({ committed: true, updated: 1 });
    expect(await changesOf('Delegation')).toBe(changes + 1);
  });

  test('re-delegations: the source row first wherever it stands (by its key); past its depth: refused', async () => {
    const later = day(e.fixture.now.getTime() + 5 * 86_400_000);
    const parent = {
      sourceRuleId: 'East bids / EAST',
      delegatorId: 'E0001',
      delegateId: 'E0002',
      decisionPoints: 'ATC',
      grades: 'III',
      scopeOrgUnitId: 'EAST-1',
      limit: 1000000,
      currency: 'CNY',
      validFrom: later,
      validTo: '2030-01-01',
      redelegableDepth: 1,
      reason: 'covers the office contracts',
    };
    // Eddie holds ATC by the row below (re-delegable once); the source named by names, its start as an instant.
    const child = {
      sourceDelegationId: `Lena Leader / Eddie East / atc / ${later}T00:00:00.000Z`,
      delegatorId: 'E0002',
      delegateId: 'W0001',
      decisionPoints: 'ATC',
      grades: 'III',
      scopeOrgUnitId: 'EAST-1',
      limit: 500000,
      currency: 'CNY',
      validFrom: later,
      validTo: '2029-01-01',
      reason: 'while Eddie is away',
    };
    // Wanda's is not re-delegable (depth 0): passing it on again is beyond the depth (listed first: taken last).
    const grandchild = {
      ...child,
      sourceDelegationId: `E0002 / W0001 / ATC / ${later}`,
      delegatorId: 'W0001',
      delegateId: 'E0001',
      limit: 100000,
      reason: 'passed on once more',
    };
    const dry = await importRows('DELEGATION', [grandchild, child, parent], true);
    expect(dry.body.errors).toBeUndefined();
    expect(dry.body.data!.importRecords.rows.map((r) => [r.row, r.action])).toEqual([
      [1, null],
      [2, 'CREATE'],
      [3, 'CREATE'],
    ]);
    // (Lena, whom it would go back to, is on its chain too.)
    expect(errorsOf(dry.body.data!)).toEqual([
      [1, expect.arrayContaining(['sourceDelegationId:DELEGATION.DEPTH_EXHAUSTED'])],
    ]);
    const zh = await importRows('DELEGATION', [grandchild, child, parent], true, { zh: true });
    const message = (answer: ImportAnswer) => answer.importRecords.rows[0]!.errors[0]!.message;
    expect(message(zh.body.data!)).toMatch(/[\u4e00-\u9fff]/);
    expect(message(dry.body.data!)).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await count('delegations')).toBe(3);

    const answer = await importRows('DELEGATION', [child, parent], false);
    expect(answer.body.data!.importRecords).toMatchObject({ committed: true, created: 2, failed: 0 });
    const [made] = (await e.dataSource.query(
      `SELECT c.sourceDelegationId AS source, p.id AS parent FROM delegations c, delegations p
        WHERE c.reason = 'while Eddie is away' AND c.decisionPoints LIKE '%ATC%' AND p.reason = ?`,
      [parent.reason],
    )) as Array<{ source: number | string; parent: number | string }>;
    expect(String(made!.source)).toBe(String(made!.parent));
    const again = await importRows('DELEGATION', [child, parent], false);
    expect(again.body.data!.importRecords).toMatchObject({ committed: true, created: 0, unchanged: 2 });
  });

  test('scope: a LEADER imports only what they may create', async () => {
    const leader = e.tokens.leader;
    const answer = await importRows(
      'AUTHORITY_RULE',
      [
        { ...rules[0], name: 'Office bids', scopeOrgUnitId: 'EAST-1' },
        { ...rules[1], name: 'West bids' },
      ],
      false,
      { token: leader },
    );
    expect(errorsOf(answer.body.data!)).toEqual([[2, ['name:OUT_OF_SCOPE']]]);
    // Only from the leader's own authority.
    const delegated = await importRows(
      'DELEGATION',
      [
        { ...delegations[0], decisionPoints: 'ATC', delegateId: 'E0002', reason: 'for the office contracts' },
        { ...delegations[1], decisionPoints: 'ATB', validFrom: day(e.fixture.now.getTime() + 3 * 86_400_000) },
      ],
      true,
      { token: leader },
    );
    expect(delegated.body.data!.importRecords.rows.map((r) => [r.action, r.errors.map((x) => x.code)])).toEqual([
      ['CREATE', []],
      [null, ['OUT_OF_SCOPE']],
    ]);
    const viewer = await importRows('DELEGATION', delegations, true, { token: e.tokens.viewer });
    expect(viewer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
