// Statements sent together, in an order that matters (platform/together.ts inOrder; issue #13): the second piece's
// statement reaches the connection after the first's, whatever TypeORM's path to it; a piece that fails or asks for
// nothing does not leave the other waiting; guardedUpdate answers with the row as its update left it.
import type { EntityManager, QueryRunner } from 'typeorm';
import { inOrder } from '../src/platform/together';
import { guardedUpdate } from '../src/platform/crud';
import { Person } from '../src/modules/person/person.entity';
import { describeOnDatabases, TestEnv } from './support/databases';

/** The statements `em`'s runner is asked for, in the order they are asked (as the driver is handed them). */
function recordStatements(em: EntityManager): string[] {
  const seen: string[] = [];
  const runner = em.queryRunner as QueryRunner;
  const original = runner.query;
  runner.query = function (this: QueryRunner, ...args: Parameters<QueryRunner['query']>) {
    seen.push(String(args[0]).replace(/\s+/g, ' ').slice(0, 40));
    return original.apply(this, args);
  } as QueryRunner['query'];
  return seen;
}

describeOnDatabases('statements in order', (env) => {
  let e: TestEnv;
  beforeAll(() => {
    e = env();
  });

  const somePerson = async () => (await e.dataSource.manager.find(Person, { order: { id: 'ASC' }, take: 1 }))[0]!;

  test('a query builder update first, a find second: the update is asked for first, the find sees it', async () => {
    const person = await somePerson();
    await e.dataSource
      .transaction(async (em) => {
        const seen = recordStatements(em);
        // Without inOrder the find reaches the runner first (a query builder's update takes more steps to get there).
        const [result, row] = await inOrder(
          em,
          () =>
            em
              .createQueryBuilder()
              .update(Person)
              .set({ phone: '+86 10 0000 0001', version: () => 'version + 1' } as never)
              .where('id = :id', { id: person.id })
              .execute(),
          () => em.findOneBy(Person, { id: person.id }),
        );
        expect(result.affected).toBe(1);
        expect(row).toMatchObject({ phone: '+86 10 0000 0001', version: person.version + 1 });
        expect(seen.map((s) => s.split(' ')[0])).toEqual(['UPDATE', 'SELECT']);
        throw new Error('roll back');
      })
      .catch((error: Error) => {
        if (error.message !== 'roll back') throw error;
      });
  });

  test('the first asks for nothing, or fails before asking: the second still runs, the error is thrown', async () => {
    const person = await somePerson();
    await e.dataSource.transaction(async (em) => {
      const query = em.queryRunner!.query;
      const [nothing, row] = await inOrder(
        em,
        async () => 'nothing asked',
        () => em.findOneBy(Person, { id: person.id }),
      );
      expect(nothing).toBe('nothing asked');
      expect(row?.id).toBe(person.id);
      let second = false;
      await expect(
        inOrder(
          em,
          async () => {
            throw new Error('refused before any statement');
          },
          async () => {
            second = true;
            return em.findOneBy(Person, { id: person.id });
          },
        ),
      ).rejects.toThrow('refused before any statement');
      expect(second).toBe(true);
      // The runner is left as it was: the next statements go straight through.
      expect(em.queryRunner!.query).toBe(query);
      expect((await em.findOneBy(Person, { id: person.id }))?.id).toBe(person.id);
    });
  });

  test('guardedUpdate: the row as updated, a CONFLICT at a stale version, NOT_FOUND for a missing row', async () => {
    const person = await somePerson();
    const spec = { entity: Person, name: 'Person' };
    const now = new Date('2026-12-03T10:00:00.000Z');
    await e.dataSource
      .transaction(async (em) => {
        const seen = recordStatements(em);
        const after = await guardedUpdate(em, spec, person.id, person.version, { phone: '+86 10 0000 0002' }, now);
        expect(after).toMatchObject({ id: person.id, phone: '+86 10 0000 0002', version: person.version + 1 });
        expect(after.updatedAt.toISOString()).toBe(now.toISOString());
        // One update and one read, nothing read again.
        expect(seen.map((s) => s.split(' ')[0])).toEqual(['UPDATE', 'SELECT']);
        await expect(guardedUpdate(em, spec, person.id, person.version, { phone: 'x' }, now)).rejects.toMatchObject({
          extensions: { code: 'CONFLICT' },
        });
        await expect(guardedUpdate(em, spec, 999_999, 1, { phone: 'x' }, now)).rejects.toMatchObject({
          extensions: { code: 'NOT_FOUND' },
        });
        throw new Error('roll back');
      })
      .catch((error: Error) => {
        if (error.message !== 'roll back') throw error;
      });
  });
});
