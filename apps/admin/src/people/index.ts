import Icon from '@mui/icons-material/People';
import { lazyScreen } from '../components/lazy';

export const people = {
  name: 'Person',
  icon: Icon,
  recordRepresentation: 'name',
  list: lazyScreen(() => import('./PersonList'), 'PersonList'),
  show: lazyScreen(() => import('./PersonShow'), 'PersonShow'),
  edit: lazyScreen(() => import('./PersonEdit'), 'PersonEdit'),
  create: lazyScreen(() => import('./PersonCreate'), 'PersonCreate'),
};
