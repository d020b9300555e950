// Between the pool's rows (incentive_pools, pool_members, pool_metrics) and the domain's IncentivePool: every path
// that hands a pool to the domain reads it with toDomainPool, and every step stores what the domain's result says
// (status, amounts, traces and moments) with resultColumns, never values set by hand.
import {
  IncentivePool as DomainPool,
  PoolAllocation,
  PoolAllocationTrace as DomainAllocationTrace,
  PoolFundingTrace as DomainFundingTrace,
  PoolMetric as DomainMetric,
  PoolShareTrace,
  PoolStatus,
  PoolTraceValue,
  Rational,
  TriangleRole,
} from '@iron-triangle/domain';
import { IncentivePool, PoolMember, PoolMetric } from './incentive-pool.entity';
import { ExactFractionType, PoolAllocationTraceType, PoolFundingTraceType } from './pool-trace.types';
import { jsonSafe } from '../../platform/json-safe';

/** Metric weights are stored as fractions of 1 ("0.4") or as percents ("40"); the domain wants whole percents. */
function percentWeights(metrics: readonly PoolMetric[]): Map<number, number> {
  const total = metrics.reduce((sum, m) => sum + Number(m.weight), 0);
  const scale = total <= 1.0001 ? 100 : 1;
  return new Map(metrics.map((m) => [m.id, Math.round(Number(m.weight) * scale * 1e6) / 1e6]));
}

/** Statuses in which the members' shares are the stored allocation. */
const ALLOCATED_STATUSES: ReadonlySet<string> = new Set(['ALLOCATED', 'APPROVED', 'LOCKED']);

/** The domain's pool from its rows (members and metrics in id order). */
export function toDomainPool(
  row: IncentivePool,
  members: readonly PoolMember[],
  metrics: readonly PoolMetric[],
): DomainPool {
  const weights = percentWeights(metrics);
  const goals: Partial<Record<DomainMetric, DomainPool['metrics'][DomainMetric]>> = {};
  for (const m of metrics) {
    goals[m.metric as DomainMetric] = {
      target: { minor: m.targetMinor, currency: m.currency },
      actual: { minor: m.actualMinor, currency: m.currency },
      weight: weights.get(m.id) ?? 0,
    };
  }
  const money = (minor: bigint) => ({ minor, currency: row.currency });
  return {
    id: String(row.id),
    name: row.name,
    team: {
      kind: row.teamKind === 'PROJECT' ? 'PROJECT' : 'SYSTEM_DEPARTMENT',
      id: String(row.projectId ?? row.orgUnitId),
    },
    period: { from: row.periodFrom, to: row.periodTo },
    currency: row.currency,
    baseAmount: money(row.baseAmountMinor),
    metrics: goals as DomainPool['metrics'],
    rule: { gate: row.attainmentGate, acceleration: row.acceleration, maxMultiplier: row.capMultiplier },
    members: members.map((m) => ({
      id: String(m.id),
      personId: String(m.personId),
      role: m.role as TriangleRole,
      weight: m.weight,
      coefficient: m.coefficient,
      participation: m.participation,
    })),
    status: row.status as PoolStatus,
    ...(row.fundedAmountMinor !== null
      ? {
          funding: {
            amount: money(row.fundedAmountMinor),
            trace: row.fundingTrace as never,
            fundedAt: row.fundedAt ?? row.updatedAt,
          },
        }
      : {}),
    ...(ALLOCATED_STATUSES.has(row.status) && members.every((m) => m.shareMinor !== null)
      ? {
          allocation: {
            shares: members.map((m) => ({
              memberId: String(m.id),
              personId: String(m.personId),
              role: m.role as TriangleRole,
              share: money(m.shareMinor as bigint),
              trace: null as never,
            })),
            trace: row.allocationTrace as never,
            allocatedAt: row.allocatedAt ?? row.updatedAt,
          },
        }
      : {}),
    ...(row.approvedById !== null && row.approvedAt !== null
      ? { approval: { approverId: String(row.approvedById), approvedAt: row.approvedAt } }
      : {}),
    ...(row.lockedAt !== null ? { lockedAt: row.lockedAt } : {}),
  };
}

/** The stored allocation trace: the domain's trace with each member's share and how it was reached. */
export function allocationTraceJson(allocation: Pick<PoolAllocation, 'trace' | 'shares'>): Record<string, unknown> {
  return jsonSafe({ ...allocation.trace, shares: allocation.shares }) as Record<string, unknown>;
}

/**
 * The pool's columns a domain step changed, from its result: the status always; the funding, the allocation, the
 * approval and the lock when the step produced them (the domain keeps an unchanged part as the same object).
 */
export function resultColumns(before: DomainPool, after: DomainPool): Partial<IncentivePool> {
  const columns: Partial<IncentivePool> = { status: after.status };
  if (after.funding !== before.funding) {
    columns.fundedAmountMinor = after.funding?.amount.minor ?? null;
    columns.fundingTrace = after.funding ? (jsonSafe(after.funding.trace) as Record<string, unknown>) : null;
    columns.fundedAt = after.funding?.fundedAt ?? null;
  }
  if (after.allocation !== before.allocation) {
    columns.allocationTrace = after.allocation ? allocationTraceJson(after.allocation) : null;
    columns.allocatedAt = after.allocation?.allocatedAt ?? null;
  }
  if (after.approval !== before.approval) {
    columns.approvedById = after.approval ? Number(after.approval.approverId) : null;
    columns.approvedAt = after.approval?.approvedAt ?? null;
  }
  if (after.lockedAt !== before.lockedAt) columns.lockedAt = after.lockedAt ?? null;
  return columns;
}

/** Each member's share (by member id) of a domain allocation, in minor units. */
export function sharesByMember(allocation: Pick<PoolAllocation, 'shares'>): Map<string, bigint> {
  return new Map(allocation.shares.map((s) => [s.memberId, s.share.minor]));
}

/**
 * The row of an adjustment pool: the locked pool's inputs, and the name and status of the domain's adjustment
 * (a DRAFT without results). Metrics and members are copied by the caller.
 */
export function adjustmentRow(locked: IncentivePool, adjustment: DomainPool): Partial<IncentivePool> {
  return {
    name: adjustment.name ?? locked.name,
    status: adjustment.status,
    currency: locked.currency,
    teamKind: locked.teamKind,
    projectId: locked.projectId,
    orgUnitId: locked.orgUnitId,
    periodFrom: locked.periodFrom,
    periodTo: locked.periodTo,
    baseAmountMinor: locked.baseAmountMinor,
    attainmentGate: locked.attainmentGate,
    capMultiplier: locked.capMultiplier,
    acceleration: locked.acceleration,
    fundedAmountMinor: adjustment.funding?.amount.minor ?? null,
    fundingTrace: null,
    allocationTrace: null,
    fundedAt: null,
    allocatedAt: null,
    approvedById: null,
    approvedAt: null,
    lockedAt: null,
    adjustmentOfId: locked.id,
  };
}

// ── The stored traces as the GraphQL types of pool-trace.types.ts ─────────────────────────────────────────────

/** An exact value of a trace ("419/600", "2", "0.6") with its display (computed when the trace has none). */
export function exactFraction(exact: string, display?: string): ExactFractionType {
  const value = Rational.parse(exact);
  if (!value) throw new Error(`pool trace: "${exact}" is not an exact fraction`);
  return {
    numerator: value.num.toString(),
    denominator: value.den.toString(),
    display: display ?? value.toDecimalString(4),
  };
}

const traced = (v: PoolTraceValue) => exactFraction(v.exact, v.display);

/** The stored funding trace (the domain's PoolFundingTrace, JSON-safe) as PoolFundingTrace; null when unfunded. */
export function fundingTraceOf(json: Record<string, unknown> | null): PoolFundingTraceType | null {
  if (!json) return null;
  const t = json as unknown as DomainFundingTrace;
  return {
    currency: t.currency,
    baseAmount: t.baseAmount,
    parameters: {
      gate: exactFraction(t.parameters.gate),
      metricCap: exactFraction(t.parameters.metricCap),
      acceleration: exactFraction(t.parameters.acceleration),
      maxMultiplier: exactFraction(t.parameters.maxMultiplier),
    },
    metrics: t.metrics.map((m) => ({
      metric: m.metric,
      weight: m.weight,
      target: m.target,
      actual: m.actual,
      rawAttainment: traced(m.rawAttainment),
      capped: m.capped,
      attainment: traced(m.attainment),
      contribution: traced(m.contribution),
    })),
    attainment: traced(t.attainment),
    gate: { threshold: exactFraction(t.gate.threshold), passed: t.gate.passed },
    multiplier: {
      value: traced(t.multiplier),
      branch: t.multiplier.branch,
      uncapped: t.multiplier.uncapped ? traced(t.multiplier.uncapped) : null,
    },
    exactMinor: traced(t.exactMinor),
    rounding: {
      mode: t.rounding.mode,
      exponent: t.rounding.exponent,
      roundedMinor: t.rounding.roundedMinor,
      adjustmentMinor: exactFraction(t.rounding.adjustmentMinor),
    },
    fundedAmount: t.fundedAmount,
  };
}

/** A share as allocationTraceJson stores it: the domain's PoolShare with its money as a decimal string. */
interface StoredShare {
  memberId: string;
  personId: string;
  role: string;
  share: string;
  trace: PoolShareTrace;
}

/** The stored allocation trace as PoolAllocationTrace; null when unallocated. */
export function allocationTraceOf(json: Record<string, unknown> | null): PoolAllocationTraceType | null {
  if (!json) return null;
  const t = json as unknown as DomainAllocationTrace & { shares?: StoredShare[]; preview?: boolean };
  return {
    currency: t.currency,
    fundedMinor: t.fundedMinor,
    totalScore: traced(t.totalScore),
    floorTotalMinor: t.floorTotalMinor,
    leftoverUnits: t.leftoverUnits,
    remainderOrder: [...t.remainderOrder],
    preview: t.preview === true,
    shares: (t.shares ?? []).map((s) => ({
      memberId: s.memberId,
      personId: s.personId,
      role: s.role,
      weight: s.trace.weight,
      rating: s.trace.rating,
      coefficient: s.trace.coefficient,
      participation: s.trace.participation,
      score: traced(s.trace.score),
      quotaMinor: traced(s.trace.quotaMinor),
      floorMinor: s.trace.floorMinor,
      remainder: traced(s.trace.remainder),
      remainderUnit: s.trace.remainderUnit,
      shareMinor: s.trace.shareMinor,
      share: s.trace.share,
    })),
  };
}
