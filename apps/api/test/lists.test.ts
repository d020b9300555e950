// The portal's lists (react-admin: `allX` with `_allXMeta`, every nested record as `{ id }`) cost the session's
// statement and one more, whatever the page size, for an administrator and for a LEADER (scoped to a subtree), with
// the same records, totals and nested records as single reads give.
import { describeOnDatabases, TestEnv } from './support/databases';
import { listCountStats } from '../src/platform/crud/list-page';

/** The documents ra-data-graphql-simple 5.15 builds for getList of Project and Person (the portal sends these). */
const PORTAL_PROJECTS = `query allProjects($filter: ProjectFilter, $page: Int, $perPage: Int, $sortField: String,
  $sortOrder: String) {
  items: allProjects(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {
    amount createdAt currency customer { id } customerId decisions { id } externalRef grade gradeCriteria
    gradeJustification gradeReasons id name orgUnit { id } orgUnitId stage team { id } updatedAt version
  }
  total: _allProjectsMeta(filter: $filter, page: $page, perPage: $perPage) { count }
}`;
const PORTAL_PEOPLE = `query allPeople($filter: PersonFilter, $page: Int, $perPage: Int, $sortField: String,
  $sortOrder: String) {
  items: allPeople(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {
    appointments { id } archivedAt assessments { id } createdAt email employeeNo hiredAt id name orgUnit { id }
    orgUnitId phone positions { id } updatedAt version
  }
  total: _allPeopleMeta(filter: $filter, page: $page, perPage: $perPage) { count }
}`;

/** Every kind of column of nested records, and fields with resolvers of their own (the whole record is read). */
const PROJECT_FIELDS = `id name amount currency stage grade gradeReasons externalRef customerId orgUnitId version
  createdAt updatedAt customer { id name code tier orgUnitId } orgUnit { id name code parentId kind }
  team { id projectId personId role stage validFrom validTo qualificationLevel exceptionReason staffingCheck version
    createdAt updatedAt person { name } }
  decisions { id decisionPoint outcome deciderId decidedAt complete comment chain { links { kind id } } }`;
const PERSON_FIELDS = `id employeeNo name email phone orgUnitId hiredAt archivedAt version createdAt updatedAt
  orgUnit { id code name } positions { id title orgUnitId validFrom validTo }
  appointments { id projectId role validFrom stage }
  assessments { id role kind assessedAt validUntil levelReached certifies completedProjects tenureMonths comment
    ratings { dimensionCode score } }`;

interface Item {
  id: string;
  name: string;
  employeeNo: string;
  [field: string]: unknown;
}
interface Page {
  items: Item[];
  total: { count: number };
}

const EXTRA = 30;
const extraName = (i: number) => `List project ${String(i).padStart(2, '0')}`;
const TEAM_FROM = '2025-06-01T08:30:00.250Z';
const DECIDED_AT = '2026-01-02T03:04:05.678Z';

// The demo company (src/seed/demo.ts): 14 projects (two made from opportunities), 40 people E1001–E1040. The LEADER
// is E1003, the East region's director; this suite gives them a position in force at SD-FIN, one that ended and one
// not yet begun.
const DEMO_PROJECTS = [
  '5G core network modernisation',
  'Branch network refresh',
  'Core banking cloud migration',
  'Core network capacity expansion',
  'Factory private 5G',
  'Grid IoT sensors pilot',
  'Logistics tracking platform',
  'Manufacturing MES integration',
  'Metro line 12 communications',
  'Metro line 9 signalling',
  'Metro passenger Wi-Fi',
  'Smart grid substation upgrade',
  'Telecom data-centre power',
  'Warehouse campus network',
];
/** East (R-EAST and below) and SD-FIN. */
const LEADER_DEMO_PROJECTS = [
  '5G core network modernisation',
  'Branch network refresh',
  'Core banking cloud migration',
  'Core network capacity expansion',
  'Logistics tracking platform',
  'Metro line 12 communications',
  'Metro line 9 signalling',
  'Metro passenger Wi-Fi',
  'Telecom data-centre power',
  'Warehouse campus network',
];
const LEADER_PEOPLE = [
  1003, 1005, 1008, 1009, 1012, 1013, 1015, 1016, 1019, 1020, 1022, 1023, 1026, 1027, 1029, 1030, 1033, 1034,
]
  .concat([1036, 1037, 1040])
  .map((n) => `E${n}`);

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describeOnDatabases(
  'lists: a page with its count and nested records in one statement',
  (env) => {
    const units: Record<string, number> = {};
    const people: Record<string, number> = {};
    const customers: Record<string, number> = {};

    beforeAll(async () => {
      const { dataSource } = env();
      const em = dataSource.manager;
      for (const u of (await em.query('SELECT id, code FROM org_units')) as Array<{ id: number; code: string }>)
        units[u.code] = Number(u.id);
      for (const p of (await em.query('SELECT id, employeeNo FROM people')) as Array<{
        id: number;
        employeeNo: string;
      }>)
        people[p.employeeNo] = Number(p.id);
      for (const c of (await em.query('SELECT id, code FROM customers')) as Array<{ id: number; code: string }>)
        customers[c.code] = Number(c.id);
      const { Project } = await import('../src/modules/project/project.entity');
      const { TeamAppointment } = await import('../src/modules/team-appointment/team-appointment.entity');
      const { Decision } = await import('../src/modules/decision/decision.entity');
      const { PositionAssignment } = await import('../src/modules/position-assignment/position-assignment.entity');
      const now = new Date();
      const stamp = { version: 1, createdAt: now, updatedAt: now };
      const east = ['O-HGH', 'O-SHA', 'SD-TEL'];
      const ids: number[] = [];
      for (let i = 0; i < EXTRA; i++) {
        // Even: in East (the LEADER's); odd: in Guangzhou. Every fourth has a customer outside East (Shenzhen Grid).
        const inserted = await em.insert(Project, {
          externalRef: `LIST-${i}`,
          name: extraName(i),
          customerId: i % 2 ? null : i % 4 === 0 ? customers['C-SZG']! : customers['C-HZM']!,
          orgUnitId: i % 2 ? units['O-CAN']! : units[east[(i / 2) % 3]!]!,
          stage: 'LEAD',
          amountMinor: BigInt(i) * 123_456n + 1n,
          currency: 'CNY',
          grade: 'III',
          gradeReasons: ['NO_CRITERION'],
          gradeCriteria: null,
          gradeJustification: null,
          ...stamp,
        });
        const projectId = Number(inserted.identifiers[0]!.id);
        ids.push(projectId);
        for (const [who, role] of [
          ['E1007', 'AR'],
          ['E1008', 'SR'],
        ] as const) {
          await em.insert(TeamAppointment, {
            projectId,
            personId: people[who]!,
            role,
            stage: i % 3 ? null : 'OPPORTUNITY',
            validFrom: new Date(TEAM_FROM),
            validTo: null,
            qualificationLevel: 2,
            exceptionReason: null,
            staffingCheck: { rule: null, required: 0, held: 2 } as never,
            ...stamp,
          });
        }
      }
      for (const [i, complete] of [
        [1, true],
        [2, false],
      ] as const) {
        await em.insert(Decision, {
          projectId: ids[i]!,
          decisionPoint: 'ATB',
          outcome: 'APPROVED',
          deciderId: people.E1003!,
          decidedAt: new Date(DECIDED_AT),
          chain: { links: [{ kind: 'RULE', id: '1' }] } as never,
          complete,
          amountMinor: 100_000_000n,
          currency: 'CNY',
          grade: 'III',
          comment: i === 1 ? 'go "ahead"' : null,
          idempotencyKey: `list-decision-${i}`,
          idempotencyOwner: 'legacy',
          ...stamp,
        });
      }
      const day = 86_400_000;
      for (const [code, from, to] of [
        ['SD-FIN', now.getTime() - 10 * day, null],
        ['O-CAN', now.getTime() - 10 * day, now.getTime() - day],
        ['O-SZX', now.getTime() + day, null],
      ] as const) {
        await em.insert(PositionAssignment, {
          personId: people.E1003!,
          title: 'PRODUCT_LINE_DIRECTOR',
          orgUnitId: units[code]!,
          validFrom: new Date(from),
          validTo: to === null ? null : new Date(to),
          ...stamp,
        });
      }
    });

    const statements = (r: { headers: Headers }) => Number(r.headers.get('x-sql-statements'));

    /** A list query, after one request of the same kind: a change to the authority state moves each process's
     * index once (the first request after it reads the change log), which is not the list's cost. */
    async function listed(token: string, query: string, variables: Record<string, unknown>) {
      const { gql } = env();
      await gql(query, variables, { token });
      const res = await gql<Page>(query, variables, { token });
      expect(res.body.errors).toBeUndefined();
      return res;
    }

    /** The same records read one by one (`Project(id)` / `Person(id)`: nested records through the loaders). */
    async function singleReads(e: TestEnv, token: string, type: 'Project' | 'Person', fields: string, ids: string[]) {
      const records: Item[] = [];
      for (let start = 0; start < ids.length; start += 20) {
        const chunk = ids.slice(start, start + 20);
        const query = `{ ${chunk.map((id, i) => `r${i}: ${type}(id: "${id}") { ${fields} }`).join(' ')} }`;
        const res = await e.gql<Record<string, Item>>(query, {}, { token });
        expect(res.body.errors).toBeUndefined();
        records.push(...chunk.map((_id, i) => res.body.data![`r${i}`]!));
      }
      return records;
    }

    const projectsPage = (perPage: number) => ({
      filter: {},
      page: 0,
      perPage,
      sortField: 'name',
      sortOrder: 'ASC',
    });
    const peoplePage = (perPage: number) => ({
      filter: {},
      page: 0,
      perPage,
      sortField: 'employeeNo',
      sortOrder: 'ASC',
    });

    test.each([25, 100])("the portal's Projects list (page of %i): two statements, for ADMIN and LEADER", async (n) => {
      const { tokens } = env();
      const all = [...DEMO_PROJECTS, ...Array.from({ length: EXTRA }, (_, i) => extraName(i))].sort(byName);
      const admin = await listed(tokens.admin, PORTAL_PROJECTS, projectsPage(n));
      expect(statements(admin)).toBe(2);
      expect(admin.body.data!.total.count).toBe(DEMO_PROJECTS.length + EXTRA);
      expect(admin.body.data!.items.map((p) => p.name)).toEqual(all.slice(0, n));

      const leaderNames = [...LEADER_DEMO_PROJECTS, ...Array.from({ length: EXTRA / 2 }, (_, i) => extraName(2 * i))]
        .sort(byName)
        .slice(0, n);
      const leader = await listed(tokens.leader, PORTAL_PROJECTS, projectsPage(n));
      expect(statements(leader)).toBe(2);
      expect(leader.body.data!.total.count).toBe(LEADER_DEMO_PROJECTS.length + EXTRA / 2);
      expect(leader.body.data!.items.map((p) => p.name)).toEqual(leaderNames);
      // Nested records: ids only, as react-admin asks; a customer outside the LEADER's subtree reads as null.
      const item = (page: Page, name: string) => page.items.find((p) => p.name === name)!;
      for (const page of [admin.body.data!, leader.body.data!]) {
        const p2 = item(page, extraName(2));
        expect(p2.customer).toEqual({ id: String(customers['C-HZM']) });
        expect(p2.orgUnit).toEqual({ id: String(units['O-SHA']) });
        expect((p2.team as unknown[]).length).toBe(2);
        expect(p2.decisions).toEqual([{ id: expect.any(String) }]);
        expect(item(page, extraName(6)).decisions).toEqual([]);
      }
      expect(item(admin.body.data!, extraName(0)).customer).toEqual({ id: String(customers['C-SZG']) });
      expect(item(leader.body.data!, extraName(0)).customer).toBeNull();
      expect(item(leader.body.data!, extraName(0)).customerId).toBe(String(customers['C-SZG']));
    });

    test.each([25, 100])("the portal's People list (page of %i): two statements, for ADMIN and LEADER", async (n) => {
      const { tokens } = env();
      const admin = await listed(tokens.admin, PORTAL_PEOPLE, peoplePage(n));
      expect(statements(admin)).toBe(2);
      expect(admin.body.data!.total.count).toBe(40);
      const employeeNos = Array.from({ length: 40 }, (_, i) => `E${1001 + i}`);
      expect(admin.body.data!.items.map((p) => p.employeeNo)).toEqual(employeeNos.slice(0, n));
      const first = admin.body.data!.items[0]!;
      expect(first).toMatchObject({ name: '王伟', orgUnit: { id: String(units.HQ) } });
      expect(first.positions).toEqual([{ id: expect.any(String) }]);

      const leader = await listed(tokens.leader, PORTAL_PEOPLE, peoplePage(n));
      expect(statements(leader)).toBe(2);
      expect(leader.body.data!.total.count).toBe(21);
      expect(leader.body.data!.items.map((p) => p.employeeNo)).toEqual(LEADER_PEOPLE.slice(0, n));
      // The LEADER's own record: their unit, and of their four positions the two in their subtree (R-EAST, SD-FIN).
      const self = leader.body.data!.items.find((p) => p.employeeNo === 'E1003')!;
      expect(self.orgUnit).toEqual({ id: String(units['R-EAST']) });
      expect((self.positions as unknown[]).length).toBe(2);
      const mine = admin.body.data!.items.find((p) => p.employeeNo === 'E1003');
      if (mine) expect((mine.positions as unknown[]).length).toBe(4);
    });

    test('the benchmark list (25 projects with org unit codes and team roles) costs two statements', async () => {
      const { tokens } = env();
      const query = '{ allProjects(perPage: 25) { id name amount orgUnit { code } team { personId role } } }';
      for (const token of [tokens.admin, tokens.leader]) {
        const { gql } = env();
        await gql(query, {}, { token });
        const res = await gql<{ allProjects: Array<{ name: string; orgUnit: { code: string }; team: unknown[] }> }>(
          query,
          {},
          { token },
        );
        expect(res.body.errors).toBeUndefined();
        expect(statements(res)).toBe(2);
        const p2 = res.body.data!.allProjects.find((p) => p.name === extraName(2))!;
        expect(p2.orgUnit).toEqual({ code: 'O-SHA' });
        expect(p2.team).toEqual([
          { personId: String(people.E1007), role: 'AR' },
          { personId: String(people.E1008), role: 'SR' },
        ]);
      }
    });

    test('nested records of a page equal those of single reads (every column kind, both roles)', async () => {
      const e = env();
      for (const token of [e.tokens.admin, e.tokens.leader]) {
        const projects = await e.gql<{ items: Item[] }>(
          `{ items: allProjects(perPage: 100, sortField: "name") { ${PROJECT_FIELDS} }
             total: _allProjectsMeta { count } }`,
          {},
          { token },
        );
        expect(projects.body.errors).toBeUndefined();
        const items = projects.body.data!.items;
        expect(items).toEqual(
          await singleReads(
            e,
            token,
            'Project',
            PROJECT_FIELDS,
            items.map((p) => p.id),
          ),
        );
        const decided = items.find((p) => p.name === extraName(1) || p.name === extraName(2))!;
        expect(decided.decisions).toEqual([
          expect.objectContaining({ decidedAt: DECIDED_AT, chain: { links: [{ kind: 'RULE', id: '1' }] } }),
        ]);
        const team = items.find((p) => p.name === extraName(3) || p.name === extraName(0))!.team as Item[];
        expect(team[0]).toMatchObject({
          validFrom: TEAM_FROM,
          validTo: null,
          stage: 'OPPORTUNITY',
          qualificationLevel: 2,
          staffingCheck: { rule: null, required: 0, held: 2 },
        });

        const persons = await e.gql<{ items: Item[] }>(
          `{ items: allPeople(perPage: 100, sortField: "name", sortOrder: "DESC") { ${PERSON_FIELDS} }
             total: _allPeopleMeta { count } }`,
          {},
          { token },
        );
        expect(persons.body.errors).toBeUndefined();
        const list = persons.body.data!.items;
        expect(list.some((p) => (p.assessments as unknown[]).length > 0)).toBe(true);
        expect(list).toEqual(
          await singleReads(
            e,
            token,
            'Person',
            PERSON_FIELDS,
            list.map((p) => p.id),
          ),
        );
      }
    });

    test('the count follows the filter; a page past the end is empty, with the total; a bad sort fails', async () => {
      const { gql, tokens } = env();
      const q = { filter: { q: 'list project 1' }, page: 0, perPage: 25, sortField: 'name', sortOrder: 'DESC' };
      const admin = await listed(tokens.admin, PORTAL_PROJECTS, q);
      expect(admin.body.data!.total.count).toBe(10);
      expect(admin.body.data!.items.map((p) => p.name)).toEqual(
        [19, 18, 17, 16, 15, 14, 13, 12, 11, 10].map(extraName),
      );
      const leader = await listed(tokens.leader, PORTAL_PROJECTS, q);
      expect(leader.body.data!.total.count).toBe(5);
      expect(leader.body.data!.items.map((p) => p.name)).toEqual([18, 16, 14, 12, 10].map(extraName));

      const south = { filter: { orgUnitId: String(units['R-SOUTH']) }, page: 0, perPage: 5, sortField: 'amount' };
      const bySouth = await listed(tokens.admin, PORTAL_PROJECTS, { ...south, sortOrder: 'ASC' });
      expect(bySouth.body.data!.total.count).toBe(6 + EXTRA / 2);
      expect(bySouth.body.data!.items.map((p) => p.name)).toEqual([1, 3, 5, 7, 9].map(extraName));
      const richest = await listed(tokens.admin, PORTAL_PROJECTS, { ...south, perPage: 3, sortOrder: 'DESC' });
      expect(richest.body.data!.items.map((p) => [p.name, p.amount])).toEqual([
        ['Core banking cloud migration', '86500000.00'],
        ['Smart grid substation upgrade', '37500000.00'],
        ['Factory private 5G', '15800000.00'],
      ]);

      const past = await listed(tokens.leader, PORTAL_PEOPLE, { ...peoplePage(25), page: 3 });
      expect(statements(past)).toBe(2);
      expect(past.body.data).toEqual({ items: [], total: { count: 21 } });

      // The list refuses the sort; the count, read on its own then, still answers (under an alias: `items` is
      // non-null, so its error nulls the whole answer of the portal's document).
      const bad = await gql<{ total: { count: number } }>(
        `query($s: String) { items: allPeople(sortField: $s) { id } total: _allPeopleMeta { count } }`,
        { s: 'nope' },
        { token: tokens.admin },
      );
      expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.body.errors?.[0]?.message).toContain('cannot sort Person by "nope"');

      const countOnly = await gql('{ _allPeopleMeta { count } }', {}, { token: tokens.leader });
      expect(countOnly.body.data).toEqual({ _allPeopleMeta: { count: 21 } });
      expect(statements(countOnly)).toBe(2);
    });

    test('a count is kept until the log moves; a write shows at once; unlogged tables counted each time', async () => {
      const { gql, tokens } = env();
      const count = async (query: string, token = tokens.admin) => {
        const res = await gql<{ total: { count: number } }>(query, {}, { token });
        expect(res.body.errors).toBeUndefined();
        return res.body.data!.total.count;
      };
      const people = '{ items: allPeople(perPage: 2) { id } total: _allPeopleMeta { count } }';
      const before = await count(people);
      let hits = listCountStats.hits;
      expect(await count(people)).toBe(before);
      expect(listCountStats.hits).toBe(hits + 1);

      // A write through the API moves the revision: the next count is made again and shows it.
      const created = await gql<{ createPerson: { id: string } }>(
        'mutation($o: ID!) { createPerson(employeeNo: "E-COUNT-1", name: "计数 测试", orgUnitId: $o) { id } }',
        { o: String(units.HQ) },
        { token: tokens.admin },
      );
      expect(created.body.errors).toBeUndefined();
      hits = listCountStats.hits;
      expect(await count(people)).toBe(before + 1);
      expect(listCountStats.hits).toBe(hits);
      expect(await count(people)).toBe(before + 1);
      expect(listCountStats.hits).toBe(hits + 1);

      // Another caller's scope is another count (the LEADER's subtree is not the administrator's).
      const leaderCount = await count(people, tokens.leader);
      expect(leaderCount).toBeLessThan(before + 1);

      // Audit entries are not in the change log (a sign-in writes one): their count is never kept.
      const audit = '{ items: allAuditEntries(perPage: 1) { id } total: _allAuditEntriesMeta { count } }';
      const misses = listCountStats.misses;
      hits = listCountStats.hits;
      const first = await count(audit);
      const login = await gql('mutation { login(email: "viewer@demo.local", password: "demo") { token } }');
      expect(login.body.errors).toBeUndefined();
      expect(await count(audit)).toBeGreaterThan(first);
      expect(listCountStats.hits).toBe(hits);
      expect(listCountStats.misses).toBe(misses);
    });
  },
  { demo: true },
);
