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

  test('a Latin name: trimmed, at most 200 characters, shown by language, found by search', async () => {
    const { gql, tokens, fixture } = env();
    type Row = { id: string; name: string; latinName: string | null; displayName: string; version: number };
    const FIELDS = 'id name latinName displayName version';
    const zh = { 'accept-language': 'zh-CN' };
    const created = await gql<{ createPerson: Row }>(
      `mutation($o: ID!) { createPerson(employeeNo: "L1", name: "欧阳娜", latinName: "  Ouyang Na ", orgUnitId: $o)
        { ${FIELDS} } }`,
      { o: String(fixture.units.eastOffice) },
      { token: tokens.admin },
    );
    expect(created.body.errors).toBeUndefined();
    const person = created.body.data!.createPerson;
    expect(person).toMatchObject({ name: '欧阳娜', latinName: 'Ouyang Na', displayName: 'Ouyang Na' });
    const one = `query($id: ID!) { Person(id: $id) { ${FIELDS} } }`;
    const inChinese = await gql<{ Person: Row }>(one, { id: person.id }, { token: tokens.viewer, headers: zh });
    expect(inChinese.body.data!.Person.displayName).toBe('欧阳娜');
    // Search finds the person by the Latin name (any case) as by the name.
    for (const q of ['ouyang', 'OUYANG NA', '欧阳']) {
      const found = await gql<{ allPeople: Array<{ id: string }> }>(
        `query($q: String) { allPeople(filter: { q: $q }) { id } }`,
        { q },
        { token: tokens.viewer },
      );
      expect({ q, ids: found.body.data!.allPeople.map((p) => p.id) }).toEqual({ q, ids: [person.id] });
    }
    // Longer than 200 characters once trimmed: refused, nothing written.
    const update = (latinName: string | null, version: number) =>
      gql<{ updatePerson: Row }>(
        `mutation($id: ID!, $v: Int!, $l: String) { updatePerson(id: $id, version: $v, latinName: $l) { ${FIELDS} } }`,
        { id: person.id, v: version, l: latinName },
        { token: tokens.admin },
      );
    const long = await update(`  ${'a'.repeat(201)}  `, person.version);
    expect(long.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.body.errors?.[0]?.extensions?.fieldErrors).toHaveProperty('latinName');
    const exact = await update(` ${'b'.repeat(200)} `, person.version);
    expect(exact.body.errors).toBeUndefined();
    expect(exact.body.data!.updatePerson.latinName).toBe('b'.repeat(200));
    // Blank or null: none; English then shows the name.
    const blank = await update('   ', exact.body.data!.updatePerson.version);
    expect(blank.body.data!.updatePerson).toMatchObject({ latinName: null, displayName: '欧阳娜' });
    const cleared = await update(null, blank.body.data!.updatePerson.version);
    expect(cleared.body.data!.updatePerson).toMatchObject({ latinName: null, displayName: '欧阳娜' });
  });
});
