// Performance ratings and the gate a qualification level puts on recent ratings.

/** Best first. */
export const PERFORMANCE_RATINGS = ['A', 'B+', 'B', 'C', 'D'] as const;
export type PerformanceRating = (typeof PERFORMANCE_RATINGS)[number];

export function isPerformanceRating(value: string): value is PerformanceRating {
  return (PERFORMANCE_RATINGS as readonly string[]).includes(value);
}

/** Higher is better: D = 1 … A = 5. */
export function performanceRatingRank(rating: PerformanceRating): number {
  return PERFORMANCE_RATINGS.length - PERFORMANCE_RATINGS.indexOf(rating);
}

/** One appraisal period's rating; `endsAt` orders periods and decides which are "recent" at a moment. */
export interface PerformanceRecord {
  readonly period: string;
  readonly endsAt: Date;
  readonly rating: PerformanceRating;
}

/**
 * Every rating in the last `periods` periods must be `minimumRating` or better (e.g. nothing below B in the last 2).
 */
export interface PerformanceGate {
  readonly minimumRating: PerformanceRating;
  readonly periods: number;
}

export interface PerformanceGateCheck {
  readonly passed: boolean;
  readonly gate: PerformanceGate;
  /** The periods looked at, most recent first. */
  readonly considered: readonly PerformanceRecord[];
  /** Considered periods rated below the minimum. */
  readonly below: readonly PerformanceRecord[];
  /** Periods the gate asks for that have no rating: a gate cannot be passed on missing evidence. */
  readonly missingPeriods: number;
}

/** Checks the gate against the periods that ended at or before `at`. */
export function checkPerformanceGate(
  gate: PerformanceGate,
  records: readonly PerformanceRecord[],
  at: Date,
): PerformanceGateCheck {
  const t = at.getTime();
  const considered = records
    .filter((record) => record.endsAt.getTime() <= t)
    .sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime())
    .slice(0, gate.periods);
  const minimum = performanceRatingRank(gate.minimumRating);
  const below = considered.filter((record) => performanceRatingRank(record.rating) < minimum);
  const missingPeriods = gate.periods - considered.length;
  return { passed: below.length === 0 && missingPeriods === 0, gate, considered, below, missingPeriods };
}

/** True when `next` asks at least as much as `previous` (no gate asks nothing). */
export function gateAtLeastAsStrict(next: PerformanceGate | null, previous: PerformanceGate | null): boolean {
  if (previous === null) return true;
  if (next === null) return false;
  return (
    next.periods >= previous.periods &&
    performanceRatingRank(next.minimumRating) >= performanceRatingRank(previous.minimumRating)
  );
}
