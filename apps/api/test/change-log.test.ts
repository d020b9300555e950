// The change log's counters: every logged change gets the next revision; only a change the engine can see moves the
// authority counter (row 1) that every process's index compares; the others (a phone number) leave it alone.
import { AuthorityChange, encodeRecord, ensureChangeLogBaseline, LOGGED_BY_TYPE } from '../src/platform/change-log';
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

// Records written before their history was kept get a CREATE entry at start (ensureChangeLogBaseline), encoded as a
// change of the record would encode it, child rows (a body's seats, an assessment's ratings) included.
describeOnDatabases(
  'change log baseline',
  (env) => {
    test('every baseline entry holds the record as encodeRecord reads it now', async () => {
      const { dataSource } = env();
      // Two records with child rows lose their history, as records written before it was kept.
      const [body] = (await dataSource.query('SELECT decisionBodyId AS id FROM decision_body_seats LIMIT 1')) as Array<{
        id: number;
      }>;
      const [assessment] = (await dataSource.query(
        'SELECT assessmentId AS id FROM assessment_ratings LIMIT 1',
      )) as Array<{
        id: number;
      }>;
      const orphaned = [`DecisionBody:${Number(body!.id)}`, `Assessment:${Number(assessment!.id)}`];
      await dataSource.query(
        "DELETE FROM authority_changes WHERE (recordType = 'DecisionBody' AND recordId = ?) OR " +
          "(recordType = 'Assessment' AND recordId = ?)",
        [Number(body!.id), Number(assessment!.id)],
      );
      expect(await ensureChangeLogBaseline(dataSource)).toBe(2);
      const entries = await dataSource.getRepository(AuthorityChange).find({ where: { actorKind: 'SYSTEM' } });
      expect(entries.map((e) => `${e.recordType}:${e.recordId}`)).toEqual(expect.arrayContaining(orphaned));
      for (const entry of entries) {
        const type = LOGGED_BY_TYPE.get(entry.recordType)!;
        const now = await encodeRecord(dataSource.manager, type, entry.recordId);
        expect({ key: `${entry.recordType}:${entry.recordId}`, after: entry.after }).toEqual({
          key: `${entry.recordType}:${entry.recordId}`,
          after: now,
        });
        if (orphaned.includes(`${entry.recordType}:${entry.recordId}`))
          expect((entry.after as Record<string, unknown[]>)[type.children!.property]!.length).toBeGreaterThan(0);
      }
      // Nothing is missing any more: a second run writes nothing.
      expect(await ensureChangeLogBaseline(dataSource)).toBe(0);
    });
  },
  { demo: true },
);
