// Statements of the owner rule (platform/scope.ts): a caller who reaches records only because they own them (a LEADER
// owning an opportunity beyond their subtree) reads a list of stakeholders or plan actions, with their nested records,
// in the same number of statements for 3 rows as for 30. Ownership follows other records (a stakeholder through its
// opportunity, a plan action through its stakeholder's opportunity), and the rows are decided together in SQL,
// never one statement per row. The figures are printed; both databases.
import { InsertResult, IsNull } from 'typeorm';
import { describeOnDatabases, GqlResult, TestEnv } from './support/databases';
import { RelationshipPlanAction, Stakeholder, StakeholderAttitude } from '../src/modules/power-map/power-map.entity';
import { Opportunity } from '../src/modules/opportunity/opportunity.entity';
import type { Context } from '../src/platform/context';
import { lockedRow, requestStats } from '../src/platform/db';
import { assertWritable, callerScope, canRead, readableRows } from '../src/platform/scope';

type Data = Record<string, unknown>;

describeOnDatabases('statements of the owner rule: the same for 3 rows as for 30', (env) => {
  let e: TestEnv;
  /** Per size: the customer, the LEADER's opportunity, and the stakeholders and plan actions they own through it. */
  const worlds = new Map<
    number,
    { customer: string; opportunity: string; stakeholders: string[]; actions: string[] }
  >();
  const SIZES = [3, 30];

  async function ok<T = Data>(query: string, variables: Data, token: string): Promise<GqlResult<T>> {
    const res = await e.gql<T>(query, variables, { token });
    expect(res.body.errors).toBeUndefined();
    return res;
  }

  beforeAll(async () => {
    e = env();
    const { people, units } = e.fixture;
    const admin = e.tokens.admin;
    const em = e.dataSource.manager;
    const stamp = { version: 1, createdAt: new Date(), updatedAt: new Date() };
    for (const n of SIZES) {
      // A customer outside the LEADER's subtree (west): they read its records only by the owner rule.
      const customer = (
        await ok<{ createCustomer: { id: string } }>(
          `mutation($n: String!, $u: ID!) { createCustomer(name: $n, tier: S, orgUnitId: $u) { id } }`,
          { n: `Statements ${n}`, u: String(units.westOffice) },
          admin,
        )
      ).body.data!.createCustomer.id;
      const opportunity = (
        await ok<{ createOpportunity: { id: string } }>(
          `mutation($c: ID!, $u: ID!, $o: ID!) { createOpportunity(name: "Deal", customerId: $c, orgUnitId: $u,
            ownerId: $o, expectedAmount: "500000", currency: "CNY", closeDate: "2030-06-01T00:00:00Z") { id } }`,
          { c: customer, u: String(units.westOffice), o: String(people.leader) },
          admin,
        )
      ).body.data!.createOpportunity.id;
      const stakeholders: string[] = [];
      const actions: string[] = [];
      let reportsTo: number | null = null;
      for (let i = 0; i < n; i += 1) {
        // On the LEADER's opportunity; the relationship is someone else's (the rule follows the opportunity).
        const s: InsertResult = await em.insert(Stakeholder, {
          customerId: Number(customer),
          opportunityId: Number(opportunity),
          name: `Stakeholder ${n}.${i}`,
          title: null,
          reportsToId: reportsTo,
          decisionRole: i === 0 ? 'DECISION_MAKER' : 'INFLUENCER',
          influence: 'HIGH',
          relationshipOwnerId: people.east1,
          ...stamp,
        });
        const id: number = Number(s.identifiers[0]!.id);
        reportsTo ??= id;
        stakeholders.push(String(id));
        await em.insert(StakeholderAttitude, {
          stakeholderId: id,
          attitude: (i % 7) - 3,
          at: new Date(Date.now() - 86_400_000),
          recordedById: null,
          note: null,
          ...stamp,
        });
        // Aimed at that stakeholder, done by someone else, for no opportunity: owned through the stakeholder's.
        const a = await em.insert(RelationshipPlanAction, {
          customerId: Number(customer),
          opportunityId: null,
          stakeholderId: id,
          action: `Visit ${i}`,
          ownerId: people.east1,
          dueDate: new Date(Date.now() + (i - 1) * 86_400_000),
          doneAt: null,
          note: null,
          ...stamp,
        });
        actions.push(String(a.identifiers[0]!.id));
      }
      // The customer's own map, nobody's of theirs: out of the LEADER's reach, whatever the size.
      const other = await em.insert(Stakeholder, {
        customerId: Number(customer),
        opportunityId: null,
        name: `Not theirs ${n}`,
        title: null,
        reportsToId: null,
        decisionRole: 'USER',
        influence: 'LOW',
        relationshipOwnerId: people.east1,
        ...stamp,
      });
      await em.insert(RelationshipPlanAction, {
        customerId: Number(customer),
        opportunityId: null,
        stakeholderId: Number(other.identifiers[0]!.id),
        action: 'Not theirs',
        ownerId: people.east1,
        dueDate: new Date(),
        doneAt: null,
        note: null,
        ...stamp,
      });
      worlds.set(n, { customer, opportunity, stakeholders, actions });
    }
  });

  const statements = (res: GqlResult<unknown>) => Number(res.headers.get('x-sql-statements'));

  /** The statements of `query` for each size, as the LEADER, after one request of the same kind (see lists.test). */
  async function measure(
    name: string,
    query: string,
    variables: (n: number) => Data,
    ids: (data: Data) => string[],
    expected: (n: number) => string[],
  ): Promise<number[]> {
    const figures: number[] = [];
    for (const n of SIZES) {
      await ok(query, variables(n), e.tokens.leader);
      const res = await ok<Data>(query, variables(n), e.tokens.leader);
      expect(ids(res.body.data!)).toEqual(expected(n));
      figures.push(statements(res));
    }
    console.log(`${e.kind} ${name}: ${SIZES.map((n, i) => `N=${n}: ${figures[i]} statements`).join(', ')}`);
    return figures;
  }

  test('stakeholders of an opportunity the LEADER owns: the list, its count and nested records', async () => {
    const [small, large] = await measure(
      'allStakeholders',
      `query($o: ID!) {
        allStakeholders(filter: { opportunityId: $o }, perPage: 100, sortField: "id", sortOrder: "ASC") {
          id name attitude attitudeHistory { attitude } opportunity { id } reportsTo { id } relationshipOwner { id }
        }
        _allStakeholdersMeta(filter: { opportunityId: $o }) { count }
      }`,
      (n) => ({ o: worlds.get(n)!.opportunity }),
      (data) => (data.allStakeholders as Array<{ id: string }>).map((s) => s.id),
      (n) => worlds.get(n)!.stakeholders,
    );
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  test('the power map nested on the opportunity, and on the customer (only what the LEADER owns)', async () => {
    const [small, large] = await measure(
      'Opportunity.stakeholders',
      `query($o: ID!) { Opportunity(id: $o) { id stakeholders { id attitude reportsTo { id name } } } }`,
      (n) => ({ o: worlds.get(n)!.opportunity }),
      (data) => ((data.Opportunity as { stakeholders: Array<{ id: string }> }).stakeholders ?? []).map((s) => s.id),
      (n) => worlds.get(n)!.stakeholders,
    );
    expect(large).toBe(small);
  });

  test('plan actions owned through their stakeholder’s opportunity: the list with nested records', async () => {
    const [small, large] = await measure(
      'allRelationshipPlanActions',
      `query($c: ID!) {
        allRelationshipPlanActions(filter: { customerId: $c }, perPage: 100, sortField: "id", sortOrder: "ASC") {
          id overdue stakeholder { id name attitude opportunity { id } } owner { id }
        }
        _allRelationshipPlanActionsMeta(filter: { customerId: $c }) { count }
      }`,
      (n) => ({ c: worlds.get(n)!.customer }),
      (data) => (data.allRelationshipPlanActions as Array<{ id: string }>).map((a) => a.id),
      (n) => worlds.get(n)!.actions,
    );
    expect(large).toBe(small);
  });

  /** The LEADER's request context, their scope already known (its statements are not the rule's). */
  async function leaderContext(): Promise<Context> {
    const ctx = await e.server.makeContext({ headers: { authorization: `Bearer ${e.tokens.leader}` } });
    await callerScope(ctx);
    return ctx;
  }

  /** What `work` costs in statements. */
  async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const stats = { statements: 0 };
    const result = await requestStats.run(stats, work);
    return { result, statements: stats.statements };
  }

  test('readableRows and canRead decide the rows together in one statement, in order', async () => {
    const ctx = await leaderContext();
    const em = e.server.db.manager;
    const figures: string[] = [];
    for (const n of SIZES) {
      const world = worlds.get(n)!;
      // Every row of the customer, newest first: the LEADER's (through the opportunity) and the one that is not.
      for (const [entity, owned] of [
        [Stakeholder, world.stakeholders],
        [RelationshipPlanAction, world.actions],
      ] as const) {
        const rows = await em.find(entity, { where: { customerId: Number(world.customer) }, order: { id: 'DESC' } });
        expect(rows).toHaveLength(n + 1);
        const { result, statements } = await counted(() => readableRows(ctx, em, entity, rows));
        expect(result.map((r) => String(r.id))).toEqual([...owned].reverse());
        expect(statements).toBe(1);
        figures.push(`${entity.name} N=${n}: ${statements}`);
      }
      const [mine, theirs] = await Promise.all([
        em.findOneByOrFail(Stakeholder, { id: Number(world.stakeholders[0]) }),
        em.findOneByOrFail(Stakeholder, { customerId: Number(world.customer), opportunityId: IsNull() }),
      ]);
      const one = await counted(async () => [
        await canRead(ctx, em, Stakeholder, mine),
        await canRead(ctx, em, Stakeholder, theirs),
      ]);
      expect(one.result).toEqual([true, false]);
      expect(one.statements).toBe(2);
    }
    console.log(`${e.kind} readableRows: ${figures.join(', ')} statements`);
  });

  test('the write guard locks the records ownership follows: an owner change waits for the write', async () => {
    const ctx = await leaderContext();
    const world = worlds.get(3)!;
    const order: string[] = [];
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // The LEADER's write of a stakeholder on their opportunity: allowed, its transaction held open after the check.
    let guardStatements = 0;
    const write = e.server.db.transaction(async (em) => {
      try {
        const before = await lockedRow(em, Stakeholder, Number(world.stakeholders[1]));
        const checked = await counted(() => assertWritable(ctx, em, Stakeholder, 'stakeholder', before, before));
        guardStatements = checked.statements;
      } finally {
        locked();
      }
      await released;
      order.push('write commits');
    });
    await isLocked;
    let reassign: Promise<GqlResult<unknown>> | undefined;
    try {
      if (e.kind === 'mariadb') {
        // The opportunity's row is locked by the write: a locking read that will not wait is refused at once.
        await expect(
          e.dataSource.query(`SELECT id FROM opportunities WHERE id = ? FOR UPDATE NOWAIT`, [
            Number(world.opportunity),
          ]),
        ).rejects.toMatchObject({ driverError: { code: 'ER_LOCK_WAIT_TIMEOUT' } });
      }
      // Meanwhile an administrator gives the opportunity to someone else: answered only after the write commits
      // (MariaDB: it waits for that lock; SQLite runs one writer at a time).
      const opportunity = await e.dataSource.manager.findOneByOrFail(Opportunity, { id: Number(world.opportunity) });
      reassign = e
        .gql(
          `mutation($id: ID!, $v: Int!, $o: ID!) { updateOpportunity(id: $id, version: $v, ownerId: $o) { ownerId } }`,
          { id: world.opportunity, v: opportunity.version, o: String(e.fixture.people.east1) },
          { token: e.tokens.admin },
        )
        .then((res) => {
          order.push('reassignment answered');
          return res;
        });
    } finally {
      release();
    }
    await write;
    // The opportunity is read once for the checks before and after (and the customer once).
    expect(guardStatements).toBe(2);
    const res = await reassign!;
    expect(res.body.errors).toBeUndefined();
    expect(order).toEqual(['write commits', 'reassignment answered']);
    // Now the opportunity is someone else's: the same write is refused to the LEADER, by the same guard.
    await expect(
      e.server.db.transaction(async (em) => {
        const before = await lockedRow(em, Stakeholder, Number(world.stakeholders[1]));
        await assertWritable(ctx, em, Stakeholder, 'stakeholder', before, before);
      }),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    // Back to the LEADER, for the other tests.
    const back = await e.gql(
      `mutation($id: ID!, $v: Int!, $o: ID!) { updateOpportunity(id: $id, version: $v, ownerId: $o) { id } }`,
      {
        id: world.opportunity,
        v: (await e.dataSource.manager.findOneByOrFail(Opportunity, { id: Number(world.opportunity) })).version,
        o: String(e.fixture.people.leader),
      },
      { token: e.tokens.admin },
    );
    expect(back.body.errors).toBeUndefined();
  });
});
