import { lazyScreen } from '../components/lazy';

/** No list of its own: shown and added on the pool's page. */
export const poolMetrics = {
  name: 'PoolMetric',
  create: lazyScreen(() => import('./PoolMetricCreate'), 'PoolMetricCreate'),
  edit: lazyScreen(() => import('./PoolMetricEdit'), 'PoolMetricEdit'),
};
