// Compiled query plans (platform/compiled-execution.ts) answer exactly as graphql-js does: the same requests, sent to
// the suite's server and to a second server on the same database with COMPILED_QUERIES=false, get equal answers,
// statuses and statement counts. Error-free queries are answered by their plan (the request log says which); answers
// with errors, bad variables and mutations go through graphql-js.
import type { AddressInfo } from 'node:net';
import { ApiServer, createServer } from '../src/server';
import { describeOnDatabases, TestEnv } from './support/databases';

const logLines: string[] = [];

const AUTHORIZE_RESULT = `allowed quorumRequired revision
  chains { links { kind id holderPersonId delegatorId decisionPoints grades scopeOrgUnitId limit currency validFrom
    validTo requiredRole requiredLevel } body { bodyId seatTitles } }
  reasons { code message linkId linkKind chain data }`;

// The portal's list queries (ra-data-graphql-simple's GET_LIST, as the API benchmark sends them).
const PORTAL_PROJECTS = `query allProjects($filter: ProjectFilter, $page: Int, $perPage: Int, $sortField: String,
  $sortOrder: String) { items: allProjects(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField,
  sortOrder: $sortOrder) { amount createdAt currency customer { id name } customerId decisions { id } externalRef grade
  gradeCriteria gradeJustification gradeReasons id name orgUnit { id code } orgUnitId stage team { id personId role }
  updatedAt version } total: _allProjectsMeta(filter: $filter, page: $page, perPage: $perPage) { count } }`;
const PORTAL_PEOPLE = `query allPeople($filter: PersonFilter, $page: Int, $perPage: Int, $sortField: String,
  $sortOrder: String) { items: allPeople(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField,
  sortOrder: $sortOrder) { appointments { id } archivedAt assessments { id } createdAt email employeeNo hiredAt id name
  orgUnit { id } orgUnitId phone positions { id } updatedAt version } total: _allPeopleMeta(filter: $filter,
  page: $page, perPage: $perPage) { count } }`;

interface Answer {
  status: number;
  statements: string | null;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    extensions?: Record<string, unknown>;
  };
}

describeOnDatabases(
  'compiled query plans',
  (env) => {
    let e: TestEnv;
    let plain: ApiServer;
    let plainUrl: string;
    let people: string[];
    let units: string[];
    let projects: string[];
    const AT = '2026-06-01T00:00:00.000Z';

    const send = async (url: string, query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? e.tokens.admin}` },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: res.status,
        statements: res.headers.get('x-sql-statements'),
        body: (await res.json()) as Answer['body'],
      };
    };
    /** The answer of the suite's server (plans on) and of the plain one (graphql-js only), for the same request. */
    const both = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const compiled = await send(e.url, query, variables, token);
      const interpreted = await send(plainUrl, query, variables, token);
      return { compiled, interpreted };
    };
    /** How the suite's server answered its last request (from its request log). */
    const lastExecution = () => {
      const line = logLines
        .map((l) => JSON.parse(l) as { msg?: string; message?: string; execution?: string })
        .filter((l) => (l.msg ?? l.message) === 'graphql request')
        .at(-1);
      return line?.execution;
    };

    beforeAll(async () => {
      e = env();
      plain = await createServer({
        dataSource: e.dataSource,
        config: { ...e.config, compiledQueries: false },
        passwordCost: 1024,
      });
      await new Promise<void>((resolve) => plain.httpServer.listen(0, '127.0.0.1', resolve));
      plainUrl = `http://127.0.0.1:${(plain.httpServer.address() as AddressInfo).port}/graphql`;
      const ids = await send(
        e.url,
        '{ allPeople(perPage: 8, sortField: "id") { id } allOrgUnits(perPage: 6, sortField: "id") { id } ' +
          'allProjects(perPage: 6, sortField: "id") { id } }',
      );
      const data = ids.body.data as Record<string, Array<{ id: string }>>;
      people = data.allPeople!.map((p) => p.id);
      units = data.allOrgUnits!.map((u) => u.id);
      projects = data.allProjects!.map((p) => p.id);
      expect(people.length).toBe(8);
      expect(projects.length).toBeGreaterThanOrEqual(3);
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => plain.httpServer.close(() => resolve()));
      plain.httpServer.closeAllConnections();
      await plain.stop();
    });

    const cases = (): Array<[string, string, Record<string, unknown>]> => {
      const described = people.flatMap((personId, i) =>
        ['ATI', 'ATB', 'ATC', 'ATAC'].map((decisionPoint, j) => ({
          personId,
          decisionPoint,
          grade: ['I', 'II', 'III'][(i + j) % 3],
          orgUnitId: units[(i + j) % units.length],
          amount: ['0.00', '250000.00', '9000000.00'][j % 3],
          currency: 'CNY',
          at: AT,
        })),
      );
      const onProjects = people.flatMap((personId) =>
        projects.slice(0, 3).map((projectId) => ({ personId, decisionPoint: 'ATC', projectId, at: AT })),
      );
      return [
        [
          'authorizeMany',
          `query($inputs: [AuthorizeInput!]!) { authorizeMany(inputs: $inputs) { ${AUTHORIZE_RESULT} } }`,
          { inputs: [...described, ...onProjects] },
        ],
        [
          'whoMayDecidePage',
          `query($input: CaseInput!) { whoMayDecidePage(input: $input, first: 5) { totalCount endCursor hasNextPage
            items { personId cursor direct quorumRequired person { name } chains { links { kind id limit } } }
            bodies { ruleId bodyId quorumReachable } } }`,
          {
            input: {
              decisionPoint: 'ATC',
              grade: 'III',
              orgUnitId: units[1],
              amount: '100000.00',
              currency: 'CNY',
              at: AT,
            },
          },
        ],
        [
          'decisionRights',
          `query($person: ID!) { decisionRights(personId: $person) { decisionPoint grades scopeOrgUnitId
            scopeOrgUnit { id code } limit currency validFrom validTo via projectRole quorumRequired revision
            chain { links { kind id holderPersonId delegatorId } body { bodyId seatTitles } } } }`,
          { person: people[2] },
        ],
        ['portal projects', PORTAL_PROJECTS, { page: 0, perPage: 25, sortField: 'name', sortOrder: 'ASC' }],
        ['portal people', PORTAL_PEOPLE, { page: 0, perPage: 25, sortField: 'name', sortOrder: 'DESC' }],
        [
          'fragments, aliases, @include and __typename',
          `query($with: Boolean!, $p: ID!) { me { __typename email role } a: Person(id: $p) { ...who
            orgUnit @include(if: $with) { __typename code name } } b: Person(id: $p) { id } }
            fragment who on Person { id name email }`,
          { with: true, p: people[3] },
        ],
      ];
    };

    test('error-free queries: the plan answers, exactly as graphql-js, in as many statements', async () => {
      // Once each first: the first authority question of a process loads its index (a few hundred statements).
      for (const [, query, variables] of cases()) await both(query, variables);
      for (const [name, query, variables] of cases()) {
        const { compiled, interpreted } = await both(query, variables);
        expect({ name, errors: compiled.body.errors }).toEqual({ name, errors: undefined });
        expect(lastExecution()).toBe('compiled');
        expect({ name, status: compiled.status, body: compiled.body }).toEqual({
          name,
          status: interpreted.status,
          body: interpreted.body,
        });
        expect({ name, statements: compiled.statements }).toEqual({ name, statements: interpreted.statements });
        expect(JSON.stringify(compiled.body).length).toBeGreaterThan(60);
      }
    });

    test("compiled on its second request, a text's plan answers the later ones with their variables", async () => {
      const query = 'query($p: ID!) { Person(id: $p) { id name } }';
      for (const p of people.slice(0, 4)) {
        const { compiled, interpreted } = await both(query, { p });
        expect(compiled.body.errors).toBeUndefined();
        expect(lastExecution()).toBe(p === people[0] ? 'graphql-js' : 'compiled');
        expect(compiled.body).toEqual(interpreted.body);
        expect((compiled.body.data?.Person as { id: string }).id).toBe(p);
      }
    });

    test('answers with errors come from graphql-js: the same errors, codes and statuses', async () => {
      const bad: Array<[string, string, Record<string, unknown>]> = [
        [
          'a person who does not exist, second of two',
          'query($inputs: [AuthorizeInput!]!) { authorizeMany(inputs: $inputs) { allowed } }',
          {
            inputs: [
              { personId: people[0], decisionPoint: 'ATC', projectId: projects[0] },
              { personId: '99999999', decisionPoint: 'ATC', projectId: projects[0] },
            ],
          },
        ],
        [
          'a variable of the wrong type',
          'query($inputs: [AuthorizeInput!]!) { authorizeMany(inputs: $inputs) { allowed } }',
          { inputs: 'everyone' },
        ],
        [
          'a missing record next to a found one',
          'query($p: ID!) { a: Person(id: $p) { id } b: project(id: "99999999") { id } }',
          { p: people[0] },
        ],
      ];
      for (const [name, query, variables] of bad) {
        const { compiled, interpreted } = await both(query, variables);
        expect({ name, errors: (compiled.body.errors ?? []).length > 0 }).toEqual({ name, errors: true });
        expect(lastExecution()).toBe('graphql-js');
        expect({ name, status: compiled.status, body: compiled.body }).toEqual({
          name,
          status: interpreted.status,
          body: interpreted.body,
        });
      }
    });

    test('a caller without the right gets the same refusal', async () => {
      const query = 'query { allUsers(perPage: 2) { id email } }';
      const { compiled, interpreted } = await both(query, {}, e.tokens.viewer);
      expect(compiled.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(compiled.body).toEqual(interpreted.body);
    });

    test('mutations are not compiled', async () => {
      const res = await send(e.url, 'mutation { markNotificationsRead(ids: null) }');
      expect(res.body.errors).toBeUndefined();
      expect(lastExecution()).toBe('graphql-js');
    });
  },
  { demo: true, logLines },
);
