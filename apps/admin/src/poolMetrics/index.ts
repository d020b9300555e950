import { createElement } from 'react';
import { PoolMetricRepresentation } from '../components/names';
import { lazyScreen } from '../components/lazy';

/** No list of its own: shown and added on the pool's page. */
export const poolMetrics = {
  name: 'PoolMetric',
  recordRepresentation: createElement(PoolMetricRepresentation),
  create: lazyScreen(() => import('./PoolMetricCreate'), 'PoolMetricCreate'),
  edit: lazyScreen(() => import('./PoolMetricEdit'), 'PoolMetricEdit'),
};
