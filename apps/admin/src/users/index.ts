import Icon from '@mui/icons-material/Person';
import { lazyScreen } from '../components/lazy';

export const users = {
  name: 'User',
  icon: Icon,
  recordRepresentation: 'email',
  list: lazyScreen(() => import('./UserList'), 'UserList'),
  edit: lazyScreen(() => import('./UserEdit'), 'UserEdit'),
  create: lazyScreen(() => import('./UserCreate'), 'UserCreate'),
};
