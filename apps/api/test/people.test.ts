import { describeOnDatabases } from './support/databases';

describeOnDatabases('people', (env) => {
  test('admin creates, reads, updates and archives a person', async () => {
    const { gql, tokens, fixture } = env();
    const created = await gql<{ createPerson: { id: string; version: number; name: string } }>(
      'mutation($o: ID!) { createPerson(employeeNo: "X1", name: "Xia One", orgUnitId: $o) { id version name } }',
      { o: String(fixture.units.eastOffice) },
      { token: tokens.admin },
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data!.createPerson.id;
    const updated = await gql(
      'mutation($id: ID!) { updatePerson(id: $id, version: 1, name: "Xia Two") { name version } }',
      { id },
      { token: tokens.admin },
    );
    expect(updated.body.data).toEqual({ updatePerson: { name: 'Xia Two', version: 2 } });
    const stale = await gql(
      'mutation($id: ID!) { updatePerson(id: $id, version: 1, name: "Xia Three") { name } }',
      { id },
      { token: tokens.admin },
    );
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const list = await gql(
      '{ allPeople(filter: { q: "xia" }) { id name orgUnit { code } } _allPeopleMeta(filter: { q: "xia" }) { count } }',
      {},
      { token: tokens.viewer },
    );
    expect(list.body).toEqual({
      data: { allPeople: [{ id, name: 'Xia Two', orgUnit: { code: 'EAST-1' } }], _allPeopleMeta: { count: 1 } },
      extensions: { revision: expect.stringMatching(/^\d+$/) },
    });
  });
});
