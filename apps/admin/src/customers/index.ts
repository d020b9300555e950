import Icon from '@mui/icons-material/Business';
import { lazyScreen } from '../components/lazy';

export const customers = {
  name: 'Customer',
  icon: Icon,
  recordRepresentation: 'name',
  list: lazyScreen(() => import('./CustomerList'), 'CustomerList'),
  show: lazyScreen(() => import('./CustomerShow'), 'CustomerShow'),
  edit: lazyScreen(() => import('./CustomerEdit'), 'CustomerEdit'),
  create: lazyScreen(() => import('./CustomerCreate'), 'CustomerCreate'),
};
