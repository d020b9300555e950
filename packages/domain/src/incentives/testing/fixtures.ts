// Test builders for pools; not exported from the package.
import { Money } from '../../money/money';
import { IncentivePool, PoolMemberInput, PoolMetric, PoolMetricGoal } from '../pool';

export const cny = (minor: bigint | number): Money => ({ minor: BigInt(minor), currency: 'CNY' });

export const goal = (
  target: bigint | number,
  actual: bigint | number,
  weight: number,
  currency = 'CNY',
): PoolMetricGoal => ({
  target: { minor: BigInt(target), currency },
  actual: { minor: BigInt(actual), currency },
  weight,
});

/** Every metric at the same attainment actual/target, weights 40/30/30. */
export const evenMetrics = (
  target: bigint | number,
  actual: bigint | number,
  currency = 'CNY',
): Record<PoolMetric, PoolMetricGoal> => ({
  ORDERS: goal(target, actual, 40, currency),
  REVENUE: goal(target, actual, 30, currency),
  CASH: goal(target, actual, 30, currency),
});

export const triangle: readonly PoolMemberInput[] = [
  { id: '1', personId: 'p-ar', role: 'AR', rating: 'A', participation: '1' },
  { id: '2', personId: 'p-sr', role: 'SR', rating: 'B', participation: '1' },
  { id: '3', personId: 'p-fr', role: 'FR', rating: 'B+', participation: '1' },
];

export function draftPool(overrides: Partial<IncentivePool> = {}): IncentivePool {
  return {
    id: 'pool-1',
    name: 'East region 2026',
    team: { kind: 'PROJECT', id: 'prj-1' },
    period: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') },
    currency: 'CNY',
    baseAmount: cny(100_000_00),
    metrics: evenMetrics(1_000_000_00, 1_000_000_00),
    members: triangle,
    status: 'DRAFT',
    ...overrides,
  };
}
