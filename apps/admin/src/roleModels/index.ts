import Icon from '@mui/icons-material/School';
import { lazyScreen } from '../components/lazy';

export const roleModels = {
  name: 'RoleModel',
  icon: Icon,
  recordRepresentation: 'name',
  list: lazyScreen(() => import('./RoleModelList'), 'RoleModelList'),
  show: lazyScreen(() => import('./RoleModelShow'), 'RoleModelShow'),
  edit: lazyScreen(() => import('./RoleModelEdit'), 'RoleModelEdit'),
  create: lazyScreen(() => import('./RoleModelCreate'), 'RoleModelCreate'),
};
