// Allocation: the funded pool shared by contribution score, by the largest-remainder method, to the minor unit.
import { CURRENCY_EXPONENTS, Money, formatMinor, isKnownCurrency } from '../money/money';
import { TriangleRole } from '../roles/roles';
import { Result, err, ok } from '../shared/result';
import {
  DEFAULT_POOL_RATING_COEFFICIENTS,
  DEFAULT_POOL_ROLE_WEIGHTS,
  IncentivePool,
  POOL_COEFFICIENT_RANGE,
  POOL_PARTICIPATION_RANGE,
  POOL_ROLE_WEIGHT_RANGE,
  PoolError,
  PoolMemberInput,
} from './pool';
import { Rational } from './rational';
import { PoolTraceValue } from './funding';

/** What allocation reads from a pool. */
export type PoolAllocationInput = Pick<IncentivePool, 'currency' | 'members' | 'roleWeights' | 'ratingCoefficients'>;

/** One member's share and how it was reached; JSON-safe apart from `share`. */
export interface PoolShareTrace {
  readonly weight: string;
  readonly rating: string | null;
  readonly coefficient: string;
  readonly participation: string;
  /** weight × coefficient × participation. */
  readonly score: PoolTraceValue;
  /** funded × score / Σ scores, in minor units. */
  readonly quotaMinor: PoolTraceValue;
  readonly floorMinor: string;
  /** quota − floor. */
  readonly remainder: PoolTraceValue;
  /** Received one of the leftover units. */
  readonly remainderUnit: boolean;
  readonly shareMinor: string;
  readonly share: string;
}

export interface PoolShare {
  readonly memberId: string;
  readonly personId: string;
  readonly role: TriangleRole;
  readonly share: Money;
  readonly trace: PoolShareTrace;
}

export interface PoolAllocationTrace {
  readonly currency: string;
  readonly fundedMinor: string;
  readonly totalScore: PoolTraceValue;
  readonly floorTotalMinor: string;
  /** Units handed out one each by largest remainder. */
  readonly leftoverUnits: string;
  /** Member ids in the order remainder units were considered (largest remainder first). */
  readonly remainderOrder: readonly string[];
}

export interface PoolAllocationResult {
  /** In the members' input order. */
  readonly shares: readonly PoolShare[];
  readonly trace: PoolAllocationTrace;
}

const DIGITS = /^[0-9]+$/;

/**
 * Total order on member ids for ties: numerically when both are digit strings ("9" < "10"; "7" = "007" numerically,
 * then by plain comparison so the order stays total), otherwise by UTF-16 code units (locale-independent).
 */
export function comparePoolMemberIds(a: string, b: string): number {
  if (DIGITS.test(a) && DIGITS.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    if (x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Scored {
  readonly member: PoolMemberInput;
  readonly weight: Rational;
  readonly rating: string | null;
  readonly coefficient: Rational;
  readonly participation: Rational;
  readonly score: Rational;
}

const range = (bounds: { min: string; max: string }) => ({
  min: Rational.parse(bounds.min) as Rational,
  max: Rational.parse(bounds.max) as Rational,
});
const WEIGHT_RANGE = range(POOL_ROLE_WEIGHT_RANGE);
const COEFFICIENT_RANGE = range(POOL_COEFFICIENT_RANGE);
const PARTICIPATION_RANGE = range(POOL_PARTICIPATION_RANGE);
const within = (value: Rational | null, bounds: { min: Rational; max: Rational }): value is Rational =>
  value !== null && value.gte(bounds.min) && value.lte(bounds.max);

function scoreMember(member: PoolMemberInput, pool: PoolAllocationInput): Result<Scored, PoolError> {
  const weightText = member.weight ?? pool.roleWeights?.[member.role] ?? DEFAULT_POOL_ROLE_WEIGHTS[member.role];
  if (weightText === undefined)
    return err({ code: 'POOL.ROLE_WEIGHT_MISSING', data: { memberId: member.id, role: member.role } });
  const weight = Rational.parse(weightText);
  if (!within(weight, WEIGHT_RANGE)) {
    return err({
      code: 'POOL.INVALID_ROLE_WEIGHT',
      data: { memberId: member.id, role: member.role, value: weightText, ...POOL_ROLE_WEIGHT_RANGE },
    });
  }

  let coefficientText: string;
  if (member.rating !== undefined && member.coefficient !== undefined) {
    return err({
      code: 'POOL.COEFFICIENT_AMBIGUOUS',
      data: { memberId: member.id, rating: member.rating, coefficient: member.coefficient },
    });
  } else if (member.rating !== undefined) {
    const table = pool.ratingCoefficients ?? DEFAULT_POOL_RATING_COEFFICIENTS;
    const fromTable = Object.prototype.hasOwnProperty.call(table, member.rating) ? table[member.rating] : undefined;
    if (fromTable === undefined) {
      return err({
        code: 'POOL.UNKNOWN_RATING',
        data: { memberId: member.id, rating: member.rating, known: Object.keys(table) },
      });
    }
    coefficientText = fromTable;
  } else if (member.coefficient !== undefined) {
    coefficientText = member.coefficient;
  } else {
    return err({ code: 'POOL.COEFFICIENT_MISSING', data: { memberId: member.id } });
  }
  const coefficient = Rational.parse(coefficientText);
  if (!within(coefficient, COEFFICIENT_RANGE)) {
    return err({
      code: 'POOL.INVALID_COEFFICIENT',
      data: { memberId: member.id, rating: member.rating ?? null, value: coefficientText, ...POOL_COEFFICIENT_RANGE },
    });
  }

  const participation = Rational.parse(member.participation);
  if (!within(participation, PARTICIPATION_RANGE)) {
    return err({
      code: 'POOL.INVALID_PARTICIPATION',
      data: { memberId: member.id, value: member.participation, ...POOL_PARTICIPATION_RANGE },
    });
  }
  return ok({
    member,
    weight,
    rating: member.rating ?? null,
    coefficient,
    participation,
    score: weight.mul(coefficient).mul(participation),
  });
}

/**
 * Shares `funded` across the members: quota = funded × score / Σ scores; everyone gets the floor of the quota in
 * minor units, and the units left over go one each to the largest remainders, ties to the larger score, then the
 * smaller member id (comparePoolMemberIds). Shares sum to `funded` exactly; each is the floor or ceiling of its quota.
 */
export function allocatePool(pool: PoolAllocationInput, funded: Money): Result<PoolAllocationResult, PoolError> {
  if (!isKnownCurrency(pool.currency)) return err({ code: 'POOL.UNKNOWN_CURRENCY', data: { currency: pool.currency } });
  if (funded.currency !== pool.currency) {
    return err({
      code: 'POOL.CURRENCY_MISMATCH',
      data: { field: 'funded', expected: pool.currency, actual: funded.currency },
    });
  }
  if (funded.minor < 0n)
    return err({ code: 'POOL.INVALID_FUNDED_AMOUNT', data: { fundedMinor: funded.minor.toString() } });
  if (pool.members.length === 0) return err({ code: 'POOL.NO_MEMBERS', data: {} });

  const byPerson = new Map<string, string>();
  const ids = new Set<string>();
  for (const member of pool.members) {
    if (ids.has(member.id)) return err({ code: 'POOL.DUPLICATE_MEMBER_ID', data: { memberId: member.id } });
    ids.add(member.id);
    const first = byPerson.get(member.personId);
    if (first !== undefined)
      return err({ code: 'POOL.DUPLICATE_MEMBER', data: { personId: member.personId, memberIds: [first, member.id] } });
    byPerson.set(member.personId, member.id);
  }

  const scored: Scored[] = [];
  let total = Rational.ZERO;
  for (const member of pool.members) {
    const result = scoreMember(member, pool);
    if (!result.ok) return result;
    scored.push(result.value);
    total = total.add(result.value.score);
  }
  if (total.isZero() && funded.minor > 0n)
    return err({ code: 'POOL.ALL_SCORES_ZERO', data: { fundedMinor: funded.minor.toString() } });

  const fundedRational = Rational.of(funded.minor);
  const parts = scored.map((entry) => {
    // With nothing to share (funded 0) everyone's quota is 0, even when all scores are 0.
    const quota = funded.minor === 0n ? Rational.ZERO : fundedRational.mul(entry.score).div(total);
    const floor = quota.floor();
    return { entry, quota, floor, remainder: quota.sub(Rational.of(floor)) };
  });
  const floorTotal = parts.reduce((sum, part) => sum + part.floor, 0n);
  const leftover = funded.minor - floorTotal;

  const order = [...parts].sort(
    (a, b) =>
      b.remainder.compare(a.remainder) ||
      b.entry.score.compare(a.entry.score) ||
      comparePoolMemberIds(a.entry.member.id, b.entry.member.id),
  );
  const winners = new Set(order.slice(0, Number(leftover)).map((part) => part.entry.member.id));

  const exponent = CURRENCY_EXPONENTS[pool.currency] as number;
  const display = (value: Rational): PoolTraceValue => ({
    exact: value.toFraction(),
    display: value.toDecimalString(4),
  });
  const shares = parts.map(({ entry, quota, floor, remainder }): PoolShare => {
    const remainderUnit = winners.has(entry.member.id);
    const minor = remainderUnit ? floor + 1n : floor;
    return {
      memberId: entry.member.id,
      personId: entry.member.personId,
      role: entry.member.role,
      share: { minor, currency: pool.currency },
      trace: {
        weight: entry.weight.toFraction(),
        rating: entry.rating,
        coefficient: entry.coefficient.toFraction(),
        participation: entry.participation.toFraction(),
        score: display(entry.score),
        quotaMinor: display(quota),
        floorMinor: floor.toString(),
        remainder: display(remainder),
        remainderUnit,
        shareMinor: minor.toString(),
        share: formatMinor(minor, exponent),
      },
    };
  });

  return ok({
    shares,
    trace: {
      currency: pool.currency,
      fundedMinor: funded.minor.toString(),
      totalScore: display(total),
      floorTotalMinor: floorTotal.toString(),
      leftoverUnits: leftover.toString(),
      remainderOrder: order.map((part) => part.entry.member.id),
    },
  });
}
