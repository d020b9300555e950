// A project's decision timeline (issue #14): the LTC sequence ATI → ATB → ATC → ATAC / ATCC, each point as it stands
// now — done (the approval in force), pending (a request waiting for a decision), reopened by a material change (no
// longer counts: decided again), next (may be taken now) or locked (an earlier approval is missing, or the project is
// closed). Read the way the API counts (the domain's LTC sequence): only a complete, not reopened approval is in
// force; any outcome counts as taking a point; ATCC in force closes the project.
import {
  APPROVAL_STAGES,
  checkSequence,
  CLOSING_DECISION_POINT,
  LTC_DECISION_POINTS,
  type LtcDecisionPoint,
  type LtcStage,
  type ProjectDecision,
} from '@iron-triangle/domain';

/** The LTC stage each point is taken in (DOMAIN.md: leads, opportunities, contract execution). */
export const POINT_STAGES: Readonly<Record<LtcDecisionPoint, LtcStage>> = {
  ATI: 'LEAD',
  ATB: 'OPPORTUNITY',
  ATC: 'OPPORTUNITY',
  ATAC: 'CONTRACT_EXECUTION',
  ATCC: 'CONTRACT_EXECUTION',
};

/** A decision on the project, as the timeline reads it. */
export interface TimelineDecision {
  id: string;
  decisionPoint: string;
  outcome: string;
  deciderId: string;
  decidedAt: string;
  complete: boolean;
  comment?: string | null;
  reopenedAt?: string | null;
  reopenedReason?: string | null;
}

/** A decision request on the project, as the timeline reads it. */
export interface TimelineRequest {
  id: string;
  decisionPoint: string;
  status: string;
  requesterId?: string | null;
  requestedAt: string;
  dueAt: string;
  overdue: boolean;
  note?: string | null;
  amount?: string | null;
  currency?: string | null;
  escalationLevel?: number;
  /** Everyone it was routed to (each escalation adds a level). */
  recipients?: ReadonlyArray<{ personId: string; level: number }>;
}

export type StepState = 'done' | 'pending' | 'reopened' | 'next' | 'locked';

export interface TimelineStep {
  point: LtcDecisionPoint;
  /** The stage the point is taken in. */
  stage: LtcStage;
  /** The stage an approval moves the project to (none: it keeps its stage). */
  movesTo?: LtcStage;
  /** The project is in this point's stage now. */
  current: boolean;
  state: StepState;
  /** May be taken (asked for) now: in sequence and the project not closed. */
  allowed: boolean;
  /** done: the approval in force. */
  decision?: TimelineDecision;
  /** The latest complete decision on the point that still counts (e.g. a rejection on a point to decide again). */
  latest?: TimelineDecision;
  /** pending: the request waiting. */
  request?: TimelineRequest;
  /** The people a pending request waits with now (its current level). */
  waitingWith?: string[];
  /** reopened: the latest decision a material change reopened. */
  reopened?: TimelineDecision;
  /** Not in sequence: the earliest earlier point not in force (not set on a closed project). */
  missing?: LtcDecisionPoint;
  /** locked because the project is closed. */
  closed?: boolean;
}

export interface Timeline {
  steps: TimelineStep[];
  /** The project is closed: ATCC in force, or the stage says so. */
  closed: boolean;
  /** The point to ask for next: the first allowed point not done and without a pending request (null: none). */
  nextPoint: LtcDecisionPoint | null;
}

const byTime = (a: TimelineDecision, b: TimelineDecision) =>
  a.decidedAt.localeCompare(b.decidedAt) || Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);

function toProjectDecision(d: TimelineDecision): ProjectDecision {
  return {
    id: d.id,
    decisionPoint: d.decisionPoint as ProjectDecision['decisionPoint'],
    outcome: d.outcome,
    complete: d.complete,
    reopened: Boolean(d.reopenedAt),
    // The sequence does not read the terms (only a material change does).
    terms: undefined as unknown as ProjectDecision['terms'],
  };
}

function isInForce(d: TimelineDecision): boolean {
  return d.outcome === 'APPROVED' && d.complete && !d.reopenedAt;
}

/** The people a request waits with now: the recipients of its current (highest) level. */
function waitingWith(request: TimelineRequest): string[] {
  const recipients = request.recipients ?? [];
  if (!recipients.length) return [];
  const level = Math.max(...recipients.map((r) => r.level));
  return [...new Set(recipients.filter((r) => r.level === level).map((r) => String(r.personId)))];
}

export function buildTimeline(input: {
  stage: string;
  decisions: readonly TimelineDecision[];
  requests: readonly TimelineRequest[];
}): Timeline {
  const decisions = [...input.decisions].sort(byTime);
  const sequence = decisions.map(toProjectDecision);
  const closingInForce = decisions.some((d) => d.decisionPoint === CLOSING_DECISION_POINT && isInForce(d));
  const closed = closingInForce || input.stage === 'CLOSED';
  const steps = LTC_DECISION_POINTS.map((point): TimelineStep => {
    const own = decisions.filter((d) => d.decisionPoint === point);
    const inForce = [...own].reverse().find(isInForce);
    const counting = own.filter((d) => d.complete && !d.reopenedAt);
    const latest = counting[counting.length - 1];
    // The latest reopening, unless a decision that counts was taken on the point since.
    const lastReopened = [...own].reverse().find((d) => d.reopenedAt);
    const reopened = lastReopened && !(latest && byTime(latest, lastReopened) > 0) ? lastReopened : undefined;
    const request = input.requests
      .filter((r) => r.decisionPoint === point && r.status === 'PENDING')
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0];
    const check = checkSequence(point, sequence);
    const allowed = !closed && check.ok;
    const missing = !check.ok && 'missing' in check.error.data ? check.error.data.missing : undefined;
    const movesTo = APPROVAL_STAGES[point];
    const base = {
      point,
      stage: POINT_STAGES[point],
      ...(movesTo ? { movesTo } : {}),
      current: POINT_STAGES[point] === input.stage,
      allowed,
      ...(latest ? { latest } : {}),
      ...(missing && !closed ? { missing } : {}),
    };
    if (request) return { ...base, state: 'pending', request, waitingWith: waitingWith(request) };
    if (inForce) return { ...base, state: 'done', decision: inForce };
    if (reopened) return { ...base, state: 'reopened', reopened };
    if (allowed) return { ...base, state: 'next' };
    if (closed) return { ...base, state: 'locked', closed: true };
    return { ...base, state: 'locked' };
  });
  const nextPoint = steps.find((s) => s.allowed && (s.state === 'next' || s.state === 'reopened'))?.point ?? null;
  return { steps, closed, nextPoint };
}
