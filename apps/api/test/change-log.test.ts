// The change log's counters: every logged change gets the next revision; only a change the engine can see moves the
// authority counter (row 1) that every process's index compares; the others (a phone number) leave it alone.
import { describeOnDatabases } from './support/databases';

describeOnDatabases('change log counters', (env) => {
  const counters = async () => {
    const rows = (await env().dataSource.query('SELECT id, changeCount FROM authority_state ORDER BY id')) as Array<{
      id: number;
      changeCount: string | number;
    }>;
    return Object.fromEntries(rows.map((r) => [Number(r.id), String(r.changeCount)]));
  };
  const update = async (fields: string) => {
    const e = env();
    const person = await e.gql<{ Person: { version: number } }>(
      `{ Person(id: "${e.fixture.people.east1}") { version } }`,
      {},
      { token: e.tokens.admin },
    );
    const res = await e.gql<{ updatePerson: { version: number; history: Array<{ revision: string }> } }>(
      `mutation { updatePerson(id: "${e.fixture.people.east1}", version: ${person.body.data!.Person.version}, ` +
        `${fields}) { version history { revision operation before after } } }`,
      {},
      { token: e.tokens.admin },
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.updatePerson;
  };

  test('a phone number is logged but leaves the authority index alone; a name moves it', async () => {
    const start = await counters();
    const phone = await update('phone: "+86 21 5555 0101"');
    const afterPhone = await counters();
    expect(BigInt(afterPhone[3]!)).toBe(BigInt(start[3]!) + 1n);
    expect(afterPhone[1]).toBe(start[1]);
    expect(phone.history.at(-1)!.revision).toBe(afterPhone[3]);

    await update('name: "Renamed Person"');
    const afterName = await counters();
    expect(BigInt(afterName[3]!)).toBe(BigInt(start[3]!) + 2n);
    expect(afterName[1]).toBe(afterName[3]);
  });
});
