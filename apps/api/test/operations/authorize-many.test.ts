// authorizeMany over HTTP: the same answers as one authorize each, from one revision, in few statements whatever the
// number of cases; 1 to 100 cases; a bad input fails the whole request and is named by its path.
import { Project } from '../../src/modules/project/project.entity';
import { describeOnDatabases, TestEnv } from '../support/databases';
import { Scenario, seedScenario } from './scenario';

const RESULT = `allowed quorumRequired revision
  chains { links { kind id holderPersonId delegatorId decisionPoints grades scopeOrgUnitId limit currency validFrom
    validTo requiredRole requiredLevel } body { bodyId seatTitles } }
  reasons { code message linkId linkKind chain data }`;
const ONE = `query($input: AuthorizeInput!) { authorize(input: $input) { ${RESULT} } }`;
const MANY = `query($inputs: [AuthorizeInput!]!) { authorizeMany(inputs: $inputs) { ${RESULT} } }`;

type Result = Record<string, unknown> & { revision: string; allowed: boolean };
type Body = { extensions?: { revision?: string } };

const DAY = 86_400_000;

describeOnDatabases('authorizeMany', (env) => {
  let s: Scenario;
  let e: TestEnv;
  let westProject: number;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
    const now = e.fixture.now;
    westProject = Number(
      (
        await e.dataSource.manager.insert(Project, {
          externalRef: 'T-WEST',
          name: 'West deal',
          customerId: null,
          orgUnitId: e.fixture.units.westOffice,
          stage: 'OPPORTUNITY',
          amountMinor: 100_000n,
          currency: 'CNY',
          grade: 'III',
          gradeReasons: ['NO_CRITERION'],
          gradeCriteria: {},
          gradeJustification: null,
          version: 1,
          createdAt: now,
          updatedAt: now,
        })
      ).identifiers[0]?.id,
    );
  });

  const many = (inputs: unknown[], token = e.tokens.viewer) =>
    e.gql<{ authorizeMany: Result[] }>(MANY, { inputs }, { token });

  /** Twenty cases (described and project, now and past) for each of five people: 100 questions. */
  function hundred(): Array<Record<string, unknown>> {
    const u = e.fixture.units;
    const past = new Date(e.fixture.now.getTime() - 40 * DAY).toISOString();
    const described = (over: Record<string, unknown>) => ({
      decisionPoint: 'ATC',
      grade: 'III',
      orgUnitId: String(u.eastOffice),
      amount: '4000000.00',
      currency: 'CNY',
      ...over,
    });
    const cases = [
      described({}),
      described({ amount: '6000000.00' }),
      described({ decisionPoint: 'ATB', amount: '1000.00' }),
      described({ decisionPoint: 'ATI', orgUnitId: String(u.east), amount: '1.00' }),
      described({ decisionPoint: 'ATI', grade: 'I', orgUnitId: String(u.hq), amount: '90000000.00' }),
      described({ grade: 'II', amount: '100.00', currency: 'USD' }),
      described({ orgUnitId: String(u.westOffice) }),
      described({ teamMemberIds: [String(s.people.east1)] }),
      described({ at: past }),
      described({ decisionPoint: 'POOL_APPROVAL', grade: 'II', orgUnitId: String(u.hq), amount: '100.00' }),
      described({ decisionPoint: 'ATAC' }),
      described({ grade: 'I', decisionPoint: 'ATI', amount: '0.00', orgUnitId: String(u.eastOffice) }),
      { decisionPoint: 'ATC', projectId: String(s.projects.small) },
      { decisionPoint: 'ATB', projectId: String(s.projects.small) },
      { decisionPoint: 'ATI', projectId: String(s.projects.gradeI) },
      { decisionPoint: 'ATC', projectId: String(s.projects.withLeader) },
      { decisionPoint: 'ATC', projectId: String(s.projects.small), at: past },
      { decisionPoint: 'ATI', projectId: String(westProject) },
      // As known a moment ago: the as-of path, for that case alone.
      described({ asKnownAt: new Date().toISOString() }),
      described({ decisionPoint: 'ATCC', grade: 'III', amount: '5000000.00' }),
    ];
    const people = [s.people.leader, s.people.east1, s.people.west1, s.people.boss, s.people.outsider];
    return people.flatMap((p) => cases.map((c) => ({ personId: String(p), ...c })));
  }

  test('100 cases: each answered as authorize answers it alone, all from one revision', async () => {
    const inputs = hundred();
    expect(inputs).toHaveLength(100);
    const res = await many(inputs);
    expect(res.body.errors).toBeUndefined();
    const results = res.body.data!.authorizeMany;
    expect(results).toHaveLength(100);
    const revision = (res.body as Body).extensions?.revision;
    expect(revision).toMatch(/^\d+$/);
    expect(new Set(results.map((r) => r.revision))).toEqual(new Set([revision]));
    for (let i = 0; i < inputs.length; i++) {
      const one = await e.gql<{ authorize: Result }>(ONE, { input: inputs[i] }, { token: e.tokens.viewer });
      expect(one.body.errors).toBeUndefined();
      const { revision: _r, ...single } = one.body.data!.authorize;
      const { revision: _m, ...batched } = results[i]!;
      expect({ i, ...batched }).toEqual({ i, ...single });
    }
    // Both outcomes occur, through rules, delegations and the body.
    expect(results.filter((r) => r.allowed).length).toBeGreaterThan(5);
    expect(results.filter((r) => !r.allowed).length).toBeGreaterThan(50);
  });

  test('the statements stay few and constant: the session, and the projects of all cases in one', async () => {
    const u = e.fixture.units;
    const described = (i: number) => ({
      personId: String([s.people.leader, s.people.east1, s.people.boss][i % 3]),
      decisionPoint: ['ATI', 'ATB', 'ATC'][i % 3],
      grade: ['II', 'III'][i % 2],
      orgUnitId: String([u.east, u.eastOffice][i % 2]),
      amount: `${1000 + i}.00`,
      currency: 'CNY',
    });
    const count = async (inputs: unknown[]) => {
      const res = await many(inputs);
      expect(res.body.errors).toBeUndefined();
      return Number(res.headers.get('x-sql-statements'));
    };
    const hundredDescribed = Array.from({ length: 100 }, (_x, i) => described(i));
    await count(hundredDescribed);
    expect(await count(hundredDescribed)).toBeLessThanOrEqual(3);
    expect(await count(hundredDescribed)).toBe(await count(hundredDescribed.slice(0, 2)));
    // Project cases about now: every project of the batch in one statement, then from the cache.
    const projects = [s.projects.small, s.projects.gradeI, s.projects.withLeader, westProject];
    const projectCases = Array.from({ length: 100 }, (_x, i) => ({
      personId: String(s.people.east1),
      decisionPoint: 'ATC',
      projectId: String(projects[i % projects.length]),
    }));
    // A change to a project moves the case counter: every project of the batch is read again, together.
    const current = await e.gql<{ Project: { version: number } }>(
      'query($id: ID!) { Project(id: $id) { version } }',
      { id: String(westProject) },
      { token: e.tokens.admin },
    );
    const renamed = await e.gql(
      'mutation($id: ID!, $v: Int!) { updateProject(id: $id, version: $v, name: "West deal, renamed") { id } }',
      { id: String(westProject), v: current.body.data!.Project.version },
      { token: e.tokens.admin },
    );
    expect(renamed.body.errors).toBeUndefined();
    const first = await count(projectCases);
    expect(first).toBeLessThanOrEqual(3);
    expect(await count(projectCases)).toBeLessThanOrEqual(first);
    // A LEADER's batch reads the people asked about once, for the scope check (besides the two statements every
    // scoped request takes for the caller's own units): as many statements for 100 cases as for 2.
    const inScope = hundredDescribed.map((x, i) => ({
      ...x,
      personId: String(i % 2 ? s.people.east1 : s.people.leader),
    }));
    const leaderCount = async (inputs: unknown[]) => {
      const res = await many(inputs, e.tokens.leader);
      expect(res.body.errors).toBeUndefined();
      return Number(res.headers.get('x-sql-statements'));
    };
    expect(await leaderCount(inScope)).toBeLessThanOrEqual(4);
    expect(await leaderCount(inScope)).toBe(await leaderCount(inScope.slice(0, 2)));
  });

  test('with an API token (no session): the counters ride along with the projects, one revision', async () => {
    const made = await e.gql<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(name: "batch reader", scopes: ["read"]) { secret } }',
      {},
      { token: e.tokens.admin },
    );
    const token = made.body.data!.createApiToken.secret;
    const inputs = hundred().filter((x) => x.projectId !== undefined && x.at === undefined);
    const res = await many(inputs, token);
    expect(res.body.errors).toBeUndefined();
    const revision = (res.body as Body).extensions?.revision;
    expect(new Set(res.body.data!.authorizeMany.map((r) => r.revision))).toEqual(new Set([revision]));
    const viewer = await many(inputs);
    const strip = (r: Result) => ({ ...r, revision: undefined });
    expect(res.body.data!.authorizeMany.map(strip)).toEqual(viewer.body.data!.authorizeMany.map(strip));
    // Once warm: as many statements for all of them as for one, and as for a single authorize.
    const statements = async (query: string, variables: Record<string, unknown>) =>
      Number((await e.gql(query, variables, { token })).headers.get('x-sql-statements'));
    const all = await statements(MANY, { inputs });
    expect(all).toBeLessThanOrEqual(4);
    expect(await statements(MANY, { inputs: inputs.slice(0, 1) })).toBe(all);
    expect(await statements(ONE, { input: inputs[0] })).toBe(all);
  });

  test('1 to 100 inputs: 101 and none are refused, naming the limit', async () => {
    const input = {
      personId: String(s.people.east1),
      decisionPoint: 'ATC',
      grade: 'III',
      orgUnitId: String(e.fixture.units.eastOffice),
      amount: '1.00',
      currency: 'CNY',
    };
    const over = await many(Array(101).fill(input));
    expect(over.body.data ?? null).toBeNull();
    expect(over.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(over.body.errors?.[0]?.message).toContain('at most 100 cases per request (101 given)');
    const none = await many([]);
    expect(none.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.body.errors?.[0]?.message).toContain('at least one case');
    expect((await many(Array(100).fill(input))).body.data!.authorizeMany).toHaveLength(100);
  });

  test('the cost counts the selection once per input: 100 fit with every field, 2,000 do not', async () => {
    const full = `query($inputs: [AuthorizeInput!]!) { authorizeMany(inputs: $inputs) { allowed at quorumRequired
      asKnownAt revision ${RESULT.replace('allowed quorumRequired revision', '')} corrections { revision recordType
      recordId version operation effectiveFrom recordedAt actorKind actorId actorLabel correction reason before after
      cursor holdsSinceRecordBegan recordVersion }
    } }`;
    const input = {
      personId: String(s.people.east1),
      decisionPoint: 'ATC',
      grade: 'III',
      orgUnitId: String(e.fixture.units.eastOffice),
      amount: '1.00',
      currency: 'CNY',
    };
    const fits = await e.gql<{ authorizeMany: Result[] }>(
      full,
      { inputs: Array(100).fill(input) },
      { token: e.tokens.viewer },
    );
    expect(fits.body.errors).toBeUndefined();
    const costly = await e.gql(full, { inputs: Array(2000).fill(input) }, { token: e.tokens.viewer });
    expect(costly.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(costly.body.errors?.[0]?.message).toMatch(/Query would cost \d+/);
  });

  test('a bad input fails the whole request, named by its path', async () => {
    const good = {
      personId: String(s.people.east1),
      decisionPoint: 'ATC',
      grade: 'III',
      orgUnitId: String(e.fixture.units.eastOffice),
      amount: '1.00',
      currency: 'CNY',
    };
    const fieldOf = async (bad: Record<string, unknown>, token = e.tokens.viewer) => {
      const res = await many([good, good, good, { ...good, ...bad }, good], token);
      expect(res.body.data ?? null).toBeNull();
      const error = res.body.errors?.[0];
      const fields = Object.keys((error?.extensions?.fieldErrors as Record<string, string> | undefined) ?? {});
      return { code: error?.extensions?.code, field: fields[0] ?? error?.extensions?.field, message: error?.message };
    };
    expect(await fieldOf({ orgUnitId: '99999' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'inputs[3].orgUnitId',
    });
    expect(await fieldOf({ personId: 'x' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs[3].personId' });
    expect(await fieldOf({ personId: '99999' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'inputs[3].personId',
    });
    expect(await fieldOf({ amount: '-1.00' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs[3].amount' });
    expect(await fieldOf({ grade: null })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs[3].grade' });
    expect(await fieldOf({ projectId: '99999' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'inputs[3].projectId',
      message: expect.stringContaining('inputs[3].projectId: Project 99999 does not exist'),
    });
    // The input constraints (class-validator's, checked quickly when they hold: platform/quick-validation.ts).
    expect(await fieldOf({ currency: 'cny' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await fieldOf({ atLeastRevision: '1'.repeat(41) })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await fieldOf({ teamMemberIds: Array.from({ length: 201 }, () => '1') })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await fieldOf({ atLeastRevision: 'soon' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'inputs[3].atLeastRevision',
    });
    expect(await fieldOf({ asKnownAt: new Date(Date.now() + DAY).toISOString() })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'inputs[3].asKnownAt',
    });
    // A LEADER (East): a person, a project or a unit outside the subtree, as authorize refuses them.
    const leader = e.tokens.leader;
    expect(await fieldOf({ personId: String(s.people.west1) }, leader)).toMatchObject({
      code: 'NOT_FOUND',
      field: 'inputs[3].personId',
    });
    expect(await fieldOf({ projectId: String(westProject) }, leader)).toMatchObject({
      code: 'NOT_FOUND',
      field: 'inputs[3].projectId',
    });
    expect(await fieldOf({ orgUnitId: String(e.fixture.units.westOffice) }, leader)).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('inputs[3].orgUnitId: org unit'),
    });
  });

  test('atLeastRevision: the highest of the inputs is awaited once', async () => {
    const base = {
      personId: String(s.people.east1),
      decisionPoint: 'ATC',
      grade: 'III',
      orgUnitId: String(e.fixture.units.eastOffice),
      amount: '1.00',
      currency: 'CNY',
    };
    const current = (await many([base])).body as Body;
    const revision = current.extensions!.revision!;
    const reached = await many([
      { ...base, atLeastRevision: '1' },
      { ...base, atLeastRevision: revision },
    ]);
    expect(reached.body.errors).toBeUndefined();
    expect(reached.body.data!.authorizeMany.map((r) => r.revision)).toEqual([revision, revision]);
    const ahead = String(BigInt(revision) + 1000n);
    const waited = await many([{ ...base, atLeastRevision: '1' }, { ...base, atLeastRevision: ahead }, base]);
    expect(waited.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', atLeastRevision: ahead });
  });
});
