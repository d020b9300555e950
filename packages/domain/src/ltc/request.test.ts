import type { AuthorityChain, AuthorityLink } from '../authorization/types';
import {
  DecisionRequestState,
  checkCalledSeats,
  checkDecidable,
  checkWithdrawal,
  defaultDueAt,
  dueDateOf,
  escalate,
  initialRouting,
  isOverdue,
  OUTCOME_OF_ACTION,
  routingLevels,
  statusAfterDecision,
} from './request';

const DAY = 86_400_000;
const due = { I: 5, II: 3, III: 2 } as const;
const t0 = new Date('2026-03-02T08:00:00.000Z');

// The org tree: HQ (0) → EAST (1) → EAST-1 (2).
const DEPTHS: Record<string, number> = { hq: 0, east: 1, office: 2 };
const depthOf = (unit: string) => DEPTHS[unit] ?? -1;

function link(kind: 'RULE' | 'DELEGATION', id: string, holder: string, scope: string): AuthorityLink {
  return {
    kind,
    id,
    holderPersonId: holder,
    delegatorId: null,
    ruleHolder: null,
    decisionPoints: ['ATB'],
    grades: ['III'],
    scopeOrgUnitId: scope,
    limit: null,
    currency: 'CNY',
    window: { from: new Date(0), to: null },
    requiredQualification: null,
  };
}
const direct = (rule: string, holder: string, scope: string): AuthorityChain => ({
  links: [link('RULE', rule, holder, scope)],
  body: null,
});
const delegated = (rule: string, holder: string, delegate: string, scope: string): AuthorityChain => ({
  links: [link('RULE', rule, holder, scope), link('DELEGATION', `d-${delegate}`, delegate, 'office')],
  body: null,
});
const seat = (rule: string, holder: string, scope: string, seats: string[]): AuthorityChain => ({
  links: [link('RULE', rule, holder, scope)],
  body: { bodyId: 'body', seatTitles: seats },
});

const body = {
  bodyId: 'body',
  seats: [
    { title: 'BU_PRESIDENT', fixed: true },
    { title: 'DIRECTOR', fixed: true },
    { title: 'FINANCE_MANAGER', fixed: false },
    { title: 'DELIVERY_MANAGER', fixed: false },
  ],
};

function state(over: Partial<DecisionRequestState> = {}): DecisionRequestState {
  return {
    status: 'PENDING',
    requestedBy: 'user:1',
    requestedAt: t0,
    dueAt: new Date(t0.getTime() + 2 * DAY),
    escalationLevel: 0,
    levelScopeOrgUnitId: 'east',
    escalationExhausted: false,
    recipientIds: ['10', '11'],
    ...over,
  };
}

describe('due dates', () => {
  it('defaults to the grade’s calendar days after the request', () => {
    expect(defaultDueAt(t0, 'I', due)).toEqual(new Date(t0.getTime() + 5 * DAY));
    expect(defaultDueAt(t0, 'III', due)).toEqual(new Date(t0.getTime() + 2 * DAY));
    expect(dueDateOf(t0, null, 'II', due)).toEqual({ ok: true, value: new Date(t0.getTime() + 3 * DAY) });
  });
  it('takes a due date asked for only when it lies after the request', () => {
    const later = new Date(t0.getTime() + 1);
    expect(dueDateOf(t0, later, 'I', due)).toEqual({ ok: true, value: later });
    expect(dueDateOf(t0, t0, 'I', due)).toEqual({
      ok: false,
      error: { code: 'REQUEST.DUE_NOT_AFTER_REQUEST', data: { dueAt: t0, requestedAt: t0 } },
    });
  });
  it('is overdue from its due date on, while pending and not exhausted', () => {
    const r = state();
    expect(isOverdue(r, new Date(r.dueAt.getTime() - 1))).toBe(false);
    expect(isOverdue(r, r.dueAt)).toBe(true);
    expect(isOverdue(state({ status: 'APPROVED' }), new Date(r.dueAt.getTime() + DAY))).toBe(false);
    expect(isOverdue(state({ escalationExhausted: true }), new Date(r.dueAt.getTime() + DAY))).toBe(false);
  });
});

describe('who may act', () => {
  it('lets only the requester withdraw, only while pending', () => {
    expect(checkWithdrawal(state(), 'user:1').ok).toBe(true);
    expect(checkWithdrawal(state(), 'user:2')).toEqual({
      ok: false,
      error: { code: 'REQUEST.NOT_REQUESTER', data: {} },
    });
    expect(checkWithdrawal(state({ status: 'WITHDRAWN' }), 'user:1')).toEqual({
      ok: false,
      error: { code: 'REQUEST.NOT_PENDING', data: { status: 'WITHDRAWN' } },
    });
  });
  it('lets only a recipient decide, only while pending', () => {
    expect(checkDecidable(state(), '10').ok).toBe(true);
    expect(checkDecidable(state(), '12')).toEqual({
      ok: false,
      error: { code: 'REQUEST.NOT_A_RECIPIENT', data: { personId: '12' } },
    });
    expect(checkDecidable(state({ status: 'APPROVED' }), '10')).toMatchObject({
      error: { code: 'REQUEST.NOT_PENDING' },
    });
  });
  it('closes with the outcome of a complete decision; a body vote short of it leaves it pending', () => {
    expect(OUTCOME_OF_ACTION.RETURN).toBe('RETURNED');
    expect(statusAfterDecision('APPROVED', true)).toBe('APPROVED');
    expect(statusAfterDecision('REJECTED', true)).toBe('REJECTED');
    expect(statusAfterDecision('APPROVED', false)).toBe('PENDING');
  });
});

describe('routing', () => {
  const deciders = [
    { personId: '10', chains: [direct('r-east', '10', 'east')] },
    { personId: '11', chains: [delegated('r-east', '10', '11', 'east')] },
    { personId: '20', chains: [direct('r-hq', '20', 'hq'), seat('r-body', '20', 'hq', ['BU_PRESIDENT'])] },
    { personId: '21', chains: [seat('r-body', '21', 'hq', ['FINANCE_MANAGER'])] },
    // Holds at both levels: asked at the nearest.
    { personId: '9', chains: [direct('r-hq', '9', 'hq'), direct('r-east', '9', 'east')] },
  ];

  it('groups deciders by the scope of their rule, nearest the project first', () => {
    const levels = routingLevels(deciders, [body], [], depthOf);
    expect(levels.map((l) => [l.scopeOrgUnitId, l.depth, l.recipients.map((r) => [r.personId, r.via])])).toEqual([
      [
        'east',
        1,
        [
          ['9', 'DIRECT'],
          ['10', 'DIRECT'],
          ['11', 'DELEGATION'],
        ],
      ],
      ['hq', 0, [['20', 'DIRECT']]],
    ]);
    expect(initialRouting(levels)).toEqual({ ok: true, value: levels[0] });
    expect(initialRouting([])).toEqual({ ok: false, error: { code: 'REQUEST.NO_DECIDER', data: {} } });
  });

  it('asks fixed seats always, on-demand seats only when called in', () => {
    const bodyOnly = deciders
      .slice(3, 4)
      .concat({ personId: '22', chains: [seat('r-body', '22', 'hq', ['DIRECTOR'])] });
    const uncalled = routingLevels(bodyOnly, [body], [], depthOf);
    expect(uncalled.flatMap((l) => l.recipients.map((r) => r.personId))).toEqual(['22']);
    const called = routingLevels(bodyOnly, [body], ['FINANCE_MANAGER'], depthOf);
    expect(called[0]?.recipients).toEqual([
      { personId: '21', via: 'SEAT', seatTitles: ['FINANCE_MANAGER'], scopeOrgUnitId: 'hq' },
      { personId: '22', via: 'SEAT', seatTitles: ['DIRECTOR'], scopeOrgUnitId: 'hq' },
    ]);
  });

  it('checks the seats called in: on-demand seats of the bodies that may decide', () => {
    expect(checkCalledSeats([' FINANCE_MANAGER', 'FINANCE_MANAGER', 'BU_PRESIDENT'], [body])).toEqual({
      ok: true,
      value: ['FINANCE_MANAGER'],
    });
    expect(checkCalledSeats(['CFO'], [body])).toEqual({
      ok: false,
      error: {
        code: 'REQUEST.UNKNOWN_SEAT',
        data: { title: 'CFO', onDemandSeats: ['DELIVERY_MANAGER', 'FINANCE_MANAGER'] },
      },
    });
    expect(checkCalledSeats(['FINANCE_MANAGER'], [])).toMatchObject({ error: { code: 'REQUEST.UNKNOWN_SEAT' } });
  });
});

describe('escalation', () => {
  const levels = routingLevels(
    [
      { personId: '10', chains: [direct('r-east', '10', 'east')] },
      { personId: '11', chains: [delegated('r-east', '10', '11', 'east')] },
      { personId: '20', chains: [direct('r-hq', '20', 'hq')] },
    ],
    [],
    [],
    depthOf,
  );
  const late = new Date(t0.getTime() + 3 * DAY);

  it('goes to the next level up, adds its people, and gives it the grade’s days from now', () => {
    const step = escalate(state(), levels, late, 'III', due, depthOf);
    expect(step).toEqual({
      ok: true,
      value: {
        entry: {
          at: late,
          missedDueAt: new Date(t0.getTime() + 2 * DAY),
          fromLevel: 0,
          toLevel: 1,
          fromScopeOrgUnitId: 'east',
          toScopeOrgUnitId: 'hq',
          personIds: ['20'],
        },
        recipients: [{ personId: '20', via: 'DIRECT', seatTitles: [], scopeOrgUnitId: 'hq' }],
        escalationLevel: 1,
        levelScopeOrgUnitId: 'hq',
        escalationExhausted: false,
        dueAt: new Date(late.getTime() + 2 * DAY),
      },
    });
  });

  it('is recorded at the top too, and then escalates no further', () => {
    const top = state({ levelScopeOrgUnitId: 'hq', escalationLevel: 1, recipientIds: ['10', '11', '20'] });
    const step = escalate(top, levels, late, 'III', due, depthOf);
    expect(step).toMatchObject({
      ok: true,
      value: {
        entry: { fromLevel: 1, toLevel: null, toScopeOrgUnitId: null, personIds: [] },
        recipients: [],
        escalationLevel: 1,
        escalationExhausted: true,
        dueAt: top.dueAt,
      },
    });
    expect(isOverdue({ ...top, escalationExhausted: true }, late)).toBe(false);
  });

  it('adds nobody who had the request already', () => {
    const step = escalate(state({ recipientIds: ['10', '11', '20'] }), levels, late, 'III', due, depthOf);
    expect(step).toMatchObject({ ok: true, value: { escalationLevel: 1, recipients: [], entry: { personIds: [] } } });
  });

  it('refuses a request not pending or not yet due', () => {
    expect(escalate(state({ status: 'WITHDRAWN' }), levels, late, 'III', due, depthOf)).toMatchObject({
      error: { code: 'REQUEST.NOT_PENDING' },
    });
    expect(escalate(state(), levels, t0, 'III', due, depthOf)).toMatchObject({
      error: { code: 'REQUEST.NOT_OVERDUE' },
    });
  });
});
