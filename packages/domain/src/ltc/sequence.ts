// The LTC process on one project (DOMAIN.md §4): which decision point may be taken now, the stage an approval
// moves the project to, and which approvals a material change to the project reopens.
import type { Money } from '../money/money';
import { DomainError, Result, err, ok } from '../shared/result';
import { DecisionPoint, LTC_DECISION_POINTS, LTC_STAGES, LtcDecisionPoint, LtcStage, ProjectGrade } from './ltc';

/**
 * The point each LTC decision point needs in force before it: ATI before ATB before ATC; ATAC and ATCC after ATC.
 * ATCC closes the project: once it is in force nothing more is decided.
 */
export const DECISION_PREREQUISITES: Readonly<Record<LtcDecisionPoint, LtcDecisionPoint | null>> = Object.freeze({
  ATI: null,
  ATB: 'ATI',
  ATC: 'ATB',
  ATAC: 'ATC',
  ATCC: 'ATC',
});

/** The decision point that closes the project. */
export const CLOSING_DECISION_POINT = 'ATCC' satisfies LtcDecisionPoint;

/** The stage an approval of a point moves the project to; the other points keep the stage. */
export const APPROVAL_STAGES: Readonly<Partial<Record<LtcDecisionPoint, LtcStage>>> = Object.freeze({
  ATI: 'OPPORTUNITY',
  ATC: 'CONTRACT_EXECUTION',
  ATCC: 'CLOSED',
});

export function isLtcDecisionPoint(value: string): value is LtcDecisionPoint {
  return (LTC_DECISION_POINTS as readonly string[]).includes(value);
}

/** What a decision was taken on: the project's amount and grade at that moment. */
export interface ProjectTerms {
  readonly amount: Money;
  readonly grade: ProjectGrade;
}

/** A decision recorded on a project, as the process reads it. */
export interface ProjectDecision {
  readonly id: string;
  readonly decisionPoint: DecisionPoint;
  /** APPROVED, REJECTED or RETURNED. */
  readonly outcome: string;
  /** Settles the case: a decision by a direct authority, or the body vote that completed it. */
  readonly complete: boolean;
  /** Reopened by a material change: it no longer counts. */
  readonly reopened: boolean;
  readonly terms: ProjectTerms;
}

/** An approval in force: APPROVED, complete (a body's quorum met), not reopened. */
export function isApprovalInForce(d: ProjectDecision): boolean {
  return d.outcome === 'APPROVED' && d.complete && !d.reopened;
}

/**
 * The approval in force of each LTC point (decisions oldest first: the latest approval of a point is the one in
 * force). A later rejection of a point does not withdraw an approval of it; a material change does (reopening).
 */
export function approvalsInForce(decisions: readonly ProjectDecision[]): Map<LtcDecisionPoint, ProjectDecision> {
  const inForce = new Map<LtcDecisionPoint, ProjectDecision>();
  for (const d of decisions)
    if (isLtcDecisionPoint(d.decisionPoint) && isApprovalInForce(d)) inForce.set(d.decisionPoint, d);
  return inForce;
}

/** The points that must be in force before `point`, earliest first (ATC → ATI, ATB). */
export function prerequisitesOf(point: LtcDecisionPoint): LtcDecisionPoint[] {
  const chain: LtcDecisionPoint[] = [];
  for (let p = DECISION_PREREQUISITES[point]; p !== null; p = DECISION_PREREQUISITES[p]) chain.unshift(p);
  return chain;
}

export type SequenceRefusal =
  | DomainError<'OUT_OF_SEQUENCE', { readonly decisionPoint: LtcDecisionPoint; readonly missing: LtcDecisionPoint }>
  | DomainError<'OUT_OF_SEQUENCE', { readonly decisionPoint: LtcDecisionPoint; readonly closed: true }>;

/**
 * May `point` be taken now, given the project's decisions? Any outcome counts as taking it: a bid is neither approved
 * nor rejected before the project is initiated. Refused with OUT_OF_SEQUENCE: `closed` once ATCC is in force
 * (nothing more is decided), else `missing`, the earliest point of its prerequisites not in force (the one to take
 * next). Points outside the LTC sequence (pool approval) are always in sequence.
 */
export function checkSequence(
  point: DecisionPoint,
  decisions: readonly ProjectDecision[],
): Result<null, SequenceRefusal> {
  if (!isLtcDecisionPoint(point)) return ok(null);
  const inForce = approvalsInForce(decisions);
  if (inForce.has(CLOSING_DECISION_POINT))
    return err({ code: 'OUT_OF_SEQUENCE', data: { decisionPoint: point, closed: true } });
  const missing = prerequisitesOf(point).find((p) => !inForce.has(p));
  if (missing !== undefined) return err({ code: 'OUT_OF_SEQUENCE', data: { decisionPoint: point, missing } });
  return ok(null);
}

/**
 * The stage a project at `current` moves to when `point` is approved: ATI → OPPORTUNITY, ATC → CONTRACT_EXECUTION,
 * ATCC → CLOSED. Forward only: an approval taken again after a reopening never moves a project back (ATI approved
 * anew on a project in contract execution keeps it there); the other points keep the stage.
 */
export function stageAfterApproval(point: DecisionPoint, current: LtcStage): LtcStage {
  const target = isLtcDecisionPoint(point) ? APPROVAL_STAGES[point] : undefined;
  if (target === undefined) return current;
  return LTC_STAGES.indexOf(target) > LTC_STAGES.indexOf(current) ? target : current;
}

/** Grade I is the highest, III the lowest. */
const GRADE_RANK: Readonly<Record<ProjectGrade, number>> = { I: 3, II: 2, III: 1 };

export function isHigherGrade(grade: ProjectGrade, than: ProjectGrade): boolean {
  return GRADE_RANK[grade] > GRADE_RANK[than];
}

/** Why a decision is reopened. */
export type ReopenCause =
  /** The amount rose by more than the material share since the decision (`percent`: the rise, one decimal). */
  | {
      readonly kind: 'AMOUNT_UP';
      readonly from: Money;
      readonly to: Money;
      readonly percent: string | null;
      readonly share: string;
    }
  /** The project now has a higher grade than the decision was taken at. */
  | { readonly kind: 'GRADE_UP'; readonly from: ProjectGrade; readonly to: ProjectGrade }
  /** The amount is now in another currency: it cannot be compared with the one decided on. */
  | { readonly kind: 'CURRENCY_CHANGED'; readonly from: Money; readonly to: Money }
  /** The point's prerequisite was reopened. */
  | { readonly kind: 'DEPENDS_ON'; readonly decisionPoint: LtcDecisionPoint };

export interface ReopenedDecision {
  readonly decisionId: string;
  readonly decisionPoint: DecisionPoint;
  readonly causes: readonly ReopenCause[];
}

/** A share in percent ("10", "12.5") as n / scale; null when it is not a plain non-negative decimal. */
function parseShare(share: string): { n: bigint; scale: bigint } | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(share.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  return { n: BigInt((match[1] as string) + fraction), scale: 10n ** BigInt(fraction.length) };
}

/** The rise from `from` to `to` in percent, one decimal rounded half up ("25", "12.5"); null from zero. */
export function percentRise(from: bigint, to: bigint): string | null {
  if (from <= 0n) return null;
  const tenths = ((to - from) * 2000n + from) / (2n * from);
  const whole = tenths / 10n;
  const rest = tenths % 10n;
  return rest === 0n ? whole.toString() : `${whole}.${rest < 0n ? -rest : rest}`;
}

/**
 * What the project's terms now exceed of the terms a decision was taken on: a rise of the amount by more than
 * `share` percent of the amount decided on (strictly: exactly the share is not material), a higher grade, or
 * another currency.
 */
export function materialCauses(decided: ProjectTerms, now: ProjectTerms, share: string): ReopenCause[] {
  const parsed = parseShare(share);
  if (parsed === null) throw new Error(`materialCauses: share ${share} is not a decimal percentage`);
  const causes: ReopenCause[] = [];
  const from = decided.amount;
  const to = now.amount;
  if (from.currency !== to.currency) causes.push({ kind: 'CURRENCY_CHANGED', from, to });
  else if (100n * parsed.scale * to.minor > (100n * parsed.scale + parsed.n) * from.minor)
    causes.push({ kind: 'AMOUNT_UP', from, to, percent: percentRise(from.minor, to.minor), share });
  if (isHigherGrade(now.grade, decided.grade)) causes.push({ kind: 'GRADE_UP', from: decided.grade, to: now.grade });
  return causes;
}

/**
 * The decisions a change of the project to `now` reopens, `share` being the material share in percent (company
 * setting, default 10). Precisely:
 * 1. An approval in force is invalidated when the new terms exceed the terms it recorded (materialCauses: amount up
 *    by more than the share since that approval, a higher grade, another currency). Each approval is judged on its
 *    own recorded terms, so small rises add up: 1,000,000 → 1,060,000 → 1,120,000 reopens an approval taken at
 *    1,000,000 on the second change, and not one taken at 1,060,000.
 * 2. A point whose prerequisite's approval is reopened is reopened too, down the sequence (ATI → ATB → ATC → ATAC
 *    and ATCC), with DEPENDS_ON naming the prerequisite, unless its own terms are exceeded as well.
 * 3. A reopened point starts afresh: every decision on it that still counts is reopened with the point's causes (the
 *    approval, and the votes of a body's round, so that the body votes anew on the new terms).
 * 4. An approving vote of a body round not yet complete is reopened when the new terms exceed its own recorded terms
 *    (it approved less than is now asked); the point was not in force, so nothing depends on it.
 * Rejections and returns on points not reopened stay as they are: a higher amount does not make a "no" stale.
 * Decisions already reopened are left alone. Decisions oldest first; the answer in the same order.
 */
export function reopenedByChange(
  decisions: readonly ProjectDecision[],
  now: ProjectTerms,
  share: string,
): ReopenedDecision[] {
  const inForce = approvalsInForce(decisions);
  const reopenedPoints = new Map<DecisionPoint, readonly ReopenCause[]>();
  for (const point of LTC_DECISION_POINTS) {
    const approval = inForce.get(point);
    if (approval === undefined) continue;
    const own = materialCauses(approval.terms, now, share);
    const prerequisite = DECISION_PREREQUISITES[point];
    if (own.length > 0) reopenedPoints.set(point, own);
    else if (prerequisite !== null && reopenedPoints.has(prerequisite))
      reopenedPoints.set(point, [{ kind: 'DEPENDS_ON', decisionPoint: prerequisite }]);
  }
  const reopened: ReopenedDecision[] = [];
  for (const d of decisions) {
    if (d.reopened) continue;
    const pointCauses = reopenedPoints.get(d.decisionPoint);
    if (pointCauses !== undefined) {
      reopened.push({ decisionId: d.id, decisionPoint: d.decisionPoint, causes: pointCauses });
      continue;
    }
    if (d.outcome !== 'APPROVED' || d.complete || !isLtcDecisionPoint(d.decisionPoint)) continue;
    const own = materialCauses(d.terms, now, share);
    if (own.length > 0) reopened.push({ decisionId: d.id, decisionPoint: d.decisionPoint, causes: own });
  }
  return reopened;
}
