// A decision request (DOMAIN.md §4–§5): someone asks for an LTC decision on a project; it is routed to the nearest
// level of authority that may take it, waits there until its due date, and then escalates to the next level up (the
// authority whose scope is the next unit up the org tree). Its lifecycle, who may act on it, and where it goes.
import type { AuthorityChain, AuthorityDecider } from '../authorization/types';
import { DomainError, Result, err, ok } from '../shared/result';
import type { ProjectGrade } from './ltc';

/**
 * PENDING while it waits; then the outcome of the decision that completed it (APPROVED, REJECTED, RETURNED), or
 * WITHDRAWN by its requester. Escalation does not change the status: it is recorded as a level and a history.
 */
export const DECISION_REQUEST_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'RETURNED', 'WITHDRAWN'] as const;
export type DecisionRequestStatus = (typeof DECISION_REQUEST_STATUSES)[number];

/** What a recipient does with a request from the inbox. */
export const REQUEST_ACTIONS = ['APPROVE', 'REJECT', 'RETURN'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** The decision outcome each action records. */
export const OUTCOME_OF_ACTION: Readonly<Record<RequestAction, 'APPROVED' | 'REJECTED' | 'RETURNED'>> = Object.freeze({
  APPROVE: 'APPROVED',
  REJECT: 'REJECTED',
  RETURN: 'RETURNED',
});

/** How a recipient may decide: holding the rule, through a delegation, or in a seat of a decision body. */
export const RECIPIENT_VIAS = ['DIRECT', 'DELEGATION', 'SEAT'] as const;
export type RecipientVia = (typeof RECIPIENT_VIAS)[number];

const DAY_MS = 86_400_000;

/** The request as the rules read it. */
export interface DecisionRequestState {
  readonly status: DecisionRequestStatus;
  /** Who asked: the caller's key ("user:<id>", "token:<id>"). */
  readonly requestedBy: string;
  readonly requestedAt: Date;
  readonly dueAt: Date;
  /** 0 at the level it was routed to; +1 per escalation. */
  readonly escalationLevel: number;
  /** The org unit whose authority it waits with now (the scope of the rules of its current level). */
  readonly levelScopeOrgUnitId: string;
  /** No level above was left to escalate to: it stays where it is. */
  readonly escalationExhausted: boolean;
  /** The people it has been routed to so far. */
  readonly recipientIds: readonly string[];
}

export type DecisionRequestRefusal =
  | DomainError<'REQUEST.NOT_PENDING', { readonly status: DecisionRequestStatus }>
  | DomainError<'REQUEST.NOT_REQUESTER', Record<string, never>>
  | DomainError<'REQUEST.NOT_A_RECIPIENT', { readonly personId: string }>
  | DomainError<'REQUEST.DUE_NOT_AFTER_REQUEST', { readonly dueAt: Date; readonly requestedAt: Date }>
  | DomainError<'REQUEST.UNKNOWN_SEAT', { readonly title: string; readonly onDemandSeats: readonly string[] }>
  | DomainError<'REQUEST.NO_DECIDER', Record<string, never>>
  | DomainError<'REQUEST.NOT_OVERDUE', { readonly dueAt: Date }>;

/** The default due date: `dueDays` calendar days of the project's grade after the request (company setting). */
export function defaultDueAt(
  requestedAt: Date,
  grade: ProjectGrade,
  dueDays: Readonly<Record<ProjectGrade, number>>,
): Date {
  return new Date(requestedAt.getTime() + dueDays[grade] * DAY_MS);
}

/** The due date of a new request: the one asked for (after the request), or the grade's default. */
export function dueDateOf(
  requestedAt: Date,
  asked: Date | null,
  grade: ProjectGrade,
  dueDays: Readonly<Record<ProjectGrade, number>>,
): Result<Date, DecisionRequestRefusal> {
  if (asked === null) return ok(defaultDueAt(requestedAt, grade, dueDays));
  if (asked.getTime() <= requestedAt.getTime())
    return err({ code: 'REQUEST.DUE_NOT_AFTER_REQUEST', data: { dueAt: asked, requestedAt } });
  return ok(asked);
}

/** Only the requester withdraws, and only while the request is pending. */
export function checkWithdrawal(
  request: Pick<DecisionRequestState, 'status' | 'requestedBy'>,
  callerKey: string,
): Result<null, DecisionRequestRefusal> {
  if (request.requestedBy !== callerKey) return err({ code: 'REQUEST.NOT_REQUESTER', data: {} });
  if (request.status !== 'PENDING') return err({ code: 'REQUEST.NOT_PENDING', data: { status: request.status } });
  return ok(null);
}

/**
 * Only a person the request was routed to decides it from the inbox, while it is pending (whether they may take the
 * decision at that moment is the authorization engine's question, asked when the decision is recorded).
 */
export function checkDecidable(
  request: Pick<DecisionRequestState, 'status' | 'recipientIds'>,
  personId: string,
): Result<null, DecisionRequestRefusal> {
  if (request.status !== 'PENDING') return err({ code: 'REQUEST.NOT_PENDING', data: { status: request.status } });
  if (!request.recipientIds.includes(personId)) return err({ code: 'REQUEST.NOT_A_RECIPIENT', data: { personId } });
  return ok(null);
}

/**
 * The status after a decision recorded from the request: its outcome once the decision is complete; a body's vote that
 * does not complete it leaves the request pending.
 */
export function statusAfterDecision(
  outcome: 'APPROVED' | 'REJECTED' | 'RETURNED',
  complete: boolean,
): DecisionRequestStatus {
  return complete ? outcome : 'PENDING';
}

/** Past its due date at `at`, still pending, and a level above may still be tried. */
export function isOverdue(
  request: Pick<DecisionRequestState, 'status' | 'dueAt' | 'escalationExhausted'>,
  at: Date,
): boolean {
  return request.status === 'PENDING' && !request.escalationExhausted && request.dueAt.getTime() <= at.getTime();
}

/** A body's seats as routing reads them. */
export interface RoutingBody {
  readonly bodyId: string;
  readonly seats: ReadonlyArray<{ readonly title: string; readonly fixed: boolean }>;
}

/**
 * The on-demand seats the requester calls in: each must be an on-demand seat of a body that may take the decision
 * (fixed seats are always asked). Returns them without repeats, in the order given.
 */
export function checkCalledSeats(
  called: readonly string[],
  bodies: readonly RoutingBody[],
): Result<string[], DecisionRequestRefusal> {
  const onDemand = [...new Set(bodies.flatMap((b) => b.seats.filter((s) => !s.fixed).map((s) => s.title)))].sort();
  const fixed = new Set(bodies.flatMap((b) => b.seats.filter((s) => s.fixed).map((s) => s.title)));
  const out: string[] = [];
  for (const raw of called) {
    const title = raw.trim();
    if (fixed.has(title)) continue;
    if (!onDemand.includes(title))
      return err({ code: 'REQUEST.UNKNOWN_SEAT', data: { title, onDemandSeats: onDemand } });
    if (!out.includes(title)) out.push(title);
  }
  return ok(out);
}

/** A person a request is routed to, and how they may decide it. */
export interface RequestRecipient {
  readonly personId: string;
  readonly via: RecipientVia;
  /** For SEAT: the seats of the body the person acts in. */
  readonly seatTitles: readonly string[];
  /** The scope unit of the rule the person decides under: the level of authority. */
  readonly scopeOrgUnitId: string;
}

/** One level of authority over the case: the rules whose scope is one unit, nearest the project first. */
export interface RoutingLevel {
  readonly scopeOrgUnitId: string;
  /** The scope unit's depth in the org tree (0: a root). */
  readonly depth: number;
  readonly recipients: readonly RequestRecipient[];
}

const VIA_RANK: Readonly<Record<RecipientVia, number>> = { DIRECT: 0, DELEGATION: 1, SEAT: 2 };

/**
 * The levels of authority that may take the case, nearest the project first: each decider (whoMayDecide's answer) is
 * placed at the level of the rule they decide under — their own rule, the rule a delegation they received comes from,
 * or a decision body's rule for its seat holders — and at their nearest level when they have several. A seat holder
 * acting only in on-demand seats is asked only when the requester called one of those seats in. Within a level,
 * people by id.
 */
export function routingLevels(
  deciders: readonly Pick<AuthorityDecider, 'personId' | 'chains'>[],
  bodies: readonly RoutingBody[],
  calledSeats: readonly string[],
  depthOf: (orgUnitId: string) => number,
): RoutingLevel[] {
  const fixedByBody = new Map(
    bodies.map((b) => [b.bodyId, new Set(b.seats.filter((s) => s.fixed).map((s) => s.title))]),
  );
  const asked = (chain: AuthorityChain): boolean => {
    if (chain.body === null) return true;
    const fixed = fixedByBody.get(chain.body.bodyId) ?? new Set<string>();
    return chain.body.seatTitles.some((t) => fixed.has(t) || calledSeats.includes(t));
  };
  const best = new Map<string, { recipient: RequestRecipient; depth: number }>();
  for (const decider of deciders) {
    for (const chain of decider.chains) {
      const rule = chain.links[0];
      if (rule === undefined || !asked(chain)) continue;
      const via: RecipientVia = chain.body !== null ? 'SEAT' : chain.links.length === 1 ? 'DIRECT' : 'DELEGATION';
      const depth = depthOf(rule.scopeOrgUnitId);
      const recipient: RequestRecipient = {
        personId: decider.personId,
        via,
        seatTitles: chain.body !== null ? [...chain.body.seatTitles] : [],
        scopeOrgUnitId: rule.scopeOrgUnitId,
      };
      const known = best.get(decider.personId);
      if (
        known === undefined ||
        depth > known.depth ||
        (depth === known.depth && VIA_RANK[via] < VIA_RANK[known.recipient.via])
      )
        best.set(decider.personId, { recipient, depth });
    }
  }
  const byDepth = new Map<number, RequestRecipient[]>();
  for (const { recipient, depth } of best.values()) {
    const list = byDepth.get(depth) ?? [];
    list.push(recipient);
    byDepth.set(depth, list);
  }
  return [...byDepth.entries()]
    .sort(([a], [b]) => b - a)
    .map(([depth, recipients]) => {
      const sorted = recipients.sort((a, b) => compareIds(a.personId, b.personId));
      return { scopeOrgUnitId: (sorted[0] as RequestRecipient).scopeOrgUnitId, depth, recipients: sorted };
    });
}

function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where a new request goes: the nearest level (refused with REQUEST.NO_DECIDER when nobody may take it). */
export function initialRouting(levels: readonly RoutingLevel[]): Result<RoutingLevel, DecisionRequestRefusal> {
  const first = levels[0];
  return first === undefined ? err({ code: 'REQUEST.NO_DECIDER', data: {} }) : ok(first);
}

/** One escalation, as the request's history keeps it. */
export interface EscalationEntry {
  readonly at: Date;
  /** The due date it missed. */
  readonly missedDueAt: Date;
  readonly fromLevel: number;
  /** null: no level above was left (the request stays where it is, and escalates no further). */
  readonly toLevel: number | null;
  readonly fromScopeOrgUnitId: string;
  readonly toScopeOrgUnitId: string | null;
  /** The people it was routed to by this escalation (not those who already had it). */
  readonly personIds: readonly string[];
}

export interface EscalationStep {
  readonly entry: EscalationEntry;
  readonly recipients: readonly RequestRecipient[];
  readonly escalationLevel: number;
  readonly levelScopeOrgUnitId: string;
  readonly escalationExhausted: boolean;
  /** The new due date: the grade's days from the escalation (unchanged when exhausted). */
  readonly dueAt: Date;
}

/**
 * Escalates an overdue request to the next level up: the nearest level of authority over the case (routing now) whose
 * scope lies above the request's current one. The people of that level who did not have the request yet are added;
 * those who had it keep it. The new level gets the grade's due days from `at`. When no level lies above, the
 * escalation is still recorded (toLevel null) and the request escalates no further.
 */
export function escalate(
  request: DecisionRequestState,
  levels: readonly RoutingLevel[],
  at: Date,
  grade: ProjectGrade,
  dueDays: Readonly<Record<ProjectGrade, number>>,
  depthOf: (orgUnitId: string) => number,
): Result<EscalationStep, DecisionRequestRefusal> {
  if (request.status !== 'PENDING') return err({ code: 'REQUEST.NOT_PENDING', data: { status: request.status } });
  if (!isOverdue(request, at)) return err({ code: 'REQUEST.NOT_OVERDUE', data: { dueAt: request.dueAt } });
  const currentDepth = depthOf(request.levelScopeOrgUnitId);
  const next = levels.find((l) => l.depth < currentDepth);
  const base = { at, missedDueAt: request.dueAt, fromLevel: request.escalationLevel };
  if (next === undefined) {
    return ok({
      entry: {
        ...base,
        toLevel: null,
        fromScopeOrgUnitId: request.levelScopeOrgUnitId,
        toScopeOrgUnitId: null,
        personIds: [],
      },
      recipients: [],
      escalationLevel: request.escalationLevel,
      levelScopeOrgUnitId: request.levelScopeOrgUnitId,
      escalationExhausted: true,
      dueAt: request.dueAt,
    });
  }
  const had = new Set(request.recipientIds);
  const recipients = next.recipients.filter((r) => !had.has(r.personId));
  const level = request.escalationLevel + 1;
  return ok({
    entry: {
      ...base,
      toLevel: level,
      fromScopeOrgUnitId: request.levelScopeOrgUnitId,
      toScopeOrgUnitId: next.scopeOrgUnitId,
      personIds: recipients.map((r) => r.personId),
    },
    recipients,
    escalationLevel: level,
    levelScopeOrgUnitId: next.scopeOrgUnitId,
    escalationExhausted: false,
    dueAt: defaultDueAt(at, grade, dueDays),
  });
}
