import { createElement } from 'react';
import { PoolMemberRepresentation } from '../components/names';
import { lazyScreen } from '../components/lazy';

/** No list of its own: shown and added on the pool's page. */
export const poolMembers = {
  name: 'PoolMember',
  recordRepresentation: createElement(PoolMemberRepresentation),
  create: lazyScreen(() => import('./PoolMemberCreate'), 'PoolMemberCreate'),
  edit: lazyScreen(() => import('./PoolMemberEdit'), 'PoolMemberEdit'),
};
