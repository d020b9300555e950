import Icon from '@mui/icons-material/AccountTree';
import { lazyScreen } from '../components/lazy';

export const orgUnits = {
  name: 'OrgUnit',
  icon: Icon,
  recordRepresentation: 'name',
  list: lazyScreen(() => import('./OrgUnitList'), 'OrgUnitList'),
  show: lazyScreen(() => import('./OrgUnitShow'), 'OrgUnitShow'),
  edit: lazyScreen(() => import('./OrgUnitEdit'), 'OrgUnitEdit'),
  create: lazyScreen(() => import('./OrgUnitCreate'), 'OrgUnitCreate'),
};
