// Funding: how much the pool holds, from attainment of orders, revenue and cash collected.
import { CURRENCY_EXPONENTS, Money, formatMinor, isKnownCurrency } from '../money/money';
import { Result, err, ok } from '../shared/result';
import { DEFAULT_POOL_FUNDING_RULE, IncentivePool, POOL_METRICS, PoolError, PoolFundingRule, PoolMetric } from './pool';
import { Rational } from './rational';

/** What funding reads from a pool. */
export type PoolFundingInput = Pick<IncentivePool, 'currency' | 'baseAmount' | 'metrics' | 'rule'>;

/** The parsed, validated funding parameters. */
export interface PoolFundingParameters {
  readonly gate: Rational;
  readonly metricCap: Rational;
  readonly acceleration: Rational;
  readonly maxMultiplier: Rational;
}

/** An exact value with its 4-decimal display. */
export interface PoolTraceValue {
  /** Exact fraction, "3/4" ("1" for an integer). */
  readonly exact: string;
  /** Rounded half up to 4 decimals, "0.7500". */
  readonly display: string;
}

export interface PoolMetricTrace {
  readonly metric: PoolMetric;
  readonly weight: number;
  readonly target: string;
  readonly actual: string;
  /** actual / target before the cap. */
  readonly rawAttainment: PoolTraceValue;
  readonly capped: boolean;
  /** After the cap; this is what counts. */
  readonly attainment: PoolTraceValue;
  /** weight × attainment / 100. */
  readonly contribution: PoolTraceValue;
}

export type PoolMultiplierBranch = 'BELOW_GATE' | 'LINEAR' | 'ACCELERATED' | 'CAPPED';

/** JSON-safe (strings and numbers only), for storage and the GraphQL `fundingTrace`. */
export interface PoolFundingTrace {
  readonly currency: string;
  readonly baseAmount: string;
  readonly parameters: {
    readonly gate: string;
    readonly metricCap: string;
    readonly acceleration: string;
    readonly maxMultiplier: string;
  };
  readonly metrics: readonly PoolMetricTrace[];
  readonly attainment: PoolTraceValue;
  readonly gate: { readonly threshold: string; readonly passed: boolean };
  readonly multiplier: PoolTraceValue & {
    readonly branch: PoolMultiplierBranch;
    readonly uncapped: PoolTraceValue | null;
  };
  /** base × multiplier in minor units, exact. */
  readonly exactMinor: PoolTraceValue;
  readonly rounding: {
    readonly mode: 'HALF_UP';
    readonly exponent: number;
    readonly roundedMinor: string;
    readonly adjustmentMinor: string;
  };
  readonly fundedAmount: string;
}

export interface PoolFundingResult {
  readonly amount: Money;
  readonly trace: PoolFundingTrace;
}

const trace = (value: Rational): PoolTraceValue => ({ exact: value.toFraction(), display: value.toDecimalString(4) });

type ParameterName = keyof PoolFundingParameters;
const PARAMETER_CONSTRAINTS: Readonly<Record<ParameterName, { bound: Rational; strict: boolean; constraint: string }>> =
  {
    gate: { bound: Rational.ZERO, strict: false, constraint: '>= 0' },
    metricCap: { bound: Rational.ZERO, strict: true, constraint: '> 0' },
    acceleration: { bound: Rational.ZERO, strict: false, constraint: '>= 0' },
    maxMultiplier: { bound: Rational.ONE, strict: false, constraint: '>= 1' },
  };

/** Parses the rule's strings over the defaults; unparsable or out-of-range values are POOL.INVALID_PARAMETER. */
export function parsePoolFundingRule(rule: PoolFundingRule = {}): Result<PoolFundingParameters, PoolError> {
  const parsed: Partial<Record<ParameterName, Rational>> = {};
  for (const name of Object.keys(PARAMETER_CONSTRAINTS) as ParameterName[]) {
    const text = rule[name] ?? DEFAULT_POOL_FUNDING_RULE[name];
    const { bound, strict, constraint } = PARAMETER_CONSTRAINTS[name];
    const value = Rational.parse(text);
    if (value === null)
      return err({ code: 'POOL.INVALID_PARAMETER', data: { parameter: name, value: text, constraint: 'decimal' } });
    if (strict ? value.lte(bound) : value.lt(bound))
      return err({ code: 'POOL.INVALID_PARAMETER', data: { parameter: name, value: text, constraint } });
    parsed[name] = value;
  }
  return ok(parsed as PoolFundingParameters);
}

/** Checks the currency and the base amount, shared by funding and the lifecycle. */
function checkCurrency(pool: Pick<IncentivePool, 'currency' | 'baseAmount'>): PoolError | null {
  if (!isKnownCurrency(pool.currency)) return { code: 'POOL.UNKNOWN_CURRENCY', data: { currency: pool.currency } };
  if (pool.baseAmount.currency !== pool.currency) {
    return {
      code: 'POOL.CURRENCY_MISMATCH',
      data: { field: 'baseAmount', expected: pool.currency, actual: pool.baseAmount.currency },
    };
  }
  if (pool.baseAmount.minor < 0n)
    return { code: 'POOL.INVALID_BASE_AMOUNT', data: { baseMinor: pool.baseAmount.minor.toString() } };
  return null;
}

function checkMetrics(pool: PoolFundingInput): PoolError | null {
  const weights = {} as Record<PoolMetric, number>;
  let total = 0;
  for (const metric of POOL_METRICS) {
    const goal = pool.metrics[metric];
    if (goal === undefined) return { code: 'POOL.METRIC_MISSING', data: { metric } };
    if (!Number.isInteger(goal.weight) || goal.weight < 0 || goal.weight > 100) {
      return { code: 'POOL.INVALID_METRIC_WEIGHT', data: { metric, weight: goal.weight } };
    }
    for (const [field, amount] of [
      ['target', goal.target],
      ['actual', goal.actual],
    ] as const) {
      if (amount.currency !== pool.currency) {
        return {
          code: 'POOL.CURRENCY_MISMATCH',
          data: { field: `metrics.${metric}.${field}`, expected: pool.currency, actual: amount.currency },
        };
      }
    }
    if (goal.target.minor <= 0n)
      return { code: 'POOL.INVALID_TARGET', data: { metric, targetMinor: goal.target.minor.toString() } };
    if (goal.actual.minor < 0n)
      return { code: 'POOL.INVALID_ACTUAL', data: { metric, actualMinor: goal.actual.minor.toString() } };
    weights[metric] = goal.weight;
    total += goal.weight;
  }
  if (total !== 100) return { code: 'POOL.WEIGHTS_NOT_100', data: { total, weights } };
  return null;
}

/**
 * The funded amount and how it was reached:
 * metric attainment = min(actual / target, metricCap); attainment = Σ weight × metric attainment / 100;
 * multiplier = 0 below the gate, the attainment up to 1, then min(1 + (attainment − 1) × acceleration, maxMultiplier);
 * amount = base × multiplier, rounded once, half up, to the currency's minor unit.
 * All money in the pool's currency.
 */
export function fundPool(pool: PoolFundingInput): Result<PoolFundingResult, PoolError> {
  const currencyError = checkCurrency(pool);
  if (currencyError) return err(currencyError);
  const metricError = checkMetrics(pool);
  if (metricError) return err(metricError);
  const parameters = parsePoolFundingRule(pool.rule);
  if (!parameters.ok) return parameters;
  const { gate, metricCap, acceleration, maxMultiplier } = parameters.value;
  const exponent = CURRENCY_EXPONENTS[pool.currency] as number;
  const hundred = Rational.fromInt(100);

  const metrics: PoolMetricTrace[] = [];
  let attainment = Rational.ZERO;
  for (const metric of POOL_METRICS) {
    const goal = pool.metrics[metric];
    const raw = Rational.of(goal.actual.minor, goal.target.minor);
    const capped = raw.gt(metricCap);
    const counted = capped ? metricCap : raw;
    const contribution = counted.mul(Rational.fromInt(goal.weight)).div(hundred);
    attainment = attainment.add(contribution);
    metrics.push({
      metric,
      weight: goal.weight,
      target: formatMinor(goal.target.minor, exponent),
      actual: formatMinor(goal.actual.minor, exponent),
      rawAttainment: trace(raw),
      capped,
      attainment: trace(counted),
      contribution: trace(contribution),
    });
  }

  const passed = attainment.gte(gate);
  let multiplier: Rational;
  let uncapped: Rational | null = null;
  let branch: PoolMultiplierBranch;
  if (!passed) {
    multiplier = Rational.ZERO;
    branch = 'BELOW_GATE';
  } else if (attainment.lte(Rational.ONE)) {
    multiplier = attainment;
    branch = 'LINEAR';
  } else {
    uncapped = Rational.ONE.add(attainment.sub(Rational.ONE).mul(acceleration));
    // At exactly the cap the branch is ACCELERATED: the cap changed nothing.
    branch = uncapped.gt(maxMultiplier) ? 'CAPPED' : 'ACCELERATED';
    multiplier = uncapped.min(maxMultiplier);
  }

  const exactMinor = Rational.of(pool.baseAmount.minor).mul(multiplier);
  const roundedMinor = exactMinor.roundHalfUp();
  const amount: Money = { minor: roundedMinor, currency: pool.currency };
  return ok({
    amount,
    trace: {
      currency: pool.currency,
      baseAmount: formatMinor(pool.baseAmount.minor, exponent),
      parameters: {
        gate: gate.toFraction(),
        metricCap: metricCap.toFraction(),
        acceleration: acceleration.toFraction(),
        maxMultiplier: maxMultiplier.toFraction(),
      },
      metrics,
      attainment: trace(attainment),
      gate: { threshold: gate.toFraction(), passed },
      multiplier: { ...trace(multiplier), branch, uncapped: uncapped === null ? null : trace(uncapped) },
      exactMinor: trace(exactMinor),
      rounding: {
        mode: 'HALF_UP',
        exponent,
        roundedMinor: roundedMinor.toString(),
        adjustmentMinor: Rational.of(roundedMinor).sub(exactMinor).toFraction(),
      },
      fundedAmount: formatMinor(roundedMinor, exponent),
    },
  });
}
