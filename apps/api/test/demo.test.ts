// The demo company (src/seed/demo.ts) seeds through the API's own operations, on both databases, and lets every demo
// user do their job through the API alone: every decision point on every grade can be taken (a single decider or a
// body whose quorum is reachable, on a project at the right stage), pools can be approved and exist in every status,
// decisions were taken in sequence, certifications and delegations are about to expire, a delegation chain has three
// links, and the people have unique Chinese names that search finds by their characters or their pinyin.
import { LTC_DECISION_POINTS, roleMayOnRecord, type UserRole } from '@iron-triangle/domain';
import { describeOnDatabases, TestEnv } from './support/databases';
import { DEMO_PEOPLE } from '../src/seed/demo';

// The demo seed goes through the API's operations one by one (some 400 records and 30 decisions): on MariaDB on a
// busy machine its setup takes longer than the default minute.
jest.setTimeout(180_000);

const DAY = 86_400_000;
const GRADES = ['I', 'II', 'III'] as const;
/** The stage a project waits in for each point (ATI moves it to OPPORTUNITY, ATC to CONTRACT_EXECUTION). */
const STAGE_FOR: Record<string, string> = {
  ATI: 'LEAD',
  ATB: 'OPPORTUNITY',
  ATC: 'OPPORTUNITY',
  ATAC: 'CONTRACT_EXECUTION',
  ATCC: 'CONTRACT_EXECUTION',
};
const PREREQUISITE: Record<string, string | null> = { ATI: null, ATB: 'ATI', ATC: 'ATB', ATAC: 'ATC', ATCC: 'ATC' };
const ROLES = { admin: 'ADMIN', hr: 'HR', leader: 'LEADER', viewer: 'VIEWER' } as const;

interface DecisionRow {
  id: string;
  decisionPoint: string;
  outcome: string;
  complete: boolean;
  decidedAt: string;
  reopenedAt: string | null;
}
interface ProjectRow {
  id: string;
  name: string;
  grade: string;
  stage: string;
  orgUnitId: string;
  decisionPointsInSequence: string[];
  decisions: DecisionRow[];
}
interface Coverage {
  quorumReachable: boolean;
  seats: Array<{ title: string; fixed: boolean; filledBy: Array<{ personId: string; via: string }> }>;
}
interface DeciderPage {
  items: Array<{ personId: string; quorumRequired: boolean }>;
  bodies: Coverage[];
}

const PROJECTS = `{ allProjects(perPage: 100, sortField: "id") { id name grade stage orgUnitId decisionPointsInSequence
  decisions { id decisionPoint outcome complete decidedAt reopenedAt } } }`;
const WHO = `query($input: CaseInput!) { whoMayDecidePage(input: $input) { items { personId quorumRequired }
  bodies { quorumReachable seats { title fixed filledBy { personId via } } } } }`;
const RECORD = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id complete
  project { stage } } }`;

/** The approvals in force on a project (APPROVED, complete, not reopened). */
const inForce = (p: ProjectRow) =>
  new Set(
    p.decisions.filter((d) => d.outcome === 'APPROVED' && d.complete && !d.reopenedAt).map((d) => d.decisionPoint),
  );

/** The project of `grade` waiting for `point`: in sequence, at its stage, not yet approved (amendments may recur). */
function waitingFor(projects: ProjectRow[], grade: string, point: string): ProjectRow[] {
  return projects.filter(
    (p) =>
      p.grade === grade &&
      p.stage === STAGE_FOR[point] &&
      p.decisionPointsInSequence.includes(point) &&
      (point === 'ATAC' || !inForce(p).has(point)),
  );
}

/** Monday 00:00 of the week of `at`, in local time: the dashboard's "this week". */
function startOfWeek(at: Date): Date {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

describeOnDatabases(
  'demo data',
  (env) => {
    let e: TestEnv;
    /** When the demo was seeded: its records' creation time. */
    let seededAt: number;
    let leaderPersonId: string;
    const gql = <T>(query: string, variables: Record<string, unknown> = {}, token = e.tokens.admin) =>
      e.gql<T>(query, variables, { token });
    const ok = async <T>(query: string, variables: Record<string, unknown> = {}, token = e.tokens.admin) => {
      const res = await gql<T>(query, variables, token);
      expect(res.body.errors).toBeUndefined();
      return res.body.data as T;
    };
    const projects = async (token = e.tokens.admin) =>
      (await ok<{ allProjects: ProjectRow[] }>(PROJECTS, {}, token)).allProjects;
    const personByNo = async (employeeNo: string) =>
      (await ok<{ allPeople: Array<{ id: string }> }>(`{ allPeople(filter: { q: "${employeeNo}" }) { id } }`))
        .allPeople[0]!.id;

    beforeAll(async () => {
      e = env();
      const first = await ok<{ allPeople: Array<{ createdAt: string }> }>(
        '{ allPeople(perPage: 1, sortField: "id") { createdAt } }',
      );
      seededAt = Date.parse(first.allPeople[0]!.createdAt);
      const me = await ok<{ me: { personId: string | null } }>('{ me { personId } }', {}, e.tokens.leader);
      leaderPersonId = me.me.personId!;
    });

    test('seeds a small company the demo users can browse', async () => {
      const data = await ok<Record<string, { count: number }>>(
        `{ p: _allPeopleMeta { count } o: _allOrgUnitsMeta { count } pr: _allProjectsMeta { count }
           a: _allAssessmentsMeta { count } r: _allRoleModelsMeta { count } f: _allQualificationFrameworksMeta { count }
           s: _allStaffingRulesMeta { count } ar: _allAuthorityRulesMeta { count } d: _allDelegationsMeta { count }
           pool: _allIncentivePoolsMeta { count } c: _allCustomersMeta { count } dec: _allDecisionsMeta { count } }`,
      );
      const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.count]));
      expect(counts).toMatchObject({ p: 40, o: 10, pr: 14, r: 3, f: 3, s: 9, ar: 9, d: 4, pool: 6, c: 6 });
      expect(counts.a).toBeGreaterThanOrEqual(15);
      expect(counts.dec).toBeGreaterThanOrEqual(20);
      const grades = await ok<{
        allProjects: Array<{ grade: string; opportunityId: string | null; team: Array<{ role: string }> }>;
      }>('{ allProjects(perPage: 50) { grade opportunityId team { role } } }', {}, e.tokens.viewer);
      // The twelve LTC projects with their teams; the two made from opportunities (below) have their triangle.
      const ltc = grades.allProjects.filter((p) => p.opportunityId === null);
      expect(ltc).toHaveLength(12);
      for (const grade of GRADES) expect(ltc.filter((p) => p.grade === grade)).toHaveLength(4);
      expect(ltc.every((p) => p.team.length >= 4)).toBe(true);
      const fromOpportunities = grades.allProjects.filter((p) => p.opportunityId !== null);
      expect(fromOpportunities).toHaveLength(2);
      for (const p of fromOpportunities) expect(p.team.map((m) => m.role).sort()).toEqual(['AR', 'FR', 'SR']);
      // The leader sees only the East region's projects.
      const leader = await ok<{ _allProjectsMeta: { count: number } }>(
        '{ _allProjectsMeta { count } }',
        {},
        e.tokens.leader,
      );
      expect(leader._allProjectsMeta.count).toBeGreaterThan(0);
      expect(leader._allProjectsMeta.count).toBeLessThan(14);
    });

    test('the front of LTC: leads of every class and grade, a funnel with history, two projects', async () => {
      type LeadRow = {
        leadClass: string;
        grade: string;
        status: string;
        verifiedById: string | null;
        foundById: string;
        ownerId: string;
        nurtureActions: Array<{ dueDate: string; doneAt: string | null }>;
      };
      type OppRow = {
        id: string;
        stage: string;
        stageHistory: Array<{ stage: string; at: string }>;
        projectId: string | null;
        project: { opportunityId: string | null; customerId: string | null } | null;
        customerId: string;
      };
      const data = await ok<{ allLeads: LeadRow[]; allOpportunities: OppRow[] }>(
        `{ allLeads(perPage: 100) { leadClass grade status verifiedById foundById ownerId
             nurtureActions { dueDate doneAt } }
           allOpportunities(perPage: 100) { id stage stageHistory projectId customerId
             project { opportunityId customerId } } }`,
      );
      const leads = data.allLeads;
      expect(leads.length).toBeGreaterThanOrEqual(8);
      expect(new Set(leads.map((l) => l.leadClass))).toEqual(new Set(['INITIAL', 'CREDIBLE', 'OPPORTUNITY_LEAD']));
      expect(new Set(leads.map((l) => l.grade))).toEqual(new Set(['COMPANY_MAJOR', 'MAJOR', 'IMPORTANT', 'GENERAL']));
      const verified = leads.filter((l) => l.verifiedById !== null);
      expect(verified.length).toBeGreaterThan(0);
      expect(verified.every((l) => l.verifiedById !== l.foundById)).toBe(true);
      const overdue = leads
        .flatMap((l) => l.nurtureActions)
        .filter((a) => !a.doneAt && Date.parse(a.dueDate) < seededAt);
      expect(overdue).toHaveLength(1);
      const opportunities = data.allOpportunities;
      expect(opportunities.length).toBeGreaterThanOrEqual(6);
      expect(new Set(opportunities.map((o) => o.stage))).toEqual(
        new Set(['POTENTIAL', 'INTENT', 'NEGOTIATION', 'DEAL', 'LOST']),
      );
      // The history spans months, oldest first, ending at the current stage.
      for (const o of opportunities) {
        const times = o.stageHistory.map((m) => Date.parse(m.at));
        expect([...times].sort((a, b) => a - b)).toEqual(times);
        expect(o.stageHistory[o.stageHistory.length - 1]!.stage).toBe(o.stage);
      }
      const oldest = Math.min(...opportunities.map((o) => Date.parse(o.stageHistory[0]!.at)));
      expect(seededAt - oldest).toBeGreaterThan(90 * DAY);
      const made = opportunities.filter((o) => o.projectId !== null);
      expect(made).toHaveLength(2);
      for (const o of made) expect(o.project).toEqual({ opportunityId: o.id, customerId: o.customerId });
      const funnel = await ok<{ salesFunnel: { total: { count: number }; conversion: Array<{ reached: number }> } }>(
        '{ salesFunnel { total { count } conversion { reached } } }',
      );
      expect(funnel.salesFunnel.total.count).toBe(opportunities.length);
      expect(funnel.salesFunnel.conversion[2]!.reached).toBeGreaterThan(0);
    });

    test('people have Chinese names and pinyin, no two alike, shown by language; search finds either', async () => {
      type Row = { id: string; name: string; latinName: string; displayName: string; employeeNo: string };
      const PEOPLE =
        '{ allPeople(perPage: 100, sortField: "employeeNo") { id name latinName displayName employeeNo } }';
      const { allPeople } = await ok<{ allPeople: Row[] }>(PEOPLE);
      const inChinese = (
        await e.gql<{ allPeople: Row[] }>(
          PEOPLE,
          {},
          { token: e.tokens.admin, headers: { 'accept-language': 'zh-CN' } },
        )
      ).body.data!.allPeople;
      expect(allPeople).toHaveLength(DEMO_PEOPLE.length);
      expect(new Set(allPeople.map((p) => p.name)).size).toBe(allPeople.length);
      expect(new Set(DEMO_PEOPLE.map((p) => p.zh)).size).toBe(DEMO_PEOPLE.length);
      expect(new Set(DEMO_PEOPLE.map((p) => p.pinyin.toLowerCase())).size).toBe(DEMO_PEOPLE.length);
      allPeople.forEach((p, i) => {
        expect(p.employeeNo).toBe(`E${1001 + i}`);
        expect(p.name).toBe(DEMO_PEOPLE[i]!.zh);
        expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
        expect(p.latinName).toBe(DEMO_PEOPLE[i]!.pinyin);
        expect(p.latinName).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
        // Shown by the caller's language: the pinyin in English, the characters in Chinese.
        expect(p.displayName).toBe(p.latinName);
        expect(inChinese[i]!.displayName).toBe(p.name);
      });
      // Each person is found by the characters alone, and by the pinyin alone (any case): 14 people a request.
      for (let from = 0; from < DEMO_PEOPLE.length; from += 14) {
        const some = DEMO_PEOPLE.slice(from, from + 14);
        const searches = some.flatMap((p, k) => [
          `zh${k}: allPeople(filter: { q: ${JSON.stringify(p.zh)} }) { id }`,
          `py${k}: allPeople(filter: { q: ${JSON.stringify(p.pinyin.toLowerCase())} }) { id }`,
        ]);
        const found = await ok<Record<string, Array<{ id: string }>>>(`{ ${searches.join(' ')} }`);
        some.forEach((_p, k) => {
          expect(found[`zh${k}`]!.map((r) => r.id)).toEqual([allPeople[from + k]!.id]);
          expect(found[`py${k}`]!.map((r) => r.id)).toEqual([allPeople[from + k]!.id]);
        });
      }
    });

    test('decisions taken on several projects in LTC sequence, over the last weeks, the stages moved', async () => {
      const all = await projects();
      const decided = all.filter((p) => p.decisions.length > 0);
      expect(decided.length).toBeGreaterThanOrEqual(6);
      for (const p of decided) {
        const ordered = [...p.decisions].sort((a, b) => Number(a.id) - Number(b.id));
        const approved = new Set<string>();
        let previous = -Infinity;
        for (const d of ordered) {
          const at = Date.parse(d.decidedAt);
          expect(at).toBeGreaterThanOrEqual(previous);
          expect(at).toBeLessThanOrEqual(seededAt);
          expect(at).toBeGreaterThan(seededAt - 35 * DAY);
          previous = at;
          const before = PREREQUISITE[d.decisionPoint];
          if (before) expect(approved.has(before)).toBe(true);
          if (d.outcome === 'APPROVED' && d.complete) approved.add(d.decisionPoint);
        }
        const stage = approved.has('ATCC')
          ? 'CLOSED'
          : approved.has('ATC')
            ? 'CONTRACT_EXECUTION'
            : approved.has('ATI')
              ? 'OPPORTUNITY'
              : 'LEAD';
        expect({ project: p.name, stage: p.stage }).toEqual({ project: p.name, stage });
      }
      // The stage history: each move takes effect just after the decision that made it (at its moment, not the seed's).
      const { allProjects: histories } = await ok<{
        allProjects: Array<{
          id: string;
          history: Array<{ operation: string; effectiveFrom: string; after: unknown }>;
        }>;
      }>('{ allProjects(perPage: 100) { id history { operation effectiveFrom after } } }');
      let moves = 0;
      for (const p of decided) {
        const entries = histories.find((h) => h.id === p.id)!.history;
        const approvals = p.decisions.filter((d) => d.outcome === 'APPROVED' && d.complete).map((d) => d.decidedAt);
        for (const [k, entry] of entries.entries()) {
          const stage = (entry.after as { stage: string }).stage;
          if (k === 0 || stage === (entries[k - 1]!.after as { stage: string }).stage) continue;
          moves++;
          const at = Date.parse(entry.effectiveFrom);
          expect({ project: p.name, stage, atDecision: approvals.some((d) => Date.parse(d) + 1 === at) }).toEqual({
            project: p.name,
            stage,
            atDecision: true,
          });
        }
      }
      expect(moves).toBeGreaterThanOrEqual(6);
      // Through the whole sequence so far, with a returned bid and an amendment among them.
      expect(decided.some((p) => inForce(p).has('ATC') && inForce(p).has('ATAC'))).toBe(true);
      expect(all.flatMap((p) => p.decisions).some((d) => d.outcome === 'RETURNED')).toBe(true);
      // A body decision in progress: votes recorded, not complete.
      expect(decided.some((p) => p.decisions.length > 0 && p.decisions.every((d) => !d.complete))).toBe(true);
      // "Decisions this week", as the dashboard counts them from the moment of the seed.
      const week = startOfWeek(new Date(seededAt)).getTime();
      for (const token of [e.tokens.admin, e.tokens.leader]) {
        const { allDecisions } = await ok<{ allDecisions: Array<{ decidedAt: string }> }>(
          '{ allDecisions(perPage: 200) { decidedAt } }',
          {},
          token,
        );
        expect(allDecisions.filter((d) => Date.parse(d.decidedAt) >= week).length).toBeGreaterThan(0);
      }
    });

    test('every point on every grade waits on a project, with a decider or a body that can reach quorum', async () => {
      const all = await projects();
      for (const grade of GRADES) {
        for (const point of LTC_DECISION_POINTS) {
          const waiting = waitingFor(all, grade, point);
          expect({ grade, point, waiting: waiting.length > 0 }).toEqual({ grade, point, waiting: true });
          for (const p of waiting) {
            const { whoMayDecidePage: page } = await ok<{ whoMayDecidePage: DeciderPage }>(WHO, {
              input: { projectId: p.id, decisionPoint: point },
            });
            const alone = page.items.some((d) => !d.quorumRequired);
            const body = page.bodies.some(
              (b) => b.quorumReachable && b.seats.every((s) => !s.fixed || s.filledBy.length > 0),
            );
            expect({ grade, point, project: p.name, decidable: alone || body }).toEqual({
              grade,
              point,
              project: p.name,
              decidable: true,
            });
            // Grades I and II initiate by their decision team; every fixed seat has someone to fill it.
            if (point === 'ATI' && grade !== 'III')
              expect({ project: p.name, body }).toEqual({ project: p.name, body: true });
          }
        }
      }
    });

    test('pools in every status; the leader holds POOL_APPROVAL and approves the waiting one', async () => {
      const { allIncentivePools: pools } = await ok<{
        allIncentivePools: Array<{
          id: string;
          status: string;
          orgUnitId: string;
          fundedAmount: string | null;
          currency: string;
          projectId: string;
          adjustmentOfId: string | null;
        }>;
      }>(`{ allIncentivePools(perPage: 50) { id status orgUnitId fundedAmount currency projectId adjustmentOfId } }`);
      expect(new Set(pools.map((p) => p.status))).toEqual(
        new Set(['DRAFT', 'FUNDED', 'ALLOCATED', 'APPROVED', 'LOCKED']),
      );
      const locked = pools.find((p) => p.status === 'LOCKED')!;
      expect(pools.filter((p) => p.adjustmentOfId === locked.id).map((p) => p.status)).toEqual(['DRAFT']);
      // The leader sees them all (they are in East) and may approve the one waiting.
      const mine = await ok<{ allIncentivePools: Array<{ id: string }> }>(
        '{ allIncentivePools(perPage: 50) { id } }',
        {},
        e.tokens.leader,
      );
      expect(mine.allIncentivePools.map((p) => p.id).sort()).toEqual(pools.map((p) => p.id).sort());
      const waiting = pools.find((p) => p.status === 'ALLOCATED')!;
      const { Project: project } = await ok<{ Project: { grade: string } }>(
        'query($id: ID!) { Project(id: $id) { grade } }',
        { id: waiting.projectId },
      );
      const may = await ok<{ authorize: { allowed: boolean; chains: Array<{ links: Array<{ kind: string }> }> } }>(
        `query($input: AuthorizeInput!) { authorize(input: $input) { allowed chains { links { kind } } } }`,
        {
          input: {
            personId: leaderPersonId,
            decisionPoint: 'POOL_APPROVAL',
            grade: project.grade,
            orgUnitId: waiting.orgUnitId,
            amount: waiting.fundedAmount,
            currency: waiting.currency,
          },
        },
      );
      expect(may.authorize.allowed).toBe(true);
      const approved = await ok<{ approvePool: { status: string } }>(
        'mutation($id: ID!) { approvePool(id: $id) { status } }',
        { id: waiting.id },
        e.tokens.leader,
      );
      expect(approved.approvePool.status).toBe('APPROVED');
    });

    test('certificates end within 30 days, delegations within 7 (one the leader’s); a chain of 3 links', async () => {
      const now = seededAt;
      const { allAssessments } = await ok<{ allAssessments: Array<{ validUntil: string | null }> }>(
        '{ allAssessments(perPage: 200) { validUntil } }',
      );
      const ending = allAssessments.filter(
        (a) => a.validUntil && Date.parse(a.validUntil) > now && Date.parse(a.validUntil) <= now + 30 * DAY,
      );
      expect(ending.length).toBeGreaterThanOrEqual(2);
      const { allDelegations } = await ok<{
        allDelegations: Array<{ delegateId: string; validTo: string | null; revokedAt: string | null }>;
      }>('{ allDelegations(perPage: 100) { delegateId validTo revokedAt } }');
      const endingSoon = allDelegations.filter(
        (d) => !d.revokedAt && d.validTo && Date.parse(d.validTo) > now && Date.parse(d.validTo) <= now + 7 * DAY,
      );
      expect(endingSoon.length).toBeGreaterThanOrEqual(2);
      expect(endingSoon.some((d) => d.delegateId === leaderPersonId)).toBe(true);
      // Shenzhen's industry head (E1010) bids on the Shenzhen grade III project through rule → delegation → delegation.
      const all = await projects();
      const shenzhenBid = all.find((p) => p.name === 'Grid IoT sensors pilot')!;
      const chain = await ok<{
        authorize: { allowed: boolean; chains: Array<{ links: Array<{ kind: string; holderPersonId: string }> }> };
      }>(
        `query($input: AuthorizeInput!) { authorize(input: $input) { allowed
          chains { links { kind holderPersonId } } } }`,
        { input: { personId: await personByNo('E1010'), decisionPoint: 'ATB', projectId: shenzhenBid.id } },
      );
      expect(chain.authorize.allowed).toBe(true);
      expect(chain.authorize.chains.map((c) => c.links.map((l) => l.kind))).toContainEqual([
        'RULE',
        'DELEGATION',
        'DELEGATION',
      ]);
    });

    test('every demo user signs in and finds their start page filled', async () => {
      const week = startOfWeek(new Date(seededAt)).getTime();
      const within = (at: string | null, days: number) =>
        at !== null && Date.parse(at) >= seededAt && Date.parse(at) <= seededAt + days * DAY;
      for (const [key, role] of Object.entries(ROLES) as Array<[keyof typeof ROLES, UserRole]>) {
        const token = e.tokens[key];
        const me = await ok<{ me: { email: string; role: string } }>('{ me { email role } }', {}, token);
        expect(me.me).toEqual({ email: `${key}@demo.local`, role });
        // The dashboard's panels, each for the roles that may read it: something in every one.
        const panels: Array<[string, string, (rows: Array<Record<string, string | null>>) => number]> = [
          [
            'Assessment',
            '{ rows: allAssessments(perPage: 200) { validUntil } }',
            (rows) => rows.filter((r) => within(r.validUntil!, 30)).length,
          ],
          [
            'Delegation',
            '{ rows: allDelegations(perPage: 200) { validTo revokedAt } }',
            (rows) => rows.filter((r) => !r.revokedAt && within(r.validTo!, 14)).length,
          ],
          [
            'IncentivePool',
            '{ rows: allIncentivePools(perPage: 200) { status } }',
            (rows) => rows.filter((r) => r.status === 'ALLOCATED' || r.status === 'APPROVED').length,
          ],
          [
            'Decision',
            '{ rows: allDecisions(perPage: 200) { decidedAt } }',
            (rows) => rows.filter((r) => Date.parse(r.decidedAt!) >= week).length,
          ],
        ];
        let shown = 0;
        for (const [resource, query, count] of panels) {
          if (!roleMayOnRecord(role, resource, 'read')) continue;
          const { rows } = await ok<{ rows: Array<Record<string, string | null>> }>(query, {}, token);
          expect({ role, resource, filled: count(rows) > 0 }).toEqual({ role, resource, filled: true });
          shown++;
        }
        expect(shown).toBeGreaterThan(0);
      }
    });

    test('each demo user with a person has pending requests in the inbox; one of the leader’s overdue', async () => {
      interface InboxRow {
        id: string;
        projectId: string;
        decisionPoint: string;
        status: string;
        requestedAt: string;
        dueAt: string;
        recipients: Array<{ personId: string; via: string }>;
      }
      const all = await projects();
      const withPerson: string[] = [];
      const inboxes: Record<string, InboxRow[]> = {};
      for (const key of Object.keys(ROLES) as Array<keyof typeof ROLES>) {
        const token = e.tokens[key];
        const { me } = await ok<{ me: { personId: string | null } }>('{ me { personId } }', {}, token);
        const { myInbox } = await ok<{ myInbox: InboxRow[] }>(
          `{ myInbox { id projectId decisionPoint status requestedAt dueAt recipients { personId via } } }`,
          {},
          token,
        );
        inboxes[key] = myInbox;
        if (me.personId === null) {
          expect({ key, inbox: myInbox }).toEqual({ key, inbox: [] });
          continue;
        }
        withPerson.push(key);
        expect({ key, pending: myInbox.length > 0 }).toEqual({ key, pending: true });
        for (const r of myInbox) {
          expect(r.status).toBe('PENDING');
          expect(r.recipients.map((x) => x.personId)).toContain(me.personId);
          expect(Date.parse(r.requestedAt)).toBeLessThanOrEqual(seededAt);
          // Asked where the sequence allows it: the point may be taken on that project now.
          const project = all.find((p) => p.id === r.projectId)!;
          expect(project.decisionPointsInSequence).toContain(r.decisionPoint);
        }
      }
      // The leader and the administrator (the BU president) have a person; HR and the viewer do not.
      expect(withPerson.sort()).toEqual(['admin', 'leader']);
      const leader = inboxes.leader!;
      expect(leader.length).toBeGreaterThanOrEqual(2);
      expect(leader.some((r) => Date.parse(r.dueAt) < seededAt)).toBe(true);
      expect(leader.some((r) => Date.parse(r.dueAt) > seededAt)).toBe(true);
      // One of them in a seat of a decision body.
      expect(leader.some((r) => r.recipients.some((x) => x.personId === leaderPersonId && x.via === 'SEAT'))).toBe(
        true,
      );
      // The president's: an overdue grade I point.
      const grades = new Map(all.map((p) => [p.id, p.grade]));
      expect(inboxes.admin!.some((r) => grades.get(r.projectId) === 'I' && Date.parse(r.dueAt) < seededAt)).toBe(true);
      // Escalation (the server's ticker, here the administrators' mutation) takes the overdue bid up to the president;
      // the leader keeps it, and still has one overdue: no level of authority lies above the amendment.
      const INBOX = '{ myInbox { id dueAt escalationLevel } }';
      const { escalateOverdueRequests: escalated } = await ok<{ escalateOverdueRequests: Array<{ id: string }> }>(
        'mutation { escalateOverdueRequests { id } }',
      );
      expect(escalated.length).toBeGreaterThan(0);
      const after = (await ok<{ myInbox: Array<{ id: string; dueAt: string }> }>(INBOX, {}, e.tokens.leader)).myInbox;
      expect(after.map((r) => r.id)).toEqual(leader.map((r) => r.id));
      expect(after.some((r) => Date.parse(r.dueAt) < Date.now())).toBe(true);
      const president = (await ok<{ myInbox: Array<{ id: string; escalationLevel: number }> }>(INBOX)).myInbox;
      expect(president.some((r) => r.escalationLevel > 0 && leader.some((l) => l.id === r.id))).toBe(true);
    });

    // Last: it takes decisions (and so changes the demo data the tests above read).
    test('every decision point on every grade can really be taken: recorded, complete, the stage moved', async () => {
      for (const grade of GRADES) {
        for (const point of ['ATI', 'ATB', 'ATC', 'ATAC', 'ATCC']) {
          const p = waitingFor(await projects(), grade, point)[0]!;
          expect(p).toBeDefined();
          const { whoMayDecidePage: page } = await ok<{ whoMayDecidePage: DeciderPage }>(WHO, {
            input: { projectId: p.id, decisionPoint: point },
          });
          const single = page.items.find((d) => !d.quorumRequired);
          // One decider alone, or one filler per fixed seat until the quorum is met.
          const voters = single
            ? [single.personId]
            : page.bodies
                .find((b) => b.quorumReachable)!
                .seats.filter((s) => s.fixed)
                .map((s) => s.filledBy[0]!.personId);
          let last: { complete: boolean; project: { stage: string } } | null = null;
          for (const [n, deciderId] of voters.entries()) {
            if (last?.complete) break;
            const res = await ok<{ recordDecision: { complete: boolean; project: { stage: string } } }>(RECORD, {
              input: {
                projectId: p.id,
                decisionPoint: point,
                outcome: 'APPROVED',
                deciderId,
                idempotencyKey: `demo-test-${p.id}-${point}-${n}`,
              },
            });
            last = res.recordDecision;
          }
          const stage = { ATI: 'OPPORTUNITY', ATC: 'CONTRACT_EXECUTION', ATCC: 'CLOSED' }[point] ?? p.stage;
          expect({ grade, point, complete: last?.complete, stage: last?.project.stage }).toEqual({
            grade,
            point,
            complete: true,
            stage,
          });
        }
      }
    });
  },
  { demo: true },
);
