// The migrations build, tear down and rebuild the schema on both databases.
import { LIST_SORT_INDEXES } from '../src/migrations/1764890500000-list-sort-indexes';
import { QUALIFIED_PEOPLE_INDEX } from '../src/migrations/1764900000000-qualified-people-index';
import { describeOnDatabases } from './support/databases';

describeOnDatabases('migrations', (env) => {
  test('the orders the lists open with have their indexes; a first page is read in index order', async () => {
    const { dataSource } = env();
    const runner = dataSource.createQueryRunner();
    try {
      for (const index of LIST_SORT_INDEXES) {
        const table = await runner.getTable(index.table);
        const found = table?.indices.find((i) => i.name === index.name);
        expect({ table: index.table, columns: found?.columnNames }).toEqual({
          table: index.table,
          columns: index.columns,
        });
      }
    } finally {
      await runner.release();
    }
    if (dataSource.options.type !== 'mysql') {
      for (const [table, order] of [
        ['projects', 'name ASC'],
        ['customers', 'name ASC'],
        ['decisions', 'decidedAt DESC'],
        ['delegations', 'validFrom DESC'],
      ] as const) {
        const plan = (await dataSource.query(
          `EXPLAIN QUERY PLAN SELECT * FROM ${table} ORDER BY ${order} LIMIT 25`,
        )) as Array<{ detail: string }>;
        const details = plan.map((p) => p.detail).join(' | ');
        expect(details).toMatch(/USING INDEX ix_/);
        expect(details).not.toMatch(/TEMP B-TREE/);
      }
    }
  });

  test('talent search reads its candidates by an index of role, certification and level', async () => {
    const { dataSource } = env();
    const runner = dataSource.createQueryRunner();
    try {
      const table = await runner.getTable(QUALIFIED_PEOPLE_INDEX.table);
      const found = table?.indices.find((i) => i.name === QUALIFIED_PEOPLE_INDEX.name);
      expect(found?.columnNames).toEqual([...QUALIFIED_PEOPLE_INDEX.columns]);
    } finally {
      await runner.release();
    }
    if (dataSource.options.type !== 'mysql') {
      const plan = (await dataSource.query(
        'EXPLAIN QUERY PLAN SELECT DISTINCT personId FROM assessments WHERE role = ? AND certifies = ? AND ' +
          'levelReached >= ?',
        ['AR', 1, 3],
      )) as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING INDEX ix_assessments_role_certifies_level/);
    }
  });

  test('two writers with the same version: exactly one wins, the other gets CONFLICT', async () => {
    const { gql, tokens, fixture } = env();
    const update = (name: string) =>
      gql(
        `mutation { updatePerson(id: "${fixture.people.east1}", version: 1, name: "${name}") { version } }`,
        {},
        { token: tokens.admin },
      );
    const results = await Promise.all([update('A'), update('B'), update('C'), update('D')]);
    const codes = results.map((r) => (r.body.errors ? r.body.errors[0]!.extensions!.code : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
  });

  test('decisions recorded before terms were kept take their project terms; the settings row is seeded', async () => {
    const { dataSource, fixture } = env();
    const mine = dataSource.migrations.findIndex((m) => m.name === 'CompanySettingsAndDecisionTerms1764860000000');
    expect(mine).toBeGreaterThan(0);
    for (let i = dataSource.migrations.length - 1; i >= mine; i--)
      await dataSource.undoLastMigration({ transaction: 'each' });
    const mysql = dataSource.options.type === 'mysql';
    const at = mysql ? new Date() : new Date().toISOString().replace('T', ' ').replace('Z', '');
    await dataSource.query(
      'INSERT INTO projects (externalRef, name, customerId, orgUnitId, stage, amountMinor, currency, grade, ' +
        'gradeReasons, gradeCriteria, gradeJustification, version, createdAt, updatedAt) ' +
        "VALUES ('MIG-1', 'Before terms', NULL, ?, 'OPPORTUNITY', 123456789, 'USD', 'II', '[]', NULL, NULL, 1, ?, ?)",
      [fixture.units.eastOffice, at, at],
    );
    const [{ id: projectId }] = (await dataSource.query("SELECT id FROM projects WHERE externalRef = 'MIG-1'")) as [
      { id: number },
    ];
    await dataSource.query(
      'INSERT INTO decisions (projectId, decisionPoint, outcome, deciderId, decidedAt, chain, complete, comment, ' +
        'idempotencyKey, version, createdAt, updatedAt) ' +
        "VALUES (?, 'ATI', 'APPROVED', ?, ?, ?, 1, NULL, 'mig-1', 1, ?, ?)",
      [projectId, fixture.people.leader, at, JSON.stringify({ links: [], body: null }), at, at],
    );
    expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(dataSource.migrations.length - mine);
    const [decision] = (await dataSource.query(
      "SELECT amountMinor, currency, grade, reopenedAt FROM decisions WHERE idempotencyKey = 'mig-1'",
    )) as Array<Record<string, unknown>>;
    expect({ ...decision, amountMinor: String(decision!.amountMinor) }).toEqual({
      amountMinor: '123456789',
      currency: 'USD',
      grade: 'II',
      reopenedAt: null,
    });
    const settings = (await dataSource.query(
      'SELECT id, version, materialChangeShare, sponsorConflictOfInterest, decisionDueDays FROM company_settings',
    )) as Array<Record<string, unknown>>;
    expect(settings.map((r) => ({ ...r, sponsorConflictOfInterest: Number(r.sponsorConflictOfInterest) }))).toEqual([
      {
        id: 1,
        version: 1,
        materialChangeShare: '10',
        sponsorConflictOfInterest: 0,
        decisionDueDays: '{"I":10,"II":5,"III":3}',
      },
    ]);
  });

  test('revert every migration, then apply them again', async () => {
    const { dataSource } = env();
    const tables = async (): Promise<string[]> => {
      const rows: Array<{ name: string }> =
        dataSource.options.type === 'mysql'
          ? await dataSource.query(
              'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
            )
          : await dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table'");
      return rows.map((r) => r.name).filter((n) => n !== 'schema_migrations' && !n.startsWith('sqlite_'));
    };
    expect(await tables()).toEqual(expect.arrayContaining(['org_units', 'people', 'projects', 'audit_entries']));
    const count = dataSource.migrations.length;
    for (let i = 0; i < count; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(count);
    expect(await tables()).toEqual(expect.arrayContaining(['org_units', 'people', 'projects', 'audit_entries']));
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
