// Parallel load and races: writes never wedge the pool, a read never leaves its transaction, a busy pool answers
// SERVICE_UNAVAILABLE instead of hanging, and transitions racing edits of what they depend on keep their invariants.
import { describeOnDatabases, TestEnv } from './support/databases';
import { args } from './support/graphql';
import { TransactionLeakError } from '../src/platform/errors';
import { Delegation } from '../src/modules/delegation/delegation.entity';
import { createPool, Scenario, seedScenario } from './operations/scenario';

type Answer = Awaited<ReturnType<TestEnv['gql']>>;
const codeOf = (res: Answer) => (res.body.errors?.[0]?.extensions?.code as string | undefined) ?? null;

describeOnDatabases(
  'parallel writes on a small pool',
  (env) => {
    let e: TestEnv;
    beforeAll(() => {
      e = env();
    });

    test(
      '50 parallel LEADER writes of three kinds (create, update, ' +
        'refused delete) all answer; /readyz is 200 afterwards',
      async () => {
        const { units } = e.fixture;
        // Projects to update (in the LEADER's subtree) and to try to delete (outside it: refused).
        const make = async (name: string, orgUnitId: number) => {
          const res = await e.gql<{ createProject: { id: string; version: number } }>(
            `mutation {
            createProject(${args({
              name,
              orgUnitId: String(orgUnitId),
              stage: 'LEAD',
              amount: '10.00',
              currency: 'CNY',
            })}) { id version } }`,
            {},
            { token: e.tokens.admin },
          );
          if (!res.body.data?.createProject) throw new Error(JSON.stringify(res.body));
          return res.body.data.createProject;
        };
        const toUpdate = await Promise.all(Array.from({ length: 17 }, (_, i) => make(`East ${i}`, units.eastOffice)));
        const toDelete = await Promise.all(Array.from({ length: 16 }, (_, i) => make(`West ${i}`, units.westOffice)));
        const leader = { token: e.tokens.leader };
        const writes: Array<Promise<Answer>> = [
          ...Array.from({ length: 17 }, (_, i) =>
            e.gql(
              `mutation {
              createProject(${args({
                name: `New ${i}`,
                orgUnitId: String(units.eastOffice),
                stage: 'LEAD',
                amount: '1.00',
                currency: 'CNY',
              })}) { id } }`,
              {},
              leader,
            ),
          ),
          ...toUpdate.map((p, i) =>
            e.gql(
              `mutation { updateProject(${args({ id: p.id, version: p.version, name: `East ${i} renamed` })}) { id
              version } }`,
              {},
              leader,
            ),
          ),
          ...toDelete.map((p) => e.gql(`mutation { deleteProject(id: "${p.id}") { id } }`, {}, leader)),
        ];
        const answers = await Promise.all(writes);
        expect(answers).toHaveLength(50);
        const created = answers.slice(0, 17);
        const updated = answers.slice(17, 34);
        const deleted = answers.slice(34);
        expect(created.map(codeOf)).toEqual(Array(17).fill(null));
        expect(updated.map(codeOf)).toEqual(Array(17).fill(null));
        for (const res of deleted) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(res));
        const ready = await fetch(e.url.replace(/\/graphql$/, '/readyz'));
        expect(ready.status).toBe(200);
      },
    );

    test(
      'inside a transaction every read goes through it: the manager is the ' +
        'transaction’s, a nested transaction joins, a pooled read is refused',
      async () => {
        const db = e.server.db;
        await db.transaction(async (em) => {
          expect(db.inTransaction).toBe(true);
          expect(db.manager).toBe(em);
          await db.transaction(async (inner) => expect(inner).toBe(em));
        });
        expect(db.inTransaction).toBe(false);
        expect(db.manager).toBe(e.dataSource.manager);
        if (e.kind === 'mariadb') {
          // dataSource.manager bypasses the transaction: it would need a second connection (a wedge once the pool is
          // full).
          await expect(db.transaction(() => e.dataSource.manager.query('SELECT 1'))).rejects.toBeInstanceOf(
            TransactionLeakError,
          );
        } else {
          // SQLite has one connection: the same read runs on it.
          await expect(db.transaction(() => e.dataSource.manager.query('SELECT 1 AS one'))).resolves.toEqual([
            { one: 1 },
          ]);
        }
      },
    );
  },
  { env: { DATABASE_POOL_SIZE: '5' } },
);

describeOnDatabases(
  'a busy pool answers instead of hanging',
  (env) => {
    test(
      'with its only connection held, a request is answered SERVICE_UNAVAILABLE ' +
        '(busy) after the acquire timeout, and the server stays up',
      async () => {
        const e = env();
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let entered!: () => void;
        const inside = new Promise<void>((resolve) => (entered = resolve));
        const held = e.server.db.transaction(async (em) => {
          await em.query('SELECT 1');
          entered();
          await gate;
        });
        await inside;
        const during = await e.gql<{ allOrgUnits: Array<{ id: string }> }>(
          '{ allOrgUnits { id } }',
          {},
          { token: e.tokens.viewer },
        );
        release();
        await held;
        if (e.kind === 'mariadb') {
          expect(codeOf(during)).toBe('SERVICE_UNAVAILABLE');
          expect(during.body.errors![0]!.message).toMatch(/busy/);
          expect(during.body.errors![0]!.extensions!.retryAfterSeconds).toBe(1);
        } else {
          // The embedded database has no pool: the read runs on its one connection.
          expect(during.body.data!.allOrgUnits.length).toBeGreaterThan(0);
        }
        // A busy pool is not a database outage: the next request is served, /readyz is 200.
        const after = await e.gql<{ allOrgUnits: Array<{ id: string }> }>(
          '{ allOrgUnits { id } }',
          {},
          { token: e.tokens.viewer },
        );
        expect(after.body.errors).toBeUndefined();
        expect((await fetch(e.url.replace(/\/graphql$/, '/readyz'))).status).toBe(200);
      },
    );
  },
  { env: { DATABASE_POOL_SIZE: '1', DATABASE_ACQUIRE_TIMEOUT_MS: '300' } },
);

// 40 rounds on MariaDB, where rows lock and transactions interleave; SQLite runs one writer at a time: 10 there.
const ROUNDS_ON = { mariadb: 40, sqlite: 10 } as const;

describeOnDatabases('races between transitions and edits (40 rounds each on MariaDB, 10 on SQLite)', (env) => {
  let e: TestEnv;
  let s: Scenario;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
  });

  const fund = (poolId: string) =>
    e.gql<{ fundPool: { status: string; fundedAmount: string } }>(
      'mutation($id: ID!) { fundPool(id: $id) { status fundedAmount } }',
      { id: poolId },
      { token: s.tokens.admin },
    );
  const metricsOf = async (poolId: string) =>
    (
      await e.gql<{ allPoolMetrics: Array<{ id: string; version: number; metric: string; actual: string }> }>(
        'query($p: ID!) { allPoolMetrics(filter: { poolId: $p }) { id version metric actual } }',
        { p: poolId },
        { token: s.tokens.admin },
      )
    ).body.data!.allPoolMetrics;
  const updateActual = (metric: { id: string; version: number }, actual: string) =>
    e.gql(
      'mutation($id: ID!, $v: Int!, $a: Money!) { updatePoolMetric(id: $id, version: $v, actual: $a) { id } }',
      { id: metric.id, v: metric.version, a: actual },
      { token: s.tokens.admin },
    );

  test('fundPool racing updatePoolMetric: a FUNDED pool’s funding always matches its stored metrics', async () => {
    // What funding gives for the original orders actual and for the edited one (learned sequentially).
    const CHANGED = '6000000.00';
    const plain = await createPool(e, s);
    const expectedOriginal = (await fund(plain)).body.data!.fundPool.fundedAmount;
    const edited = await createPool(e, s);
    await updateActual(
      (await metricsOf(edited)).find((m) => m.metric === 'ORDERS')!,
      CHANGED,
    );
    const expectedEdited = (await fund(edited)).body.data!.fundPool.fundedAmount;
    expect(expectedEdited).not.toBe(expectedOriginal);

    let violations = 0;
    const outcomes = { editFirst: 0, fundFirst: 0 };
    for (let round = 0; round < ROUNDS_ON[e.kind]; round++) {
      const poolId = await createPool(e, s);
      const orders = (await metricsOf(poolId)).find((m) => m.metric === 'ORDERS')!;
      const [funded, edit] = await Promise.all([fund(poolId), updateActual(orders, CHANGED)]);
      expect(codeOf(funded)).toBeNull();
      const stored = (await metricsOf(poolId)).find((m) => m.metric === 'ORDERS')!;
      const fundedAmount = funded.body.data!.fundPool.fundedAmount;
      if (codeOf(edit) === null) {
        outcomes.editFirst += 1;
        if (stored.actual !== CHANGED || fundedAmount !== expectedEdited) violations += 1;
      } else {
        expect(codeOf(edit)).toBe('POOL.NOT_DRAFT');
        outcomes.fundFirst += 1;
        if (stored.actual === CHANGED || fundedAmount !== expectedOriginal) violations += 1;
      }
    }
    expect(outcomes.editFirst + outcomes.fundFirst).toBe(ROUNDS_ON[e.kind]);
    expect(violations).toBe(0);
  });

  test(
    'revokeDelegation racing createDelegation from it: ' + 'no delegation derived from a revoked one stays active',
    async () => {
      const CREATE = `mutation($src: ID, $srcD: ID, $from: ID!, $to: ID!, $scope: ID!, $validFrom: DateTime!, $depth:
      Int) {
      createDelegation(sourceRuleId: $src, sourceDelegationId: $srcD, delegatorId: $from, delegateId: $to,
      decisionPoints: [ATB], grades: [III], scopeOrgUnitId: $scope,
        limit: "1000000.00", currency: "CNY", validFrom: $validFrom, redelegableDepth: $depth,
        reason: "Cover bids while travelling") { id } }`;
      const validFrom = e.fixture.now.toISOString();
      const scope = String(e.fixture.units.eastOffice);
      let violations = 0;
      const outcomes = { childFirst: 0, revokeFirst: 0 };
      for (let round = 0; round < ROUNDS_ON[e.kind]; round++) {
        const parent = await e.gql<{ createDelegation: { id: string } }>(
          CREATE,
          {
            src: String(s.rules.director),
            from: String(s.people.leader),
            to: String(s.people.east1),
            scope,
            validFrom,
            depth: 1,
          },
          { token: s.tokens.admin },
        );
        const parentId = parent.body.data!.createDelegation.id;
        const [child, revoke] = await Promise.all([
          e.gql(
            CREATE,
            { srcD: parentId, from: String(s.people.east1), to: String(s.people.outsider), scope, validFrom, depth: 0 },
            { token: s.tokens.admin },
          ),
          e.gql(
            'mutation($id: ID!) { revokeDelegation(id: $id, reason: "Travel cancelled") { id } }',
            { id: parentId },
            { token: s.tokens.admin },
          ),
        ]);
        expect(codeOf(revoke)).toBeNull();
        if (codeOf(child) === null) outcomes.childFirst += 1;
        else {
          expect(codeOf(child)).toBe('BAD_USER_INPUT');
          outcomes.revokeFirst += 1;
        }
        // The records themselves, read from the database: every delegation derived from the revoked one is revoked.
        const derived = await e.dataSource.manager.findBy(Delegation, { sourceDelegationId: Number(parentId) });
        violations += derived.filter((d) => d.revokedAt === null).length;
      }
      expect(outcomes.childFirst + outcomes.revokeFirst).toBe(ROUNDS_ON[e.kind]);
      expect(violations).toBe(0);
    },
  );
});
