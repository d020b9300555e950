import { lazyScreen } from '../components/lazy';

/** No list of its own: versions are listed on the role model's page. */
export const roleModelVersions = {
  name: 'RoleModelVersion',
  recordRepresentation: (r: { versionNo?: number }) => `v${r.versionNo ?? '?'}`,
  create: lazyScreen(() => import('./RoleModelVersionCreate'), 'RoleModelVersionCreate'),
  edit: lazyScreen(() => import('./RoleModelVersionEdit'), 'RoleModelVersionEdit'),
};
