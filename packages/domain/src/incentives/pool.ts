// The incentive pool record (奖金包, DOMAIN.md §6), its defaults and its error codes.
import { Money } from '../money/money';
import { TriangleRole } from '../roles/roles';
import { DomainError } from '../shared/result';
// Types only: no runtime cycle with the files that import this one.
import type { PoolAllocationTrace, PoolShare } from './allocation';
import type { PoolFundingTrace } from './funding';

export const POOL_METRICS = ['ORDERS', 'REVENUE', 'CASH'] as const;
/** ORDERS 订单, REVENUE 收入, CASH collected 回款. */
export type PoolMetric = (typeof POOL_METRICS)[number];

export const POOL_STATUSES = ['DRAFT', 'FUNDED', 'ALLOCATED', 'APPROVED', 'LOCKED'] as const;
export type PoolStatus = (typeof POOL_STATUSES)[number];

export interface PoolTeam {
  readonly kind: 'PROJECT' | 'SYSTEM_DEPARTMENT';
  readonly id: string;
}

/** The assessment period, half-open [from, to). */
export interface PoolPeriod {
  readonly from: Date;
  readonly to: Date;
}

export interface PoolMetricGoal {
  /** > 0, in the pool's currency. */
  readonly target: Money;
  /** ≥ 0, in the pool's currency. */
  readonly actual: Money;
  /** Whole percent; the three weights sum to 100. */
  readonly weight: number;
}

/** Funding parameters as exact decimal ("0.6") or fraction ("2/3") strings; each one omitted takes its default. */
export interface PoolFundingRule {
  /** Attainment below it funds nothing. Default "0.6"; ≥ 0. */
  readonly gate?: string;
  /** Cap on each metric's attainment. Default "2"; > 0. */
  readonly metricCap?: string;
  /** Slope of the multiplier above 100 % attainment. Default "1.5"; ≥ 0. */
  readonly acceleration?: string;
  /** Cap on the multiplier. Default "2"; ≥ 1. */
  readonly maxMultiplier?: string;
}

export const DEFAULT_POOL_FUNDING_RULE: Readonly<Required<PoolFundingRule>> = Object.freeze({
  gate: '0.6',
  metricCap: '2',
  acceleration: '1.5',
  maxMultiplier: '2',
});

/** Role weights by role; roles without a default (SPONSOR, CORE_MEMBER, EXPERT) must be set per pool or per member. */
export const DEFAULT_POOL_ROLE_WEIGHTS: Readonly<Partial<Record<TriangleRole, string>>> = Object.freeze({
  AR: '40',
  SR: '30',
  FR: '30',
});

/** Performance coefficient by rating. */
export const DEFAULT_POOL_RATING_COEFFICIENTS: Readonly<Record<string, string>> = Object.freeze({
  A: '1.2',
  'B+': '1.1',
  B: '1.0',
  C: '0.6',
  D: '0',
});

/** Inclusive ranges the allocation accepts (role weights are relative, not percents that must sum to 100). */
export const POOL_ROLE_WEIGHT_RANGE = Object.freeze({ min: '0', max: '100' });
export const POOL_COEFFICIENT_RANGE = Object.freeze({ min: '0', max: '2' });
export const POOL_PARTICIPATION_RANGE = Object.freeze({ min: '0', max: '1' });

export interface PoolMemberInput {
  /** The member row's id; breaks allocation ties (see compareMemberIds). Unique within a pool. */
  readonly id: string;
  readonly personId: string;
  readonly role: TriangleRole;
  /** Overrides the pool's role weight for this member. */
  readonly weight?: string;
  /** Looked up in the pool's rating table. Give exactly one of rating and coefficient. */
  readonly rating?: string;
  /** A coefficient set directly instead of a rating. */
  readonly coefficient?: string;
  /** Share of the period spent on the team, 0..1 ("0.5", "1/3"). */
  readonly participation: string;
}

export interface PoolFunding {
  readonly amount: Money;
  readonly trace: PoolFundingTrace;
  readonly fundedAt: Date;
}

export interface PoolAllocation {
  readonly shares: readonly PoolShare[];
  readonly trace: PoolAllocationTrace;
  readonly allocatedAt: Date;
}

export interface PoolApproval {
  readonly approverId: string;
  readonly approvedAt: Date;
}

/** What a correction pool corrects: the locked pool and what it paid. */
export interface PoolAdjustmentOf {
  readonly poolId: string;
  readonly fundedAmount: Money;
  readonly shares: readonly { readonly memberId: string; readonly personId: string; readonly share: Money }[];
  readonly lockedAt: Date;
  /** When the adjustment pool was created. */
  readonly createdAt: Date;
}

export interface IncentivePool {
  readonly id: string;
  readonly name?: string;
  readonly team: PoolTeam;
  readonly period: PoolPeriod;
  readonly currency: string;
  /** ≥ 0, in the pool's currency. */
  readonly baseAmount: Money;
  readonly metrics: Readonly<Record<PoolMetric, PoolMetricGoal>>;
  readonly rule?: PoolFundingRule;
  /** Merged over DEFAULT_POOL_ROLE_WEIGHTS. */
  readonly roleWeights?: Readonly<Partial<Record<TriangleRole, string>>>;
  /** Replaces DEFAULT_POOL_RATING_COEFFICIENTS when given. */
  readonly ratingCoefficients?: Readonly<Record<string, string>>;
  readonly members: readonly PoolMemberInput[];
  readonly status: PoolStatus;
  readonly funding?: PoolFunding;
  readonly allocation?: PoolAllocation;
  readonly approval?: PoolApproval;
  readonly lockedAt?: Date;
  readonly adjustmentOf?: PoolAdjustmentOf;
}

export type PoolEditableField =
  | 'name'
  | 'team'
  | 'period'
  | 'baseAmount'
  | 'targets'
  | 'weights'
  | 'actuals'
  | 'rule'
  | 'roleWeights'
  | 'ratingCoefficients'
  | 'members';

export type PoolError =
  | DomainError<'POOL.UNKNOWN_CURRENCY', { currency: string }>
  | DomainError<'POOL.CURRENCY_MISMATCH', { field: string; expected: string; actual: string }>
  | DomainError<'POOL.INVALID_PERIOD', { from: string; to: string }>
  | DomainError<'POOL.INVALID_BASE_AMOUNT', { baseMinor: string }>
  | DomainError<'POOL.METRIC_MISSING', { metric: PoolMetric }>
  | DomainError<'POOL.INVALID_METRIC_WEIGHT', { metric: PoolMetric; weight: number }>
  | DomainError<'POOL.WEIGHTS_NOT_100', { total: number; weights: Record<PoolMetric, number> }>
  | DomainError<'POOL.INVALID_TARGET', { metric: PoolMetric; targetMinor: string }>
  | DomainError<'POOL.INVALID_ACTUAL', { metric: PoolMetric; actualMinor: string }>
  | DomainError<'POOL.INVALID_PARAMETER', { parameter: string; value: string; constraint: string }>
  | DomainError<'POOL.INVALID_FUNDED_AMOUNT', { fundedMinor: string }>
  | DomainError<'POOL.NO_MEMBERS', Record<string, never>>
  | DomainError<'POOL.DUPLICATE_MEMBER', { personId: string; memberIds: string[] }>
  | DomainError<'POOL.DUPLICATE_MEMBER_ID', { memberId: string }>
  | DomainError<'POOL.ROLE_WEIGHT_MISSING', { memberId: string; role: TriangleRole }>
  | DomainError<
      'POOL.INVALID_ROLE_WEIGHT',
      { memberId: string; role: TriangleRole; value: string; min: string; max: string }
    >
  | DomainError<
      'POOL.INVALID_COEFFICIENT',
      { memberId: string; rating: string | null; value: string; min: string; max: string }
    >
  | DomainError<'POOL.COEFFICIENT_AMBIGUOUS', { memberId: string; rating: string; coefficient: string }>
  | DomainError<'POOL.COEFFICIENT_MISSING', { memberId: string }>
  | DomainError<'POOL.UNKNOWN_RATING', { memberId: string; rating: string; known: string[] }>
  | DomainError<'POOL.INVALID_PARTICIPATION', { memberId: string; value: string; min: string; max: string }>
  | DomainError<'POOL.ALL_SCORES_ZERO', { fundedMinor: string }>
  | DomainError<'POOL.INVALID_TRANSITION', { from: PoolStatus; to: PoolStatus }>
  | DomainError<'POOL.EDIT_NOT_ALLOWED', { status: PoolStatus; field: PoolEditableField }>
  | DomainError<'POOL.APPROVER_IS_MEMBER', { approverId: string; memberId: string }>
  | DomainError<'POOL.NOT_AUTHORIZED', { approverId: string; codes: string[] }>
  | DomainError<
      'POOL.AUTHORIZATION_MISMATCH',
      {
        expectedDecisionPoint: string;
        decisionPoint: string;
        expectedMinor: string;
        amountMinor: string;
        currency: string;
      }
    >
  | DomainError<'POOL.NOT_LOCKED', { poolId: string; status: PoolStatus }>
  | DomainError<'POOL.NOT_AN_ADJUSTMENT', { poolId: string }>
  | DomainError<'POOL.NOT_ALLOCATED', { poolId: string; status: PoolStatus }>;

export type PoolErrorCode = PoolError['code'];
