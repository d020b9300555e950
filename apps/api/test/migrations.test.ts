// The migrations build, tear down and rebuild the schema on both databases.
import { describeOnDatabases } from './support/databases';

describeOnDatabases('migrations', (env) => {
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
