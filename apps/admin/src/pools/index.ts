import Icon from '@mui/icons-material/Savings';
import { lazyScreen } from '../components/lazy';

export const pools = {
  name: 'IncentivePool',
  icon: Icon,
  recordRepresentation: 'name',
  list: lazyScreen(() => import('./IncentivePoolList'), 'IncentivePoolList'),
  show: lazyScreen(() => import('./IncentivePoolShow'), 'IncentivePoolShow'),
  edit: lazyScreen(() => import('./IncentivePoolEdit'), 'IncentivePoolEdit'),
  create: lazyScreen(() => import('./IncentivePoolCreate'), 'IncentivePoolCreate'),
};
