// The pool lifecycle DRAFT → FUNDED → ALLOCATED → APPROVED → LOCKED as pure transitions returning a new pool or a coded
// error.
import { DecisionPoint } from '../ltc/ltc';
import { Money } from '../money/money';
import { Result, err, ok } from '../shared/result';
import { allocatePool, comparePoolMemberIds } from './allocation';
import { fundPool } from './funding';
import {
  IncentivePool,
  PoolEditableField,
  PoolError,
  PoolFundingRule,
  PoolMemberInput,
  PoolMetric,
  PoolMetricGoal,
  PoolPeriod,
  PoolStatus,
  PoolTeam,
} from './pool';
import { TriangleRole } from '../roles/roles';

/**
 * Allowed moves. FUNDED and ALLOCATED may go back to DRAFT (reopenPool) so a wrong input can be fixed before the
 * approval decision; APPROVED only moves on to LOCKED; LOCKED is final (corrections are adjustment pools).
 */
export const POOL_TRANSITIONS: Readonly<Record<PoolStatus, readonly PoolStatus[]>> = Object.freeze({
  DRAFT: ['FUNDED'],
  FUNDED: ['ALLOCATED', 'DRAFT'],
  ALLOCATED: ['APPROVED', 'DRAFT'],
  APPROVED: ['LOCKED'],
  LOCKED: [],
});

export function canTransitionPool(from: PoolStatus, to: PoolStatus): boolean {
  return POOL_TRANSITIONS[from].includes(to);
}

/**
 * Which fields each status lets you edit. Targets, weights, base, rule, tables and members: DRAFT only.
 * Actuals: DRAFT and FUNDED; in FUNDED the edit drops the funding and returns the pool to DRAFT, so it must be
 * funded again (a funded amount never disagrees with the actuals it shows). The name carries no money: editable
 * until LOCKED. Nothing after LOCKED.
 */
export const POOL_EDITABLE_FIELDS: Readonly<Record<PoolStatus, readonly PoolEditableField[]>> = Object.freeze({
  DRAFT: [
    'name',
    'team',
    'period',
    'baseAmount',
    'targets',
    'weights',
    'actuals',
    'rule',
    'roleWeights',
    'ratingCoefficients',
    'members',
  ],
  FUNDED: ['name', 'actuals'],
  ALLOCATED: ['name'],
  APPROVED: ['name'],
  LOCKED: [],
});

/**
 * Whether a pool's inputs — the pool record itself, its metrics and its members — may be changed at all: only while
 * it is a DRAFT. A later status is changed by its transitions; a LOCKED pool is corrected by an adjustment pool.
 */
export function poolInputsEditable(status: PoolStatus): boolean {
  return status === 'DRAFT';
}

/** A patch; every field given is replaced (targets, weights and actuals per metric). */
export interface PoolEdit {
  readonly name?: string;
  readonly team?: PoolTeam;
  readonly period?: PoolPeriod;
  readonly baseAmount?: Money;
  readonly targets?: Partial<Record<PoolMetric, Money>>;
  readonly weights?: Partial<Record<PoolMetric, number>>;
  readonly actuals?: Partial<Record<PoolMetric, Money>>;
  readonly rule?: PoolFundingRule;
  readonly roleWeights?: Partial<Record<TriangleRole, string>>;
  readonly ratingCoefficients?: Record<string, string>;
  readonly members?: readonly PoolMemberInput[];
}

const EDIT_FIELDS: readonly PoolEditableField[] = POOL_EDITABLE_FIELDS.DRAFT;

const invalidTransition = (from: PoolStatus, to: PoolStatus): Result<never, PoolError> =>
  err({ code: 'POOL.INVALID_TRANSITION', data: { from, to } });

function withoutResults(pool: IncentivePool): IncentivePool {
  const { funding: _funding, allocation: _allocation, approval: _approval, lockedAt: _lockedAt, ...rest } = pool;
  return rest;
}

function patchMetrics(
  metrics: IncentivePool['metrics'],
  field: 'target' | 'actual' | 'weight',
  patch: Partial<Record<PoolMetric, Money | number>> | undefined,
): IncentivePool['metrics'] {
  if (patch === undefined) return metrics;
  const next = { ...metrics } as Record<PoolMetric, PoolMetricGoal>;
  for (const [metric, value] of Object.entries(patch) as [PoolMetric, Money | number][]) {
    next[metric] = { ...next[metric], [field]: value };
  }
  return next;
}

/** Applies an edit if the pool's status allows every field in it; POOL.EDIT_NOT_ALLOWED names the first that is not. */
export function editPool(pool: IncentivePool, edit: PoolEdit): Result<IncentivePool, PoolError> {
  const fields = EDIT_FIELDS.filter((field) => edit[field] !== undefined);
  const allowed = POOL_EDITABLE_FIELDS[pool.status];
  const refused = fields.find((field) => !allowed.includes(field));
  if (refused !== undefined)
    return err({ code: 'POOL.EDIT_NOT_ALLOWED', data: { status: pool.status, field: refused } });

  let metrics = patchMetrics(pool.metrics, 'target', edit.targets);
  metrics = patchMetrics(metrics, 'weight', edit.weights);
  metrics = patchMetrics(metrics, 'actual', edit.actuals);
  const next: IncentivePool = {
    ...pool,
    ...(edit.name !== undefined && { name: edit.name }),
    ...(edit.team !== undefined && { team: edit.team }),
    ...(edit.period !== undefined && { period: edit.period }),
    ...(edit.baseAmount !== undefined && { baseAmount: edit.baseAmount }),
    ...(edit.rule !== undefined && { rule: edit.rule }),
    ...(edit.roleWeights !== undefined && { roleWeights: edit.roleWeights }),
    ...(edit.ratingCoefficients !== undefined && { ratingCoefficients: edit.ratingCoefficients }),
    ...(edit.members !== undefined && { members: edit.members }),
    metrics,
  };
  // New actuals invalidate the funded amount: back to DRAFT, to be funded again.
  if (pool.status === 'FUNDED' && edit.actuals !== undefined) return ok({ ...withoutResults(next), status: 'DRAFT' });
  return ok(next);
}

/** DRAFT → FUNDED: computes the funding (fundPool) and records it with `at`. */
export function recordPoolFunding(pool: IncentivePool, at: Date): Result<IncentivePool, PoolError> {
  if (pool.status !== 'DRAFT') return invalidTransition(pool.status, 'FUNDED');
  if (pool.period.to.getTime() <= pool.period.from.getTime()) {
    return err({
      code: 'POOL.INVALID_PERIOD',
      data: { from: pool.period.from.toISOString(), to: pool.period.to.toISOString() },
    });
  }
  const funded = fundPool(pool);
  if (!funded.ok) return funded;
  return ok({
    ...pool,
    status: 'FUNDED',
    funding: { amount: funded.value.amount, trace: funded.value.trace, fundedAt: at },
  });
}

/** FUNDED → ALLOCATED: shares the funded amount (allocatePool) and records it with `at`. */
export function recordPoolAllocation(pool: IncentivePool, at: Date): Result<IncentivePool, PoolError> {
  if (pool.status !== 'FUNDED' || pool.funding === undefined) return invalidTransition(pool.status, 'ALLOCATED');
  const allocated = allocatePool(pool, pool.funding.amount);
  if (!allocated.ok) return allocated;
  return ok({
    ...pool,
    status: 'ALLOCATED',
    allocation: { shares: allocated.value.shares, trace: allocated.value.trace, allocatedAt: at },
  });
}

/** FUNDED or ALLOCATED → DRAFT: drops the computed results so inputs can be corrected before approval. */
export function reopenPool(pool: IncentivePool): Result<IncentivePool, PoolError> {
  if (!canTransitionPool(pool.status, 'DRAFT')) return invalidTransition(pool.status, 'DRAFT');
  return ok({ ...withoutResults(pool), status: 'DRAFT' });
}

/** The question to put to the authorization engine before approving: POOL_APPROVAL for the funded amount. */
export interface PoolApprovalRequest {
  readonly decisionPoint: 'POOL_APPROVAL';
  readonly amount: Money;
}

export function poolApprovalRequest(pool: IncentivePool): Result<PoolApprovalRequest, PoolError> {
  if (pool.status !== 'ALLOCATED' || pool.funding === undefined)
    return err({ code: 'POOL.NOT_ALLOCATED', data: { poolId: pool.id, status: pool.status } });
  return ok({ decisionPoint: 'POOL_APPROVAL', amount: pool.funding.amount });
}

/** The authorization engine's answer, passed in by the caller. */
export interface PoolApprovalOutcome {
  readonly approverId: string;
  readonly authorized: boolean;
  /** The engine's refusal codes when not authorized. */
  readonly denialCodes?: readonly string[];
  /**
   * What the engine was asked; when given, it must match poolApprovalRequest (guards against asking the wrong
   * question).
   */
  readonly decisionPoint?: DecisionPoint;
  readonly amount?: Money;
}

/**
 * ALLOCATED → APPROVED. Checked in this order: the transition; conflict of interest (the approver is a member:
 * POOL.APPROVER_IS_MEMBER); the outcome answers the right question (POOL.AUTHORIZATION_MISMATCH); the outcome
 * allows it (POOL.NOT_AUTHORIZED with the engine's codes).
 */
export function approvePool(
  pool: IncentivePool,
  outcome: PoolApprovalOutcome,
  at: Date,
): Result<IncentivePool, PoolError> {
  const request = poolApprovalRequest(pool);
  if (!request.ok) return invalidTransition(pool.status, 'APPROVED');
  const member = pool.members.find((m) => m.personId === outcome.approverId);
  if (member !== undefined)
    return err({ code: 'POOL.APPROVER_IS_MEMBER', data: { approverId: outcome.approverId, memberId: member.id } });
  const expected = request.value.amount;
  const askedPoint = outcome.decisionPoint ?? request.value.decisionPoint;
  const askedAmount = outcome.amount ?? expected;
  if (
    askedPoint !== request.value.decisionPoint ||
    askedAmount.minor !== expected.minor ||
    askedAmount.currency !== expected.currency
  ) {
    return err({
      code: 'POOL.AUTHORIZATION_MISMATCH',
      data: {
        expectedDecisionPoint: request.value.decisionPoint,
        decisionPoint: askedPoint,
        expectedMinor: expected.minor.toString(),
        amountMinor: askedAmount.minor.toString(),
        currency: askedAmount.currency,
      },
    });
  }
  if (!outcome.authorized)
    return err({
      code: 'POOL.NOT_AUTHORIZED',
      data: { approverId: outcome.approverId, codes: [...(outcome.denialCodes ?? [])] },
    });
  return ok({ ...pool, status: 'APPROVED', approval: { approverId: outcome.approverId, approvedAt: at } });
}

/** APPROVED → LOCKED: final; the shares may be paid. */
export function lockPool(pool: IncentivePool, at: Date): Result<IncentivePool, PoolError> {
  if (pool.status !== 'APPROVED') return invalidTransition(pool.status, 'LOCKED');
  return ok({ ...pool, status: 'LOCKED', lockedAt: at });
}

/**
 * A correction after lock: a new DRAFT pool that copies the locked pool's inputs and references what it paid.
 * It is edited, funded, allocated, approved and locked like any pool; poolAdjustmentDeltas gives what to pay or
 * recover.
 */
export function createAdjustmentPool(
  locked: IncentivePool,
  init: { readonly id: string; readonly name?: string },
  at: Date,
): Result<IncentivePool, PoolError> {
  if (locked.status !== 'LOCKED' || locked.funding === undefined || locked.allocation === undefined) {
    return err({ code: 'POOL.NOT_LOCKED', data: { poolId: locked.id, status: locked.status } });
  }
  const base = withoutResults(locked);
  const { adjustmentOf: _previous, ...inputs } = base;
  return ok({
    ...inputs,
    id: init.id,
    ...(init.name !== undefined && { name: init.name }),
    status: 'DRAFT',
    adjustmentOf: {
      poolId: locked.id,
      fundedAmount: locked.funding.amount,
      shares: locked.allocation.shares.map(({ memberId, personId, share }) => ({ memberId, personId, share })),
      lockedAt: locked.lockedAt ?? at,
      createdAt: at,
    },
  });
}

export interface PoolAdjustmentDelta {
  readonly personId: string;
  readonly original: Money;
  readonly adjusted: Money;
  /** adjusted − original: > 0 to pay, < 0 to recover. */
  readonly delta: Money;
}

/** Per person (sorted by comparePoolMemberIds on personId): what the adjustment changes against the locked pool. */
export function poolAdjustmentDeltas(adjustment: IncentivePool): Result<PoolAdjustmentDelta[], PoolError> {
  if (adjustment.adjustmentOf === undefined)
    return err({ code: 'POOL.NOT_AN_ADJUSTMENT', data: { poolId: adjustment.id } });
  if (adjustment.allocation === undefined)
    return err({ code: 'POOL.NOT_ALLOCATED', data: { poolId: adjustment.id, status: adjustment.status } });
  const currency = adjustment.currency;
  const original = new Map(adjustment.adjustmentOf.shares.map((s) => [s.personId, s.share.minor]));
  const adjusted = new Map(adjustment.allocation.shares.map((s) => [s.personId, s.share.minor]));
  const people = [...new Set([...original.keys(), ...adjusted.keys()])].sort(comparePoolMemberIds);
  return ok(
    people.map((personId) => {
      const before = original.get(personId) ?? 0n;
      const after = adjusted.get(personId) ?? 0n;
      return {
        personId,
        original: { minor: before, currency },
        adjusted: { minor: after, currency },
        delta: { minor: after - before, currency },
      };
    }),
  );
}
