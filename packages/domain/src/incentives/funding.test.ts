import { unwrap } from '../shared/result';
import { fundPool, parsePoolFundingRule, PoolFundingInput } from './funding';
import { PoolMetricGoal } from './pool';
import { cny, evenMetrics, goal } from './testing/fixtures';

const BASE = 100_000_00n; // 100,000.00 CNY

/** Every metric at attainment actual/target (weights 40/30/30). */
const pool = (
  actual: bigint | number,
  target: bigint | number = 1_000_000,
  overrides: Partial<PoolFundingInput> = {},
): PoolFundingInput => ({
  currency: 'CNY',
  baseAmount: cny(BASE),
  metrics: evenMetrics(target, actual),
  ...overrides,
});

const fund = (input: PoolFundingInput) => unwrap(fundPool(input));
const code = (input: PoolFundingInput) => {
  const result = fundPool(input);
  return result.ok ? 'OK' : result.error.code;
};

describe('fundPool: each branch at its boundary', () => {
  it('funds nothing just below the gate', () => {
    // 40 % and 30 % at 0.6, cash one unit short: attainment just under 0.6.
    const result = fund(
      pool(0, 1, { metrics: { ...evenMetrics(1_000_000, 600_000), CASH: goal(1_000_000, 599_999, 30) } }),
    );
    expect(result.amount).toEqual(cny(0));
    expect(result.trace.gate).toEqual({ threshold: '3/5', passed: false });
    expect(result.trace.multiplier.branch).toBe('BELOW_GATE');
    expect(result.trace.attainment.exact).toBe('5999997/10000000');
    expect(result.trace.attainment.display).toBe('0.6000');
  });

  it('funds at exactly the gate, linearly', () => {
    const result = fund(pool(600_000));
    expect(result.trace.gate.passed).toBe(true);
    expect(result.trace.attainment).toEqual({ exact: '3/5', display: '0.6000' });
    expect(result.trace.multiplier).toMatchObject({ exact: '3/5', branch: 'LINEAR', uncapped: null });
    expect(result.amount).toEqual(cny(60_000_00));
  });

  it('pays the attainment at exactly 1', () => {
    const result = fund(pool(1_000_000));
    expect(result.trace.multiplier).toMatchObject({ exact: '1', display: '1.0000', branch: 'LINEAR' });
    expect(result.amount).toEqual(cny(BASE));
  });

  it('accelerates just above 1', () => {
    const result = fund(pool(1_100_000));
    expect(result.trace.multiplier).toMatchObject({ exact: '23/20', display: '1.1500', branch: 'ACCELERATED' });
    expect(result.amount).toEqual(cny(115_000_00));
  });

  it('reaches maxMultiplier exactly at attainment 5/3 without the cap acting', () => {
    const result = fund(pool(5, 3));
    expect(result.trace.attainment.exact).toBe('5/3');
    expect(result.trace.multiplier).toMatchObject({
      exact: '2',
      branch: 'ACCELERATED',
      uncapped: { exact: '2', display: '2.0000' },
    });
    expect(result.amount).toEqual(cny(200_000_00));
  });

  it('caps the multiplier above maxMultiplier', () => {
    const result = fund(pool(1_800_000));
    expect(result.trace.multiplier).toMatchObject({ exact: '2', branch: 'CAPPED', uncapped: { exact: '11/5' } });
    expect(result.amount).toEqual(cny(200_000_00));
  });

  it('caps a metric above metricCap, and not one exactly at it', () => {
    const result = fund(
      pool(0, 1, { metrics: { ORDERS: goal(100, 300, 40), REVENUE: goal(100, 200, 30), CASH: goal(100, 0, 30) } }),
    );
    const [orders, revenue, cash] = result.trace.metrics;
    expect(orders).toMatchObject({
      metric: 'ORDERS',
      rawAttainment: { exact: '3', display: '3.0000' },
      capped: true,
      attainment: { exact: '2' },
      contribution: { exact: '4/5' },
    });
    expect(revenue).toMatchObject({
      metric: 'REVENUE',
      capped: false,
      attainment: { exact: '2' },
      contribution: { exact: '3/5' },
    });
    expect(cash).toMatchObject({ metric: 'CASH', capped: false, attainment: { exact: '0', display: '0.0000' } });
    // 0.8 + 0.6 + 0 = 1.4 → 1 + 0.4 × 1.5 = 1.6
    expect(result.trace.attainment.exact).toBe('7/5');
    expect(result.amount).toEqual(cny(160_000_00));
  });

  it('shows each metric attainment as an exact fraction and a 4-decimal display', () => {
    const result = fund(
      pool(0, 1, { metrics: { ORDERS: goal(4, 3, 40), REVENUE: goal(3, 2, 30), CASH: goal(1, 1, 30) } }),
    );
    expect(result.trace.metrics.map((m) => [m.attainment.exact, m.attainment.display])).toEqual([
      ['3/4', '0.7500'],
      ['2/3', '0.6667'],
      ['1', '1.0000'],
    ]);
    expect(result.trace.metrics[0]).toMatchObject({ weight: 40, target: '0.04', actual: '0.03' });
  });

  it('rounds once, half up, at exactly half a minor unit and down just below it (CNY)', () => {
    // base 10,000.05 CNY × 0.7 = 7,000.035 CNY = 700,003.5 fen → 700,004.
    const base = cny(1_000_005);
    const at = (actual: number) =>
      fund({
        currency: 'CNY',
        baseAmount: base,
        metrics: { ORDERS: goal(1_000_005_000, actual, 100), REVENUE: goal(1, 0, 0), CASH: goal(1, 0, 0) },
      });
    const half = at(700_003_500);
    expect(half.trace.exactMinor).toEqual({ exact: '1400007/2', display: '700003.5000' });
    expect(half.trace.rounding).toEqual({
      mode: 'HALF_UP',
      exponent: 2,
      roundedMinor: '700004',
      adjustmentMinor: '1/2',
    });
    expect(half.amount).toEqual(cny(700_004));
    expect(half.trace.fundedAmount).toBe('7000.04');
    const below = at(700_003_499);
    expect(below.trace.exactMinor.exact).toBe('700003499/1000');
    expect(below.trace.rounding.adjustmentMinor).toBe('-499/1000');
    expect(below.amount).toEqual(cny(700_003));
  });

  it('rounds to whole yen for JPY (exponent 0), half up and just below', () => {
    const jpy = (minor: number) => ({ minor: BigInt(minor), currency: 'JPY' });
    const at = (actual: number) =>
      fund({
        currency: 'JPY',
        baseAmount: jpy(1_000_005),
        metrics: {
          ORDERS: goal(1_000_005_000, actual, 100, 'JPY'),
          REVENUE: goal(1, 0, 0, 'JPY'),
          CASH: goal(1, 0, 0, 'JPY'),
        },
      });
    const half = at(700_003_500);
    expect(half.amount).toEqual(jpy(700_004));
    expect(half.trace).toMatchObject({ baseAmount: '1000005', fundedAmount: '700004', rounding: { exponent: 0 } });
    expect(at(700_003_499).amount).toEqual(jpy(700_003));
  });

  it('honours per-pool parameters, given as exact decimals or fractions', () => {
    const rule = { gate: '0.8', metricCap: '1.5', acceleration: '2', maxMultiplier: '1.5' };
    expect(fund(pool(700_000, 1_000_000, { rule })).amount).toEqual(cny(0));
    expect(fund(pool(1_100_000, 1_000_000, { rule })).trace.multiplier).toMatchObject({
      exact: '6/5',
      branch: 'ACCELERATED',
    });
    expect(fund(pool(1_400_000, 1_000_000, { rule })).trace.multiplier).toMatchObject({
      exact: '3/2',
      branch: 'CAPPED',
    });
    expect(fund(pool(1_000_000, 1_000_000, { rule: { acceleration: '1/3' } })).trace.parameters).toEqual({
      gate: '3/5',
      metricCap: '2',
      acceleration: '1/3',
      maxMultiplier: '2',
    });
    // gate 0 funds any attainment, even 0.
    expect(fund(pool(0, 1_000_000, { rule: { gate: '0' } })).trace).toMatchObject({
      gate: { passed: true },
      multiplier: { branch: 'LINEAR', exact: '0' },
    });
  });

  it('funds a base of 0 as 0', () => {
    expect(fund(pool(1_000_000, 1_000_000, { baseAmount: cny(0) })).amount).toEqual(cny(0));
  });
});

describe('fundPool: validation', () => {
  const metrics = evenMetrics(1_000_000, 1_000_000);
  const withMetric = (metric: 'ORDERS' | 'REVENUE' | 'CASH', value: PoolMetricGoal) =>
    pool(0, 1, { metrics: { ...metrics, [metric]: value } });

  it('refuses weights not summing to 100, or not whole percents', () => {
    const result = fundPool(withMetric('CASH', goal(1, 1, 20)));
    expect(result).toEqual({
      ok: false,
      error: { code: 'POOL.WEIGHTS_NOT_100', data: { total: 90, weights: { ORDERS: 40, REVENUE: 30, CASH: 20 } } },
    });
    expect(code(withMetric('CASH', goal(1, 1, 30.5)))).toBe('POOL.INVALID_METRIC_WEIGHT');
    expect(code(withMetric('CASH', goal(1, 1, -10)))).toBe('POOL.INVALID_METRIC_WEIGHT');
    expect(code(withMetric('CASH', goal(1, 1, 130)))).toBe('POOL.INVALID_METRIC_WEIGHT');
  });

  it('refuses a target ≤ 0 and an actual < 0', () => {
    expect(fundPool(withMetric('REVENUE', goal(0, 1, 30)))).toEqual({
      ok: false,
      error: { code: 'POOL.INVALID_TARGET', data: { metric: 'REVENUE', targetMinor: '0' } },
    });
    expect(code(withMetric('REVENUE', goal(-5, 1, 30)))).toBe('POOL.INVALID_TARGET');
    expect(fundPool(withMetric('CASH', goal(1, -1, 30)))).toEqual({
      ok: false,
      error: { code: 'POOL.INVALID_ACTUAL', data: { metric: 'CASH', actualMinor: '-1' } },
    });
  });

  it('refuses a missing metric', () => {
    const { CASH: _cash, ...two } = metrics;
    expect(code(pool(0, 1, { metrics: two as typeof metrics }))).toBe('POOL.METRIC_MISSING');
  });

  it('refuses currency mismatches, an unknown currency and a negative base', () => {
    expect(fundPool(withMetric('ORDERS', goal(1, 1, 40, 'USD')))).toEqual({
      ok: false,
      error: {
        code: 'POOL.CURRENCY_MISMATCH',
        data: { field: 'metrics.ORDERS.target', expected: 'CNY', actual: 'USD' },
      },
    });
    expect(code(withMetric('ORDERS', { target: cny(1), actual: { minor: 1n, currency: 'USD' }, weight: 40 }))).toBe(
      'POOL.CURRENCY_MISMATCH',
    );
    expect(fundPool(pool(1, 1, { baseAmount: { minor: 1n, currency: 'USD' } }))).toMatchObject({
      error: { code: 'POOL.CURRENCY_MISMATCH', data: { field: 'baseAmount' } },
    });
    expect(code(pool(1, 1, { currency: 'XXX' }))).toBe('POOL.UNKNOWN_CURRENCY');
    expect(code(pool(1, 1, { baseAmount: cny(-1) }))).toBe('POOL.INVALID_BASE_AMOUNT');
  });

  it.each([
    [{ gate: '-0.1' }, 'gate', '>= 0'],
    [{ metricCap: '0' }, 'metricCap', '> 0'],
    [{ metricCap: '-1' }, 'metricCap', '> 0'],
    [{ acceleration: '-0.5' }, 'acceleration', '>= 0'],
    [{ maxMultiplier: '0.99' }, 'maxMultiplier', '>= 1'],
    [{ gate: '0,6' }, 'gate', 'decimal'],
    [{ acceleration: '1.5e0' }, 'acceleration', 'decimal'],
  ])('refuses the parameter %j', (rule, parameter, constraint) => {
    expect(fundPool(pool(1, 1, { rule }))).toEqual({
      ok: false,
      error: { code: 'POOL.INVALID_PARAMETER', data: { parameter, value: Object.values(rule)[0], constraint } },
    });
  });

  it('accepts parameters at their limits', () => {
    expect(
      unwrap(
        parsePoolFundingRule({ gate: '0', acceleration: '0', maxMultiplier: '1', metricCap: '0.0001' }),
      ).maxMultiplier.toFraction(),
    ).toBe('1');
    expect(unwrap(parsePoolFundingRule()).gate.toFraction()).toBe('3/5');
  });
});
