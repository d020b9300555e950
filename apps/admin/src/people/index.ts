import Icon from '@mui/icons-material/People';
import { lazyScreen } from '../components/lazy';
import { personDisplayName } from '../components/personName';

export const people = {
  name: 'Person',
  icon: Icon,
  recordRepresentation: (record: { name?: string; latinName?: string | null }) => personDisplayName(record),
  list: lazyScreen(() => import('./PersonList'), 'PersonList'),
  show: lazyScreen(() => import('./PersonShow'), 'PersonShow'),
  edit: lazyScreen(() => import('./PersonEdit'), 'PersonEdit'),
  create: lazyScreen(() => import('./PersonCreate'), 'PersonCreate'),
};
