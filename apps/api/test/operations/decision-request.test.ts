// Decision requests over HTTP (issue #14): a request is routed to who may decide (the holder of the rule, a delegate,
// the seats of a decision body; on-demand seats only when called in), shows in their inboxes and nobody else's, is
// decided from the inbox through recordDecision's path (the stage moves; a body completes by its votes), withdrawn by
// its requester, escalated to the next level up when overdue, refused with clear codes, kept inside a LEADER's
// subtree; and two races settle on one outcome. On SQLite and MariaDB.
import { describeOnDatabases, GqlResult, TestEnv } from '../support/databases';
import { AuditEntry } from '../../src/platform/audit-entry.entity';
import { AuthorityRule } from '../../src/modules/authority-rule/authority-rule.entity';
import { DecisionBodySeat } from '../../src/modules/decision-body/decision-body.entity';
import { PositionAssignment } from '../../src/modules/position-assignment/position-assignment.entity';
import { Decision } from '../../src/modules/decision/decision.entity';
import { escalateOverdueRequests, onRequestRouted, RequestRouted } from '../../src/modules/decision-request';
import { Scenario, seedScenario } from './scenario';

const DAY = 86_400_000;

const FIELDS = `id projectId decisionPoint status amount currency note requesterId requestedAt dueAt escalationLevel
  levelScopeOrgUnitId escalationExhausted calledSeats decisionId closedAt closedById version overdue
  recipients { personId level via seatTitles scopeOrgUnitId actedAt }
  escalations { at missedDueAt fromLevel toLevel fromScopeOrgUnitId toScopeOrgUnitId personIds }
  votes { decisionId personId outcome seatTitles complete }`;

interface RequestView {
  id: string;
  projectId: string;
  decisionPoint: string;
  status: string;
  amount: string;
  note: string | null;
  requesterId: string | null;
  requestedAt: string;
  dueAt: string;
  escalationLevel: number;
  levelScopeOrgUnitId: string;
  escalationExhausted: boolean;
  calledSeats: string[];
  decisionId: string | null;
  closedById: string | null;
  version: number;
  overdue: boolean;
  recipients: Array<{ personId: string; level: number; via: string; seatTitles: string[]; actedAt: string | null }>;
  escalations: Array<{ fromLevel: number; toLevel: number | null; personIds: string[]; toScopeOrgUnitId: string }>;
  votes: Array<{ decisionId: string; personId: string; outcome: string; complete: boolean }>;
}

const REQUEST = `mutation($input: RequestDecisionInput!) { requestDecision(input: $input) { ${FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $action: RequestAction!, $note: String) {
  decideRequest(id: $id, action: $action, note: $note) { ${FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawDecisionRequest(id: $id) { ${FIELDS} } }`;
const INBOX = '{ myInbox { id decisionPoint dueAt projectId } }';
const ESCALATE = `mutation($at: DateTime) { escalateOverdueRequests(at: $at) { ${FIELDS} } }`;

describeOnDatabases('decision requests and the inbox', (env) => {
  let e: TestEnv;
  let s: Scenario;
  const tokens: Record<string, string> = {};
  let projects = 0;
  const routed: RequestRouted[] = [];
  let stopListening: () => void = () => {};

  const codeOf = (res: GqlResult) => res.body.errors?.[0]?.extensions?.code as string | undefined;
  const as = (who: string) => ({ token: tokens[who] });

  const signIn = async (email: string, personId: number): Promise<string> => {
    const password = 'inbox-test-password-7Qx!';
    const made = await e.gql(
      'mutation($e: String!, $p: String!, $who: ID!) { createUser(email: $e, password: $p, role: LEADER, ' +
        'personId: $who) { id } }',
      { e: email, p: password, who: String(personId) },
      { token: s.tokens.admin },
    );
    expect(made.body.errors).toBeUndefined();
    const login = await e.gql<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: email, p: password },
    );
    return login.body.data!.login.token;
  };

  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
    const now = new Date();
    const stamp = { version: 1, createdAt: now, updatedAt: now };
    // The next level up: the BU president at HQ takes bids and contracts on grade III anywhere.
    await e.dataSource.manager.insert(AuthorityRule, {
      ...stamp,
      name: 'BU president: bids and contracts',
      holderKind: 'POSITION',
      holderTitle: 'BU_PRESIDENT',
      holderOrgUnitId: e.fixture.units.hq,
      decisionBodyId: null,
      holderRole: null,
      decisionPoints: ['ATB', 'ATC'],
      grades: ['III'],
      scopeOrgUnitId: e.fixture.units.hq,
      limitMinor: 10_000_000_000n,
      currency: 'CNY',
      validFrom: s.start,
      validTo: null,
      delegableDepth: 0,
    } as never);
    // The grade I team gets an on-demand finance seat, held by Olga at HQ.
    await e.dataSource.manager.insert(DecisionBodySeat, {
      ...stamp,
      decisionBodyId: s.body,
      title: 'FINANCE_MANAGER',
      alternativeTitles: [],
      fixed: false,
      sortOrder: 3,
    } as never);
    await e.dataSource.manager.insert(PositionAssignment, {
      ...stamp,
      personId: s.people.outsider,
      title: 'FINANCE_MANAGER',
      orgUnitId: e.fixture.units.hq,
      validFrom: s.start,
      validTo: null,
    } as never);
    tokens.admin = s.tokens.admin;
    tokens.leader = s.tokens.leader;
    tokens.boss = s.tokens.boss;
    tokens.viewer = e.tokens.viewer;
    tokens.east1 = await signIn(`east1.${e.kind}@test.local`, s.people.east1);
    tokens.west1 = await signIn(`west1.${e.kind}@test.local`, s.people.west1);
    tokens.olga = await signIn(`olga.${e.kind}@test.local`, s.people.outsider);
    stopListening = onRequestRouted((_em, event) => {
      routed.push(event);
    });
  });

  afterAll(() => stopListening());

  const newProject = async (amount = '1000000.00', stage = 'LEAD'): Promise<string> => {
    const res = await e.gql<{ createProject: { id: string } }>(
      `mutation($name: String!, $unit: ID!, $amount: Money!, $stage: String!) { createProject(name: $name,
        orgUnitId: $unit, stage: $stage, amount: $amount, currency: "CNY", gradeCriteria: {}) { id } }`,
      { name: `Request project ${e.kind} ${++projects}`, unit: String(e.fixture.units.eastOffice), amount, stage },
      as('admin'),
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createProject.id;
  };

  let keys = 0;
  const initiated = async (amount = '1000000.00'): Promise<string> => {
    const id = await newProject(amount);
    const res = await e.gql(
      'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }',
      {
        input: {
          projectId: id,
          decisionPoint: 'ATI',
          outcome: 'APPROVED',
          deciderId: String(s.people.leader),
          idempotencyKey: `request-test-${e.kind}-${++keys}`,
        },
      },
      as('admin'),
    );
    expect(res.body.errors).toBeUndefined();
    return id;
  };

  const request = (who: string, input: Record<string, unknown>, headers: Record<string, string> = {}) =>
    e.gql<{ requestDecision: RequestView }>(REQUEST, { input }, { ...as(who), headers });
  const requested = async (who: string, input: Record<string, unknown>): Promise<RequestView> => {
    const res = await request(who, input);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.requestDecision;
  };
  const decide = (who: string, id: string, action = 'APPROVE', note: string | null = null) =>
    e.gql<{ decideRequest: RequestView }>(DECIDE, { id, action, note }, as(who));
  const withdraw = (who: string, id: string) =>
    e.gql<{ withdrawDecisionRequest: RequestView }>(WITHDRAW, { id }, as(who));
  const inbox = async (who: string): Promise<string[]> => {
    const res = await e.gql<{ myInbox: Array<{ id: string }> }>(INBOX, {}, as(who));
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.myInbox.map((r) => r.id);
  };
  const view = async (id: string, who = 'admin'): Promise<RequestView | null> => {
    const res = await e.gql<{ DecisionRequest: RequestView | null }>(
      `query($id: ID!) { DecisionRequest(id: $id) { ${FIELDS} } }`,
      { id },
      as(who),
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.DecisionRequest;
  };
  const stage = async (id: string): Promise<string> =>
    (await e.gql<{ Project: { stage: string } }>('query($id: ID!) { Project(id: $id) { stage } }', { id }, as('admin')))
      .body.data!.Project.stage;

  const notesOf = async (who: string, kind: string) => {
    const res = await e.gql<{ notifications: Array<{ kind: string; targetId: string; title: string; body: string }> }>(
      '{ notifications { kind targetId title body } }',
      {},
      as(who),
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.notifications.filter((n) => n.kind === kind);
  };

  test('a request goes to the holder and the delegate, shows in their inboxes and in nobody else’s', async () => {
    const small = String(s.projects.small);
    const before = Date.now();
    const r = await requested('leader', { projectId: small, decisionPoint: 'ATC', note: 'Customer signs Friday.' });
    expect(r).toMatchObject({
      projectId: small,
      decisionPoint: 'ATC',
      status: 'PENDING',
      amount: '4000000.00',
      note: 'Customer signs Friday.',
      requesterId: String(s.people.leader),
      escalationLevel: 0,
      levelScopeOrgUnitId: String(e.fixture.units.east),
      overdue: false,
      escalations: [],
      votes: [],
    });
    // Grade III: the company's default of 3 days from the request.
    expect(new Date(r.dueAt).getTime() - new Date(r.requestedAt).getTime()).toBe(3 * DAY);
    expect(new Date(r.requestedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(r.recipients.map((x) => [x.personId, x.via, x.level])).toEqual([
      [String(s.people.leader), 'DIRECT', 0],
      [String(s.people.east1), 'DELEGATION', 0],
    ]);
    expect(routed[routed.length - 1]).toMatchObject({
      kind: 'OPENED',
      requestId: Number(r.id),
      personIds: [s.people.leader, s.people.east1],
    });
    expect(await inbox('leader')).toContain(r.id);
    expect(await inbox('east1')).toContain(r.id);
    // Each recipient is notified once, with the project's name; the next level up is not.
    for (const who of ['leader', 'east1']) {
      const notes = (await notesOf(who, 'DECISION_REQUESTED')).filter((n) => n.targetId === r.id);
      expect(notes).toHaveLength(1);
      expect(notes[0]!.body).toContain('Customer signs Friday.');
    }
    expect((await notesOf('boss', 'DECISION_REQUESTED')).filter((n) => n.targetId === r.id)).toHaveLength(0);
    // The BU president is the next level up: not asked until it escalates.
    expect(await inbox('boss')).not.toContain(r.id);
    for (const who of ['west1', 'olga', 'viewer', 'admin']) expect(await inbox(who)).not.toContain(r.id);
    // The portal's list, per project.
    const list = await e.gql<{ allDecisionRequests: Array<{ id: string; status: string }> }>(
      `{ allDecisionRequests(filter: { projectId: "${small}", status: [PENDING] }) { id status } }`,
      {},
      as('leader'),
    );
    expect(list.body.data!.allDecisionRequests.map((x) => x.id)).toEqual([r.id]);
    const audit = await e.dataSource.manager.findOneOrFail(AuditEntry, {
      where: { entityType: 'DecisionRequest', entityId: r.id, action: 'create' },
    });
    expect(audit.note).toContain(`routed to ${s.people.leader}, ${s.people.east1}`);
  });

  test('deciding from the inbox records the decision through recordDecision and moves the stage', async () => {
    const small = String(s.projects.small);
    const r = (
      await e.gql<{ allDecisionRequests: RequestView[] }>(
        `{ allDecisionRequests(filter: { projectId: "${small}", status: [PENDING] }) { id } }`,
        {},
        as('admin'),
      )
    ).body.data!.allDecisionRequests[0]!;
    expect(await stage(small)).toBe('OPPORTUNITY');
    const decided = await decide('east1', r.id, 'APPROVE', 'Within my delegation.');
    expect(decided.body.errors).toBeUndefined();
    const after = decided.body.data!.decideRequest;
    expect(after).toMatchObject({ status: 'APPROVED', closedById: String(s.people.east1) });
    expect(after.votes).toEqual([
      {
        decisionId: after.decisionId,
        personId: String(s.people.east1),
        outcome: 'APPROVED',
        seatTitles: [],
        complete: true,
      },
    ]);
    const decision = await e.dataSource.manager.findOneByOrFail(Decision, { id: Number(after.decisionId) });
    expect(decision).toMatchObject({
      projectId: Number(small),
      decisionPoint: 'ATC',
      outcome: 'APPROVED',
      deciderId: s.people.east1,
      complete: true,
      comment: 'Within my delegation.',
    });
    expect(await stage(small)).toBe('CONTRACT_EXECUTION');
    // Gone from every inbox; a second decision is refused and records nothing.
    expect(await inbox('leader')).not.toContain(r.id);
    expect(await inbox('east1')).not.toContain(r.id);
    const count = await e.dataSource.manager.count(Decision);
    const again = await decide('leader', r.id);
    expect(codeOf(again)).toBe('REQUEST.NOT_PENDING');
    expect(again.body.errors![0]!.message).toContain('APPROVED, no longer pending');
    expect(await e.dataSource.manager.count(Decision)).toBe(count);
    // Audited and in the change log.
    const history = await e.gql<{ DecisionRequest: { history: Array<{ operation: string; after: RequestView }> } }>(
      `{ DecisionRequest(id: "${r.id}") { history { operation after } } }`,
      {},
      as('admin'),
    );
    const entries = history.body.data!.DecisionRequest.history;
    expect(entries.map((h) => h.operation)).toEqual(['CREATE', 'UPDATE']);
    expect(entries[1]!.after.status).toBe('APPROVED');
    expect(
      await e.dataSource.manager.countBy(AuditEntry, {
        entityType: 'DecisionRequest',
        entityId: r.id,
        action: 'decide',
      }),
    ).toBe(1);
  });

  test('a body request asks the fixed seats, the on-demand seats called in, and completes by their votes', async () => {
    const gradeI = String(s.projects.gradeI);
    // Without the finance seat called in, Olga (its holder) is not asked.
    const called = await requested('admin', {
      projectId: gradeI,
      decisionPoint: 'ATI',
      calledSeats: ['FINANCE_MANAGER'],
    });
    expect(called.calledSeats).toEqual(['FINANCE_MANAGER']);
    expect(called.recipients.map((x) => [x.personId, x.via, x.seatTitles])).toEqual([
      [String(s.people.leader), 'SEAT', ['BUSINESS_DEPT_DIRECTOR']],
      [String(s.people.boss), 'SEAT', ['BU_PRESIDENT']],
      [String(s.people.outsider), 'SEAT', ['FINANCE_MANAGER']],
    ]);
    expect(await inbox('olga')).toContain(called.id);
    expect((await withdraw('admin', called.id)).body.errors).toBeUndefined();
    expect(await inbox('olga')).not.toContain(called.id);

    const r = await requested('admin', { projectId: gradeI, decisionPoint: 'ATI' });
    expect(r.recipients.map((x) => x.personId)).toEqual([String(s.people.leader), String(s.people.boss)]);
    expect(r.levelScopeOrgUnitId).toBe(String(e.fixture.units.hq));
    // Grade I: 10 days by default.
    expect(new Date(r.dueAt).getTime() - new Date(r.requestedAt).getTime()).toBe(10 * DAY);
    expect(await inbox('boss')).toContain(r.id);
    expect(await inbox('leader')).toContain(r.id);
    expect(await inbox('olga')).not.toContain(r.id);
    expect(codeOf(await decide('olga', r.id))).toBe('REQUEST.NOT_A_RECIPIENT');

    const first = await decide('boss', r.id, 'APPROVE');
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.decideRequest).toMatchObject({ status: 'PENDING', decisionId: null });
    expect(first.body.data!.decideRequest.votes).toMatchObject([
      { personId: String(s.people.boss), outcome: 'APPROVED', seatTitles: ['BU_PRESIDENT'], complete: false },
    ]);
    // The boss has acted: it waits for the director alone.
    expect(await inbox('boss')).not.toContain(r.id);
    expect(await inbox('leader')).toContain(r.id);
    const second = await decide('leader', r.id, 'APPROVE');
    expect(second.body.errors).toBeUndefined();
    const done = second.body.data!.decideRequest;
    expect(done).toMatchObject({ status: 'APPROVED' });
    expect(done.votes.map((v) => [v.personId, v.complete])).toEqual([
      [String(s.people.boss), false],
      [String(s.people.leader), true],
    ]);
    const decision = await e.dataSource.manager.findOneByOrFail(Decision, { id: Number(done.decisionId) });
    expect(decision).toMatchObject({ decisionPoint: 'ATI', complete: true, deciderId: s.people.leader });
    expect(await inbox('leader')).not.toContain(r.id);
  });

  test('the requester withdraws; nobody else may, and a withdrawn request is closed to decisions', async () => {
    const id = await newProject();
    const r = await requested('admin', { projectId: id, decisionPoint: 'ATI' });
    expect(await inbox('leader')).toContain(r.id);
    const other = await withdraw('leader', r.id);
    expect(codeOf(other)).toBe('REQUEST.NOT_REQUESTER');
    expect((await view(r.id))!.status).toBe('PENDING');
    const done = await withdraw('admin', r.id);
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data!.withdrawDecisionRequest).toMatchObject({ status: 'WITHDRAWN', version: 2 });
    expect(await inbox('leader')).not.toContain(r.id);
    expect(codeOf(await withdraw('admin', r.id))).toBe('REQUEST.NOT_PENDING');
    expect(codeOf(await decide('leader', r.id))).toBe('REQUEST.NOT_PENDING');
    // The point may be asked for again.
    expect((await request('admin', { projectId: id, decisionPoint: 'ATI' })).body.errors).toBeUndefined();
    expect(
      await e.dataSource.manager.countBy(AuditEntry, {
        entityType: 'DecisionRequest',
        entityId: r.id,
        action: 'withdraw',
      }),
    ).toBe(1);
    // The three refusals on it are audited with their codes, in order.
    const refused = await e.dataSource.manager.find(AuditEntry, {
      where: { entityType: 'DecisionRequest', entityId: r.id, action: 'refuse' },
      order: { id: 'ASC' },
    });
    expect(refused.map((a) => a.note)).toEqual([
      `refused withdrawal of ATI on project ${id}: REQUEST.NOT_REQUESTER`,
      `refused withdrawal of ATI on project ${id}: REQUEST.NOT_PENDING`,
      `refused decision of ATI on project ${id}: REQUEST.NOT_PENDING`,
    ]);
  });

  test('an overdue request escalates to the next level up, recorded; at the top it stops', async () => {
    const id = await initiated();
    const r = await requested('leader', { projectId: id, decisionPoint: 'ATB' });
    expect(r.recipients.map((x) => x.personId)).toEqual([String(s.people.leader), String(s.people.east1)]);
    const due = new Date(r.dueAt).getTime();
    const escalate = (at: number, who = 'admin') =>
      e.gql<{ escalateOverdueRequests: RequestView[] }>(ESCALATE, { at: new Date(at).toISOString() }, as(who));
    expect(codeOf(await escalate(due, 'leader'))).toBe('FORBIDDEN');
    const early = await escalate(due - 1);
    expect(early.body.data!.escalateOverdueRequests.map((x) => x.id)).not.toContain(r.id);
    expect(await inbox('boss')).not.toContain(r.id);

    const at = due + 1000;
    const first = await escalate(at);
    expect(first.body.errors).toBeUndefined();
    const escalated = first.body.data!.escalateOverdueRequests.find((x) => x.id === r.id)!;
    expect(escalated).toMatchObject({
      status: 'PENDING',
      escalationLevel: 1,
      levelScopeOrgUnitId: String(e.fixture.units.hq),
      escalationExhausted: false,
      escalations: [
        {
          fromLevel: 0,
          toLevel: 1,
          toScopeOrgUnitId: String(e.fixture.units.hq),
          personIds: [String(s.people.boss)],
        },
      ],
    });
    expect(new Date(escalated.dueAt).getTime()).toBe(at + 3 * DAY);
    expect(escalated.recipients.map((x) => [x.personId, x.level])).toEqual([
      [String(s.people.leader), 0],
      [String(s.people.east1), 0],
      [String(s.people.boss), 1],
    ]);
    expect(routed[routed.length - 1]).toMatchObject({
      kind: 'ESCALATED',
      requestId: Number(r.id),
      personIds: [s.people.boss],
    });
    expect(await inbox('boss')).toContain(r.id);
    expect(await inbox('leader')).toContain(r.id);
    // The next level up is told it escalated to them; those who had it are not told again.
    expect((await notesOf('boss', 'DECISION_ESCALATED')).filter((n) => n.targetId === r.id)).toHaveLength(1);
    expect((await notesOf('leader', 'DECISION_ESCALATED')).filter((n) => n.targetId === r.id)).toHaveLength(0);
    const audit = await e.dataSource.manager.findOneOrFail(AuditEntry, {
      where: { entityType: 'DecisionRequest', entityId: r.id, action: 'escalate' },
    });
    expect(audit.note).toContain('escalated from level 0');
    // Not overdue again at the same moment.
    expect((await escalate(at)).body.data!.escalateOverdueRequests.map((x) => x.id)).not.toContain(r.id);

    // The function the periodic runner calls, with the time passed in: no level above HQ, so it stops there.
    const later = new Date(at + 3 * DAY + 1000);
    const runs = await escalateOverdueRequests(e.dataSource, later);
    const top = runs.find((x) => x.request.id === Number(r.id))!;
    expect(top).toMatchObject({ personIds: [], exhausted: true });
    const stopped = (await view(r.id))!;
    expect(stopped).toMatchObject({ escalationLevel: 1, escalationExhausted: true });
    expect(stopped.escalations.map((x) => x.toLevel)).toEqual([1, null]);
    expect(
      (await escalateOverdueRequests(e.dataSource, new Date(later.getTime() + 30 * DAY))).map((x) => x.request.id),
    ).not.toContain(Number(r.id));
    const history = await e.gql<{ DecisionRequest: { history: Array<{ operation: string }> } }>(
      `{ DecisionRequest(id: "${r.id}") { history { operation } } }`,
      {},
      as('admin'),
    );
    expect(history.body.data!.DecisionRequest.history.map((h) => h.operation)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
    // The next level decides it.
    const decided = await decide('boss', r.id);
    expect(decided.body.errors).toBeUndefined();
    expect(decided.body.data!.decideRequest.status).toBe('APPROVED');
  });

  test('refusals: out of sequence, already pending, due date, point, seats, nobody to decide', async () => {
    const id = await newProject();
    const bid = await request('leader', { projectId: id, decisionPoint: 'ATB' });
    expect(codeOf(bid)).toBe('OUT_OF_SEQUENCE');
    expect(bid.body.errors![0]!.extensions!.reasons).toMatchObject([
      {
        code: 'OUT_OF_SEQUENCE',
        field: 'decisionPoint',
        data: { projectId: id, decisionPoint: 'ATB', missing: 'ATI' },
      },
    ]);
    const zh = await request('leader', { projectId: id, decisionPoint: 'ATB' }, { 'accept-language': 'zh-CN' });
    expect(zh.body.errors![0]!.message).toContain('ATI（立项决策）尚未批准');

    const pool = await request('leader', { projectId: id, decisionPoint: 'POOL_APPROVAL' });
    expect(codeOf(pool)).toBe('BAD_USER_INPUT');
    expect(pool.body.errors![0]!.extensions!.reasons).toMatchObject([{ code: 'REQUEST.NOT_LTC_POINT' }]);

    const past = await request('leader', { projectId: id, decisionPoint: 'ATI', dueAt: '2020-01-01T00:00:00.000Z' });
    expect(codeOf(past)).toBe('BAD_USER_INPUT');
    expect(past.body.errors![0]!.extensions!.reasons).toMatchObject([
      { code: 'REQUEST.DUE_NOT_AFTER_REQUEST', field: 'dueAt' },
    ]);
    const seat = await request('leader', { projectId: id, decisionPoint: 'ATI', calledSeats: ['CFO'] });
    expect(seat.body.errors![0]!.extensions!.reasons).toMatchObject([
      { code: 'REQUEST.UNKNOWN_SEAT', field: 'calledSeats', data: { title: 'CFO', onDemandSeats: [] } },
    ]);
    const tooMuch = await request('leader', { projectId: id, decisionPoint: 'ATI', amount: '20000000.00' });
    expect(codeOf(tooMuch)).toBe('REQUEST.NO_DECIDER');
    expect(tooMuch.body.errors![0]!.message).toContain('Nobody may take ATI (approve to initiate)');

    const dueAt = new Date(Date.now() + 7 * DAY).toISOString();
    const first = await requested('leader', { projectId: id, decisionPoint: 'ATI', dueAt });
    expect(first.dueAt).toBe(dueAt);
    const twice = await request('leader', { projectId: id, decisionPoint: 'ATI' });
    expect(codeOf(twice)).toBe('REQUEST.ALREADY_PENDING');
    expect(twice.body.errors![0]!.extensions!.reasons).toMatchObject([{ data: { pendingRequestId: first.id } }]);
    // None of the refusals left a request behind.
    const all = await e.gql<{ allDecisionRequests: Array<{ id: string }> }>(
      `{ allDecisionRequests(filter: { projectId: "${id}" }) { id } }`,
      {},
      as('admin'),
    );
    expect(all.body.data!.allDecisionRequests.map((x) => x.id)).toEqual([first.id]);
    // Each refusal answered inside the transaction is audited with its code (input errors thrown before are not).
    const refused = await e.dataSource.manager.find(AuditEntry, {
      where: { entityType: 'DecisionRequest', action: 'refuse' },
      order: { id: 'ASC' },
    });
    const notes = refused.map((a) => a.note ?? '').filter((n) => n.includes(` on project ${id}: `));
    expect(notes.map((n) => n.replace(/^refused request of (\w+) on project \d+: /, '$1 '))).toEqual([
      'ATB OUT_OF_SEQUENCE',
      'ATB OUT_OF_SEQUENCE',
      'ATI REQUEST.DUE_NOT_AFTER_REQUEST',
      'ATI REQUEST.UNKNOWN_SEAT',
      'ATI REQUEST.NO_DECIDER',
      'ATI REQUEST.ALREADY_PENDING',
    ]);
    expect(codeOf(await e.gql(INBOX.replace('myInbox', 'myInbox(first: 0)'), {}, as('leader')))).toBe('BAD_USER_INPUT');
  });

  test('a LEADER outside the subtree can neither ask, see, decide nor withdraw', async () => {
    const id = await newProject();
    const r = await requested('leader', { projectId: id, decisionPoint: 'ATI' });
    expect(codeOf(await request('west1', { projectId: id, decisionPoint: 'ATB' }))).toBe('NOT_FOUND');
    expect(await view(r.id, 'west1')).toBeNull();
    const list = await e.gql<{ allDecisionRequests: unknown[]; _allDecisionRequestsMeta: { count: number } }>(
      '{ allDecisionRequests(perPage: 500) { id } _allDecisionRequestsMeta { count } }',
      {},
      as('west1'),
    );
    expect(list.body.data).toEqual({ allDecisionRequests: [], _allDecisionRequestsMeta: { count: 0 } });
    expect(await inbox('west1')).toEqual([]);
    expect(codeOf(await decide('west1', r.id))).toBe('NOT_FOUND');
    expect(codeOf(await withdraw('west1', r.id))).toBe('NOT_FOUND');
    expect((await view(r.id))!.status).toBe('PENDING');
  });

  test('the inbox pages oldest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await requested('admin', { projectId: await newProject(), decisionPoint: 'ATI' })).id);
    const all = await inbox('leader');
    expect(all.filter((x) => ids.includes(x))).toEqual(ids);
    expect([...all].sort((a, b) => Number(a) - Number(b))).toEqual(all);
    const page = await e.gql<{ myInbox: Array<{ id: string }> }>(
      `{ myInbox(first: 2, after: "${ids[0]}") { id } }`,
      {},
      as('leader'),
    );
    expect(page.body.data!.myInbox.map((x) => x.id)).toEqual(all.filter((x) => Number(x) > Number(ids[0])).slice(0, 2));
  });

  const recordDirectly = (who: string, projectId: string, point: string, outcome = 'APPROVED') =>
    e.gql<{ recordDecision: { id: string } }>(
      'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }',
      {
        input: {
          projectId,
          decisionPoint: point,
          outcome,
          deciderId: String(s.people[who as keyof typeof s.people]),
          idempotencyKey: `direct-${e.kind}-${++keys}`,
        },
      },
      as(who),
    );

  test('a decision recorded directly settles the pending request on its point: it leaves every inbox', async () => {
    const id = await initiated();
    const r = await requested('admin', { projectId: id, decisionPoint: 'ATB' });
    expect(await inbox('leader')).toContain(r.id);
    expect(await inbox('east1')).toContain(r.id);
    const direct = await recordDirectly('leader', id, 'ATB');
    expect(direct.body.errors).toBeUndefined();
    const after = (await view(r.id))!;
    expect(after).toMatchObject({
      status: 'APPROVED',
      decisionId: direct.body.data!.recordDecision.id,
      closedById: String(s.people.leader),
    });
    expect(after.votes.map((v) => [v.personId, v.outcome, v.complete])).toEqual([
      [String(s.people.leader), 'APPROVED', true],
    ]);
    expect(await inbox('leader')).not.toContain(r.id);
    expect(await inbox('east1')).not.toContain(r.id);
    // Not escalated later: it is closed.
    expect(codeOf(await decide('east1', r.id))).toBe('REQUEST.NOT_PENDING');
    const audit = await e.dataSource.manager.findOneOrFail(AuditEntry, {
      where: { entityType: 'DecisionRequest', entityId: r.id, action: 'decide' },
    });
    expect(audit.note).toContain('directly');
    // A refused direct decision (out of sequence) leaves a pending request as it was.
    const other = await initiated();
    const pending = await requested('admin', { projectId: other, decisionPoint: 'ATB' });
    expect(codeOf(await recordDirectly('leader', other, 'ATC'))).toBe('OUT_OF_SEQUENCE');
    expect((await view(pending.id))!.status).toBe('PENDING');
    expect(await inbox('east1')).toContain(pending.id);
  });

  describe('races', () => {
    // 40 rounds on MariaDB (rows lock, transactions interleave); SQLite runs one writer at a time: 10 there.
    const ROUNDS_ON = { mariadb: 40, sqlite: 10 } as const;

    test(`two deciders approve the same request at once, 40 rounds (10 on SQLite): exactly one decision`, async () => {
      for (let round = 0; round < ROUNDS_ON[e.kind]; round++) {
        const id = await initiated();
        const r = await requested('admin', { projectId: id, decisionPoint: 'ATB' });
        const [a, b] = await Promise.all([decide('leader', r.id), decide('east1', r.id)]);
        const codes = [codeOf(a) ?? 'OK', codeOf(b) ?? 'OK'].sort();
        expect({ round, codes }).toEqual({ round, codes: ['OK', 'REQUEST.NOT_PENDING'] });
        expect(await e.dataSource.manager.countBy(Decision, { projectId: Number(id), decisionPoint: 'ATB' })).toBe(1);
        expect((await view(r.id))!.status).toBe('APPROVED');
      }
    });

    test(`a direct decision racing the inbox, 40 rounds (10 on SQLite): the first decision settles it`, async () => {
      for (let round = 0; round < ROUNDS_ON[e.kind]; round++) {
        const id = await initiated();
        const r = await requested('admin', { projectId: id, decisionPoint: 'ATB' });
        const [direct, inboxed] = await Promise.all([recordDirectly('leader', id, 'ATB'), decide('east1', r.id)]);
        const codes = [codeOf(direct) ?? 'OK', codeOf(inboxed) ?? 'OK'];
        const decisions = await e.dataSource.manager.find(Decision, {
          where: { projectId: Number(id), decisionPoint: 'ATB' },
        });
        const settled = (await view(r.id))!;
        // Whichever came first settled the request. Direct first: the inbox is refused (closed). Inbox first: the
        // direct decision is a second approval, which the sequence allows; the request keeps the first.
        expect({ round, codes: [...codes].sort().join(' ') }).toEqual({
          round,
          codes: decisions.length === 1 ? 'OK REQUEST.NOT_PENDING' : 'OK OK',
        });
        expect({ round, status: settled.status, decisionId: settled.decisionId, votes: settled.votes.length }).toEqual({
          round,
          status: 'APPROVED',
          decisionId: String(Math.min(...decisions.map((d) => d.id))),
          votes: 1,
        });
      }
    });

    test(`a request withdrawn while being approved, 40 rounds (10 on SQLite): exactly one outcome`, async () => {
      const outcomes = new Set<string>();
      for (let round = 0; round < ROUNDS_ON[e.kind]; round++) {
        const id = await initiated();
        const r = await requested('admin', { projectId: id, decisionPoint: 'ATB' });
        const [approve, pull] = await Promise.all([decide('leader', r.id), withdraw('admin', r.id)]);
        const decisions = await e.dataSource.manager.countBy(Decision, { projectId: Number(id), decisionPoint: 'ATB' });
        const status = (await view(r.id))!.status;
        const seen = {
          approve: codeOf(approve) ?? 'OK',
          withdraw: codeOf(pull) ?? 'OK',
          decisions,
          status,
        };
        expect([
          { approve: 'OK', withdraw: 'REQUEST.NOT_PENDING', decisions: 1, status: 'APPROVED' },
          { approve: 'REQUEST.NOT_PENDING', withdraw: 'OK', decisions: 0, status: 'WITHDRAWN' },
        ]).toContainEqual(seen);
        outcomes.add(status);
      }
      expect(outcomes.size).toBeGreaterThanOrEqual(1);
    });
  });
});
