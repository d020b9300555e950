// The change feed (issue #12): `authorityChanges` pages the change log, `authorityChanged` pushes it over graphql-ws
// on /graphql, and every answer reports its revision (`extensions.revision`) while `X-At-Least-Revision` waits for
// one. Two API servers (separate data sources, as two processes would have) share the suite's database: a change
// committed through one reaches a subscriber of the other. Under concurrent writes the feed and a subscriber see
// exactly the revisions committed, in order, with no gap and no duplicate.
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/composition';
import { ApiServer, createServer } from '../src/server';
import { AuthorityChange } from '../src/platform/change-log';
import { ChangeFeed } from '../src/platform/change-feed';
import { createLogger } from '../src/platform/logger';
import { describeOnDatabases, GqlResult, TestEnv } from './support/databases';
import { ENTRY_FIELDS, FeedEntry, feedClient, cursorOf } from './support/feed';
import { Scenario, seedScenario } from './operations/scenario';

const POLL_MS = 50;
const WAIT_MS = 400;

interface Page {
  nodes: FeedEntry[];
  endCursor: string | null;
  hasNextPage: boolean;
  revision: string;
}

const PAGE = `query($after: String, $first: Int, $recordType: String, $recordId: ID) {
  authorityChanges(after: $after, first: $first, recordType: $recordType, recordId: $recordId) {
    nodes { ${ENTRY_FIELDS} } endCursor hasNextPage revision } }`;

const codeOf = (res: GqlResult<unknown>) => res.body.errors?.[0]?.extensions?.code ?? null;
const revisionOf = (res: GqlResult<unknown>) =>
  (res.body as { extensions?: { revision?: string } }).extensions?.revision;

/** Revisions from..to as decimal strings. */
const range = (from: bigint, to: bigint) => {
  const out: string[] = [];
  for (let r = from; r <= to; r++) out.push(r.toString());
  return out;
};

interface Other {
  server: ApiServer;
  dataSource: DataSource;
  url: string;
}

/** A second API server on the suite's database (as another process would be). */
async function startOther(e: TestEnv): Promise<Other> {
  const dataSource = new DataSource(dataSourceOptions(e.config));
  await dataSource.initialize();
  if (dataSource.options.type === 'mysql') await dataSource.query("SET time_zone = '+00:00'");
  const server = await createServer({ dataSource, config: e.config });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  return {
    server,
    dataSource,
    url: `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`,
  };
}

async function stopOther(other: Other): Promise<void> {
  await other.server.stop();
  await new Promise<void>((resolve) => other.server.httpServer.close(() => resolve()));
  other.server.httpServer.closeAllConnections();
  await other.dataSource.destroy();
}

async function post<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<GqlResult<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResult<T>['body'] };
}

describeOnDatabases(
  'the change feed',
  (env) => {
    let e: TestEnv;
    let s: Scenario;
    let feedToken = '';
    let readToken = '';
    let other: Other;

    const page = (variables: Record<string, unknown>, token: string | null = e.tokens.admin) =>
      e.gql<{ authorityChanges: Page }>(PAGE, variables, { token });

    /** Every entry of the log, read in pages of `first`. */
    async function readAll(first: number, after: string | null = null, filters: Record<string, unknown> = {}) {
      const entries: FeedEntry[] = [];
      let cursor = after;
      let pages = 0;
      for (;;) {
        const res = await page({ after: cursor, first, ...filters });
        expect(res.body.errors).toBeUndefined();
        const p = res.body.data!.authorityChanges;
        expect(p.nodes.length).toBeLessThanOrEqual(first);
        entries.push(...p.nodes);
        cursor = p.endCursor;
        pages += 1;
        if (!p.hasNextPage) return { entries, cursor: cursor!, revision: p.revision, pages };
      }
    }

    /** The cursor of the latest committed revision (a page that reaches the end returns it). */
    async function headCursor(): Promise<{ cursor: string; revision: string }> {
      const res = await page({ recordType: 'OrgUnit', recordId: '2147483647', first: 1 });
      const p = res.body.data!.authorityChanges;
      expect(p).toMatchObject({ nodes: [], hasNextPage: false });
      return { cursor: p.endCursor!, revision: p.revision };
    }

    const createUnit = (code: string, url = e.url, token = e.tokens.admin) =>
      post<{ createOrgUnit: { id: string } }>(
        url,
        'mutation($code: String!, $parent: ID!) { createOrgUnit(name: $code, code: $code, kind: "REGION", ' +
          'parentId: $parent) { id } }',
        { code, parent: String(e.fixture.units.hq) },
        { authorization: `Bearer ${token}` },
      );

    beforeAll(async () => {
      e = env();
      s = await seedScenario(e);
      const token = async (scopes: string[]) => {
        const res = await e.gql<{ createApiToken: { secret: string } }>(
          'mutation($scopes: [String!]!) { createApiToken(name: "feed test", scopes: $scopes) { secret } }',
          { scopes },
          { token: e.tokens.admin },
        );
        return res.body.data!.createApiToken.secret;
      };
      feedToken = await token(['read:changes']);
      readToken = await token(['read', 'write:org', 'write:authority']);
      other = await startOther(e);
    });
    afterAll(async () => {
      if (other) await stopOther(other);
    });

    test('pages the log in revision order: opaque cursors, page sizes, filters, the latest revision', async () => {
      const all = await readAll(7);
      expect(all.pages).toBeGreaterThan(1);
      const revisions = all.entries.map((x) => x.revision);
      expect(revisions).toEqual(range(1n, BigInt(all.revision)));
      expect(await e.dataSource.manager.count(AuthorityChange)).toBe(revisions.length);
      // The cursor is opaque (not the revision itself); past the end: nothing, and the same place to poll from.
      expect(all.cursor).not.toMatch(/^\d+$/);
      const end = await page({ after: all.cursor });
      expect(end.body.data!.authorityChanges).toEqual({
        nodes: [],
        endCursor: all.cursor,
        hasNextPage: false,
        revision: all.revision,
      });
      expect(revisionOf(end)).toBe(all.revision);
      // Resuming from a page's cursor goes on right after it.
      const first = (await page({ first: 3 })).body.data!.authorityChanges;
      expect(first.nodes.map((x) => x.revision)).toEqual(['1', '2', '3']);
      expect(first.hasNextPage).toBe(true);
      const next = (await page({ first: 2, after: first.endCursor })).body.data!.authorityChanges;
      expect(next.nodes.map((x) => x.revision)).toEqual(['4', '5']);
      // Default page size 100.
      const defaults = (await page({})).body.data!.authorityChanges;
      expect(defaults.nodes).toHaveLength(Math.min(100, revisions.length));

      // Filters: a record type, and a record of it.
      const rules = await readAll(2, null, { recordType: 'AuthorityRule' });
      expect(rules.entries.length).toBeGreaterThan(0);
      expect(rules.entries.every((x) => x.recordType === 'AuthorityRule')).toBe(true);
      expect(rules.entries.map((x) => x.revision)).toEqual(
        all.entries.filter((x) => x.recordType === 'AuthorityRule').map((x) => x.revision),
      );
      const one = await readAll(50, null, { recordType: 'AuthorityRule', recordId: String(s.rules.director) });
      expect(one.entries.map((x) => [x.recordType, x.recordId])).toEqual(
        all.entries
          .filter((x) => x.recordType === 'AuthorityRule' && x.recordId === String(s.rules.director))
          .map((x) => [x.recordType, x.recordId]),
      );
      expect(one.entries.length).toBeGreaterThan(0);
    });

    test('refuses bad arguments with BAD_USER_INPUT and a clear message', async () => {
      const tooMany = await page({ first: 501 });
      expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
      expect(tooMany.body.errors![0]!.message).toMatch(/first: must be between 1 and 500/);
      expect(codeOf(await page({ first: 0 }))).toBe('BAD_USER_INPUT');
      for (const after of ['garbage!', '123', cursorOf('abc'), Buffer.from('x:1').toString('base64url')]) {
        const bad = await page({ after });
        expect({ after, code: codeOf(bad) }).toEqual({ after, code: 'BAD_USER_INPUT' });
        expect(bad.body.errors![0]!.extensions!.fieldErrors).toEqual({ after: 'is not a cursor of this feed' });
        expect(bad.body.errors![0]!.message).toMatch(/Pass back an endCursor/);
      }
      const type = await page({ recordType: 'Customer' });
      expect(codeOf(type)).toBe('BAD_USER_INPUT');
      expect(type.body.errors![0]!.message).toMatch(/keeps no history; use one of OrgUnit, Person/);
      expect(codeOf(await page({ recordId: 'x1' }))).toBe('BAD_USER_INPUT');
    });

    test('only administrators and API tokens with "read:changes" read the feed, over HTTP and WebSocket', async () => {
      for (const who of ['leader', 'viewer', 'hr'] as const) {
        const res = await page({ first: 1 }, e.tokens[who]);
        expect({ who, code: codeOf(res) }).toEqual({ who, code: 'FORBIDDEN' });
        expect(res.body.errors![0]!.message).toMatch(/may not read the change feed: only ADMIN users may/);
      }
      const reader = await page({ first: 1 }, readToken);
      expect(codeOf(reader)).toBe('FORBIDDEN');
      expect(reader.body.errors![0]!.message).toMatch(/the token needs the scope "read:changes"/);
      expect(codeOf(await page({ first: 1 }, null))).toBe('UNAUTHENTICATED');
      const allowed = await page({ first: 1 }, feedToken);
      expect(allowed.body.errors).toBeUndefined();
      expect(allowed.body.data!.authorityChanges.nodes).toHaveLength(1);

      // Subscriptions: the same rule per subscription; no connection without valid credentials (4403).
      for (const token of [e.tokens.viewer, e.tokens.leader, e.tokens.hr, readToken]) {
        const client = feedClient(e.url, token);
        const sub = client.subscribe();
        await sub.ended;
        expect(sub.errors.map((x) => x.extensions?.code)).toEqual(['FORBIDDEN']);
        await client.dispose();
      }
      for (const token of [null, 'not-a-token']) {
        const client = feedClient(e.url, token);
        const sub = client.subscribe();
        await sub.ended;
        expect(client.closes.map((c) => c.code)).toEqual([4403]);
        await client.dispose();
      }
      const client = feedClient(e.url, feedToken);
      const { cursor } = await headCursor();
      const sub = client.subscribe({ after: cursor });
      const created = await createUnit(`FEED-TOKEN-${e.kind}`);
      const [entry] = await sub.waitFor(1);
      expect(entry).toMatchObject({ recordType: 'OrgUnit', recordId: created.body.data!.createOrgUnit.id });
      expect(entry!.revision).toBe(revisionOf(created));
      await client.dispose();
    });

    test('a subscription with `after` gets the backlog, then live entries (no gap, no repeat); filters', async () => {
      const { revision } = await headCursor();
      const start = BigInt(revision) - 5n;
      const client = feedClient(e.url, e.tokens.admin);
      const all = client.subscribe({ after: cursorOf(start) });
      const units = client.subscribe({ after: cursorOf(start), recordType: 'OrgUnit' });
      const backlog = await all.waitFor(5);
      expect(backlog.map((x) => x.revision)).toEqual(range(start + 1n, BigInt(revision)));
      const written: string[] = [];
      for (let i = 0; i < 4; i++) written.push(revisionOf(await createUnit(`LIVE-${e.kind}-${i}`))!);
      await all.waitFor(9);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS * 4));
      expect(all.entries.map((x) => x.revision)).toEqual(range(start + 1n, BigInt(revision) + 4n));
      expect(all.entries.slice(5).map((x) => x.revision)).toEqual(written);
      await units.waitFor(4);
      expect(units.entries.every((x) => x.recordType === 'OrgUnit')).toBe(true);
      expect(units.entries.slice(-4).map((x) => x.revision)).toEqual(written);
      // Reconnecting after an entry (its cursor): the entries after it, once.
      const resumed = client.subscribe({ after: all.entries[6]!.cursor });
      await resumed.waitFor(2);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS * 4));
      expect(resumed.entries).toEqual(all.entries.slice(7));
      // Without `after`: only what is committed from now on.
      const fresh = client.subscribe();
      await new Promise((resolve) => setTimeout(resolve, POLL_MS * 4));
      const later = revisionOf(await createUnit(`FRESH-${e.kind}`));
      expect((await fresh.waitFor(1)).map((x) => x.revision)).toEqual([later]);
      // A bad cursor or record type: BAD_USER_INPUT for that subscription.
      const bad = client.subscribe({ after: 'nope!' });
      await bad.ended;
      expect(bad.errors.map((x) => x.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      await client.dispose();
    });

    test('WebSocket serves subscriptions only; HTTP POST refuses subscriptions', async () => {
      const client = feedClient(e.url, e.tokens.admin);
      const query = client.subscribe({}, '{ me { id } }');
      await query.ended;
      expect(query.errors.map((x) => [x.extensions?.code, x.message])).toEqual([
        ['BAD_REQUEST', 'Only subscriptions run over WebSocket: send queries as HTTP POST to /graphql.'],
      ]);
      const invalid = client.subscribe({}, 'subscription { authorityChanged { nope } }');
      await invalid.ended;
      expect(invalid.errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      await client.dispose();
      const http = await e.gql('subscription { authorityChanged { revision } }', {}, { token: e.tokens.admin });
      expect(http.status).toBe(400);
      expect(codeOf(http)).toBe('BAD_REQUEST');
    });

    test('every answer reports its revision: the one a write committed, else the latest one read', async () => {
      const created = await createUnit(`REV-${e.kind}`);
      const committed = revisionOf(created)!;
      const entry = await e.dataSource.manager.findOneByOrFail(AuthorityChange, { revision: committed });
      expect({ type: entry.recordType, id: String(entry.recordId) }).toEqual({
        type: 'OrgUnit',
        id: created.body.data!.createOrgUnit.id,
      });
      // A read by a user (the revision rides along with the session), by a token, and by nobody (login).
      const viewer = await e.gql('{ _allPeopleMeta { count } }', {}, { token: e.tokens.viewer });
      expect(revisionOf(viewer)).toBe(committed);
      expect(Number(viewer.headers.get('x-sql-statements'))).toBe(2);
      const token = await e.gql('{ _allPeopleMeta { count } }', {}, { token: readToken });
      expect(revisionOf(token)).toBe(committed);
      const anonymous = await e.gql('{ __typename }');
      expect(anonymous.body).toEqual({ data: { __typename: 'Query' }, extensions: { revision: committed } });
      // An engine answer reports the revision it read; a refused write the latest one.
      const refused = await e.gql(
        'mutation { createOrgUnit(name: "x", code: "", kind: "REGION") { id } }',
        {},
        {
          token: e.tokens.admin,
        },
      );
      expect(refused.body.errors).toBeDefined();
      expect(revisionOf(refused)).toBe(committed);
    });

    test('X-At-Least-Revision: answers once it is reached, else SERVICE_UNAVAILABLE with a retry hint', async () => {
      const { revision } = await headCursor();
      const reached = await e.gql(
        '{ me { id } }',
        {},
        {
          token: e.tokens.viewer,
          headers: { 'x-at-least-revision': revision },
        },
      );
      expect(reached.body.errors).toBeUndefined();
      expect(BigInt(revisionOf(reached)!)).toBeGreaterThanOrEqual(BigInt(revision));
      for (const bad of ['abc', '-1', '1.5', '99999999999999999999']) {
        const res = await e.gql(
          '{ me { id } }',
          {},
          { token: e.tokens.viewer, headers: { 'x-at-least-revision': bad } },
        );
        expect({ bad, status: res.status, code: codeOf(res) }).toEqual({ bad, status: 400, code: 'BAD_USER_INPUT' });
        expect(res.body.errors![0]!.extensions!.fieldErrors).toHaveProperty(['X-At-Least-Revision']);
      }
      const future = (BigInt(revision) + 1_000_000n).toString();
      const started = Date.now();
      const waited = await e.gql(
        '{ me { id } }',
        {},
        {
          token: e.tokens.viewer,
          headers: { 'x-at-least-revision': future },
        },
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(WAIT_MS - 20);
      expect(waited.status).toBe(503);
      expect(waited.headers.get('retry-after')).toBe('1');
      expect(waited.body.data).toBeUndefined();
      expect(waited.body.errors![0]!.extensions).toEqual({
        code: 'SERVICE_UNAVAILABLE',
        retryAfterSeconds: 1,
        atLeastRevision: future,
        revision,
      });
      expect(waited.body.errors![0]!.message).toMatch(new RegExp(`has not reached revision ${future} yet`));
      // The same over WebSocket, as a connection parameter.
      const client = feedClient(e.url, e.tokens.admin, { atLeastRevision: future });
      const sub = client.subscribe();
      await sub.ended;
      expect(sub.errors.map((x) => x.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      await client.dispose();
    });

    test('two servers on one database: a change on A reaches a subscriber on B; B reads what A wrote', async () => {
      const { cursor } = await headCursor();
      const onB = feedClient(other.url, feedToken);
      const sub = onB.subscribe({ after: cursor });
      const created = await createUnit(`TWO-${e.kind}`, e.url);
      const written = revisionOf(created)!;
      const [entry] = await sub.waitFor(1);
      expect(entry).toMatchObject({
        revision: written,
        recordType: 'OrgUnit',
        recordId: created.body.data!.createOrgUnit.id,
        operation: 'CREATE',
      });
      const read = await post(
        other.url,
        'query($id: ID!) { OrgUnit(id: $id) { id } }',
        { id: created.body.data!.createOrgUnit.id },
        { authorization: `Bearer ${e.tokens.viewer}`, 'x-at-least-revision': written },
      );
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data).toEqual({ OrgUnit: { id: created.body.data!.createOrgUnit.id } });
      expect(BigInt(revisionOf(read)!)).toBeGreaterThanOrEqual(BigInt(written));
      const ahead = await post(
        other.url,
        '{ me { id } }',
        {},
        {
          authorization: `Bearer ${e.tokens.viewer}`,
          'x-at-least-revision': (BigInt(written) + 1000n).toString(),
        },
      );
      expect({ status: ahead.status, code: codeOf(ahead) }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(ahead.body.errors![0]!.extensions!.retryAfterSeconds).toBe(1);
      await onB.dispose();
    });

    test('concurrent writes: the feed and subscribers on both servers see every revision once, in order', async () => {
      const total = e.kind === 'mariadb' ? 1000 : 200;
      const inFlight = 20;
      const { cursor, revision: before } = await headCursor();
      const onA = feedClient(e.url, e.tokens.admin);
      const onB = feedClient(other.url, feedToken);
      const subA = onA.subscribe({ after: cursor });
      const subB = onB.subscribe({ after: cursor });

      const admin = { authorization: `Bearer ${e.tokens.admin}` };
      const RULE = `mutation($name: String!, $holder: ID!, $scope: ID!) { createAuthorityRule(name: $name,
        holderKind: POSITION, holderTitle: "BUSINESS_DEPT_DIRECTOR", holderOrgUnitId: $holder, decisionPoints: [ATB],
        grades: [III], scopeOrgUnitId: $scope, limit: "1000.00", currency: "CNY", validFrom: "2026-01-01T00:00:00Z")
        { id version } }`;
      const UPDATE = `mutation($id: ID!, $version: Int!, $name: String!) { updateAuthorityRule(id: $id,
        version: $version, name: $name) { id version } }`;
      const DELEGATE = `mutation($src: ID!, $from: ID!, $to: ID!, $scope: ID!, $validFrom: DateTime!) {
        createDelegation(sourceRuleId: $src, delegatorId: $from, delegateId: $to, decisionPoints: [ATB],
        grades: [III], scopeOrgUnitId: $scope, limit: "1000.00", currency: "CNY", validFrom: $validFrom,
        reason: "Feed load test") { id } }`;
      const committed: Array<{ revision: string; type: string; id: string }> = [];
      const failures: string[] = [];
      let next = 0;
      const started = Date.now();
      const worker = async (w: number) => {
        let rule: { id: string; version: number } | null = null;
        for (let i = next++; i < total; i = next++) {
          let res: GqlResult<unknown>;
          let type: string;
          const kind = i % 3;
          if (kind === 0 || (kind === 1 && rule === null)) {
            if (kind === 1) {
              res = await post(
                e.url,
                RULE,
                { name: `Load ${w}`, holder: String(e.fixture.units.east), scope: String(e.fixture.units.east) },
                admin,
              );
              type = 'AuthorityRule';
              if (!res.body.errors) rule = (res.body.data as { createAuthorityRule: typeof rule }).createAuthorityRule;
            } else {
              res = await createUnit(`LOAD-${e.kind}-${i}`);
              type = 'OrgUnit';
            }
          } else if (kind === 1) {
            res = await post(e.url, UPDATE, { id: rule!.id, version: rule!.version, name: `Load ${w} #${i}` }, admin);
            type = 'AuthorityRule';
            if (!res.body.errors) rule = (res.body.data as { updateAuthorityRule: typeof rule }).updateAuthorityRule;
          } else {
            res = await post(
              e.url,
              DELEGATE,
              {
                src: String(s.rules.director),
                from: String(s.people.leader),
                to: String(s.people.east1),
                scope: String(e.fixture.units.eastOffice),
                validFrom: e.fixture.now.toISOString(),
              },
              admin,
            );
            type = 'Delegation';
          }
          if (res.body.errors) {
            failures.push(JSON.stringify(res.body.errors));
            continue;
          }
          const data = Object.values(res.body.data as Record<string, { id: string }>)[0]!;
          committed.push({ revision: revisionOf(res)!, type, id: data.id });
        }
      };
      await Promise.all(Array.from({ length: inFlight }, (_, w) => worker(w)));
      const writeMs = Date.now() - started;
      expect(failures).toEqual([]);
      expect(committed).toHaveLength(total);

      // The log: exactly the revisions after `before`, one per write, each the one its write reported.
      const after = await readAll(500, cursor);
      const expected = range(BigInt(before) + 1n, BigInt(before) + BigInt(total));
      const revisions = after.entries.map((x) => x.revision);
      expect(revisions).toEqual(expected);
      const byRevision = new Map(after.entries.map((x) => [x.revision, x]));
      const mismatched = committed.filter((c) => {
        const entry = byRevision.get(c.revision);
        return !entry || entry.recordType !== c.type || entry.recordId !== c.id;
      });
      expect(mismatched).toEqual([]);
      // The subscribers, connected before the writes: the same sequence.
      const deliveredAt = Date.now();
      await subA.waitFor(total, 60_000);
      await subB.waitFor(total, 60_000);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS * 4));
      expect(subA.entries.map((x) => x.revision)).toEqual(expected);
      expect(subB.entries.map((x) => x.revision)).toEqual(expected);
      expect(subA.entries).toEqual(after.entries);
      if (process.env.FEED_FIGURES)
        console.log(
          `[${e.kind}] ${total} writes (${inFlight} in flight) in ${writeMs} ms: revisions ${expected[0]}..` +
            `${expected[expected.length - 1]}, gaps 0, duplicates ` +
            `${revisions.length - new Set(revisions).size}; subscribers on A and B complete ` +
            `${Date.now() - deliveredAt} ms after the last write answered`,
        );
      await onA.dispose();
      await onB.dispose();
    }, 300_000);

    test('a consumer that falls behind reads on from the log: still every entry once, in order', async () => {
      const { revision } = await headCursor();
      const feed = new ChangeFeed(e.dataSource, { pollMs: 20, logger: createLogger('silent'), maxQueued: 3 });
      const subscription = feed.subscribe(revision, { recordType: null });
      const first = subscription.next();
      const written = [revisionOf(await createUnit(`SLOW-${e.kind}-0`))!];
      expect((await first).value!.revision).toBe(written[0]);
      expect(subscription.isLive).toBe(true);
      // Twelve more while nobody takes them: three are queued, then the subscription falls back to the log.
      for (let i = 1; i <= 12; i++) written.push(revisionOf(await createUnit(`SLOW-${e.kind}-${i}`))!);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(subscription.isLive).toBe(false);
      const taken: string[] = [];
      for (let i = 0; i < 12; i++) taken.push((await subscription.next()).value!.revision);
      expect(taken).toEqual(written.slice(1));
      // And it goes live again once it has caught up.
      const more = subscription.next();
      written.push(revisionOf(await createUnit(`SLOW-${e.kind}-13`))!);
      expect((await more).value!.revision).toBe(written[13]);
      expect(subscription.isLive).toBe(true);
      await feed.stop();
      expect(await subscription.next()).toEqual({ done: true, value: undefined });
    });

    test('a drain asks WebSocket clients to go away (1001) and ends without cutting anything', async () => {
      const third = await startOther(e);
      const client = feedClient(third.url, e.tokens.admin);
      const sub = client.subscribe();
      // The subscription is up once a change reaches it.
      await new Promise((resolve) => setTimeout(resolve, POLL_MS * 4));
      await createUnit(`DRAIN-${e.kind}`);
      await sub.waitFor(1);
      expect(third.server.changeFeed.subscriberCount).toBe(1);
      const started = Date.now();
      const result = await third.server.drain(5_000);
      expect(result).toEqual({ cut: 0, cutRequestIds: [] });
      expect(Date.now() - started).toBeLessThan(2_000);
      await sub.ended;
      expect(client.closes.map((c) => c.code)).toEqual([1001]);
      // The server ends the subscription as its socket closes.
      for (let i = 0; i < 100 && third.server.changeFeed.subscriberCount > 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(third.server.changeFeed.subscriberCount).toBe(0);
      await client.dispose();
      await third.server.stop();
      await third.dataSource.destroy();
    });
  },
  { env: { CHANGE_FEED_POLL_MS: String(POLL_MS), REVISION_WAIT_MS: String(WAIT_MS) } },
);
