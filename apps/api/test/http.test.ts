// GraphQL over HTTP: media types, status codes, CSRF, batching, body size, limits, masked errors, and what
// happens when the database goes away and comes back.
import { describeOnDatabases } from './support/databases';
import { DataSource } from 'typeorm';
import { Database } from '../src/platform/db';
import { DatabaseHealth } from '../src/platform/health';
import { createLogger } from '../src/platform/logger';

describeOnDatabases(
  'HTTP behaviour and limits',
  (env) => {
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(env().url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    test('answers GraphQL over HTTP with the right media types and status codes', async () => {
      const ok = await post({ query: '{ __typename }' });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
      expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      // Outside production the answer says how long the API took (the benchmark's writes are timed by it).
      const timing = /^app;dur=(\d+\.\d)$/.exec(ok.headers.get('server-timing') ?? '');
      expect(timing).not.toBeNull();
      expect(Number(timing![1])).toBeGreaterThanOrEqual(0);
      expect((await post('{ not json')).status).toBe(400);
      expect((await post({})).status).toBe(400);
      const parse = await post({ query: '{ allPeople ' });
      expect(parse.status).toBe(400);
      expect(
        ((await parse.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
      ).toBe('GRAPHQL_PARSE_FAILED');
      const invalid = await post({ query: '{ nope }' });
      expect(invalid.status).toBe(400);
      expect(
        ((await invalid.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
      ).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    test("requests and responses are born with the app's prototypes: Express changes no prototype", async () => {
      // A changed prototype is what made a quarter of each request outlive the young generation (born-express.ts).
      const { app, httpServer } = env().server;
      const born: boolean[] = [];
      const onRequest = (req: object, res: object) => {
        born.push(Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response);
      };
      httpServer.prependListener('request', onRequest);
      const changed: string[] = [];
      const setPrototypeOf = Object.setPrototypeOf;
      const spy = jest.spyOn(Object, 'setPrototypeOf').mockImplementation((target: object, proto: object | null) => {
        if (Object.getPrototypeOf(target) !== proto) changed.push(String(target?.constructor?.name));
        return setPrototypeOf(target, proto);
      });
      try {
        const graphql = await post({ query: '{ __typename }' });
        expect(graphql.status).toBe(200);
        expect(((await graphql.json()) as { data: unknown }).data).toEqual({ __typename: 'Query' });
        const health = await fetch(env().url.replace('/graphql', '/healthz'));
        expect(health.status).toBe(200);
        expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      } finally {
        spy.mockRestore();
        httpServer.off('request', onRequest);
      }
      expect(born).toEqual([true, true]);
      expect(changed).toEqual([]);
      // The app's request and response still carry Express's methods and the app itself.
      expect(typeof app.request.get).toBe('function');
      expect(typeof app.response.json).toBe('function');
      expect((app.request as unknown as { app: unknown }).app).toBe(app);
    });

    test('refuses batches, simple (CSRF-prone) requests, mutations over GET and large bodies', async () => {
      const batch = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
      expect(batch.status).toBe(400);
      const simple = await fetch(env().url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(simple.status).toBe(400);
      const getQuery = await fetch(`${env().url}?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(getQuery.status).toBe(200);
      const getNoPreflight = await fetch(`${env().url}?query=${encodeURIComponent('{ __typename }')}`);
      expect(getNoPreflight.status).toBe(400);
      const getMutation = await fetch(
        `${env().url}?query=${encodeURIComponent('mutation { login(email: "a", password: "b") { token } }')}`,
        { headers: { 'apollo-require-preflight': 'true' } },
      );
      expect(getMutation.status).toBe(405);
      const big = await post({ query: '{ __typename }', variables: { pad: 'x'.repeat(300_000) } });
      expect(big.status).toBe(413);
    });

    test('limits query depth, aliases, cost and tokens', async () => {
      const { gql, tokens } = env();
      const deep = await gql(
        '{ allPeople { orgUnit { parent { parent { parent { parent { code } } } } } } }',
        {},
        { token: tokens.viewer },
      );
      expect(deep.status).toBe(400);
      expect(deep.body.errors?.[0]?.message).toMatch(/levels deep; the limit is 5/);
      const aliases = await gql(
        '{ a: __typename b: __typename c: __typename d: __typename }',
        {},
        { token: tokens.viewer },
      );
      expect(aliases.body.errors?.[0]?.message).toMatch(/4 aliases; the limit is 3/);
      const costly = await gql(
        'query($n: Int) { allPeople(perPage: $n) { id name email orgUnit { name } } }',
        { n: 100 },
        { token: tokens.viewer },
      );
      expect(costly.status).toBe(400);
      expect(costly.body.errors?.[0]?.message).toMatch(/would cost \d+ .* the limit is 200/);
      const cheap = await gql(
        'query($n: Int) { allPeople(perPage: $n) { id name } }',
        { n: 10 },
        { token: tokens.viewer },
      );
      expect(cheap.body.errors).toBeUndefined();
      const long = await gql(
        `{ ${Array.from({ length: 400 }, () => '__typename').join(' ')} }`,
        {},
        { token: tokens.viewer },
      );
      expect(long.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    test('errors carry stable codes, field errors, and unknown errors are masked', async () => {
      const { gql, tokens, dataSource } = env();
      const bad = await gql(
        'mutation { createPerson(employeeNo: "", name: "x", orgUnitId: "1", email: "not-an-email") { id } }',
        {},
        { token: tokens.admin },
      );
      expect(bad.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: { employeeNo: expect.any(String), email: expect.any(String) },
      });
      const missing = await gql(
        'mutation { updatePerson(id: "424242", version: 1, name: "x") { id } }',
        {},
        { token: tokens.admin },
      );
      expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      await dataSource.query('ALTER TABLE decision_body_seats RENAME TO decision_body_seats_gone');
      try {
        const broken = await gql('{ allDecisionBodySeats { id } }', {}, { token: tokens.admin });
        expect(broken.body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
        const text = JSON.stringify(broken.body);
        expect(text).not.toMatch(/decision_body_seats|SELECT|stack|sqlite|mysql|at /i);
      } finally {
        await dataSource.query('ALTER TABLE decision_body_seats_gone RENAME TO decision_body_seats');
      }
    });

    test('fails fast with SERVICE_UNAVAILABLE while the database is gone and recovers by itself', async () => {
      const { gql, tokens, dataSource, url } = env();
      const base = url.replace(/\/graphql$/, '');
      await dataSource.destroy();
      const down = await gql('{ _allPeopleMeta { count } }', {}, { token: tokens.viewer });
      expect(down.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      // The failure is confirmed by pings in the background; from then on even { __typename } fails fast.
      let fast = await gql('{ __typename }');
      for (let i = 0; i < 50 && fast.status !== 503; i++) {
        await new Promise((r) => setTimeout(r, 100));
        fast = await gql('{ __typename }');
      }
      expect(fast.status).toBe(503);
      expect(fast.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      await dataSource.initialize();
      let ready = 503;
      for (let i = 0; i < 50 && ready !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ready = (await fetch(`${base}/readyz`)).status;
      }
      expect(ready).toBe(200);
      const back = await gql('{ _allPeopleMeta { count } }', {}, { token: tokens.viewer });
      expect(back.body.errors).toBeUndefined();
    });

    test('one lost connection is a suspicion, not an outage: pings dismiss it and requests go on', async () => {
      const { gql, tokens, dataSource } = env();
      const health = new DatabaseHealth(new Database(dataSource), createLogger('silent'), { probeIntervalMs: 20 });
      await health.reportFailure(Object.assign(new Error('read ETIMEDOUT'), { code: 'ETIMEDOUT' }));
      expect({ up: health.isUp(), ...health.stats }).toEqual({ up: true, suspicions: 1, dismissed: 1, outages: 0 });
      if (env().kind === 'mariadb') {
        // Pooled connections killed by the server: a request that meets one may fail, the process stays up.
        await Promise.all(
          Array.from({ length: 6 }, () => gql('{ _allPeopleMeta { count } }', {}, { token: tokens.viewer })),
        );
        const ids = (await dataSource.query(
          'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()',
        )) as Array<{ id: number | string }>;
        expect(ids.length).toBeGreaterThan(0);
        for (const { id } of ids) await dataSource.query(`KILL CONNECTION ${Number(id)}`);
        for (let i = 0; i < 3; i++) await gql('{ _allPeopleMeta { count } }', {}, { token: tokens.viewer });
        await new Promise((r) => setTimeout(r, 300));
        const after = await gql('{ _allPeopleMeta { count } }', {}, { token: tokens.viewer });
        expect(after.status).toBe(200);
        expect(after.body.errors).toBeUndefined();
      }
    });

    test('an outage is confirmed by every ping failing', async () => {
      // A data source that was never opened answers no ping.
      const closed = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
      const health = new DatabaseHealth(new Database(closed), createLogger('silent'), {
        probeIntervalMs: 10,
        confirmations: 3,
      });
      await health.reportFailure(new Error('Connection lost: The server closed the connection.'));
      expect({ up: health.isUp(), ...health.stats }).toEqual({ up: false, suspicions: 1, dismissed: 0, outages: 1 });
      health.stop();
    });
  },
  { limits: { maxDepth: 5, maxAliases: 3, maxCost: 200, maxTokens: 300 } },
);
