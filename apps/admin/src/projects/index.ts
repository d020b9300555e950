import Icon from '@mui/icons-material/Work';
import { lazyScreen } from '../components/lazy';

export const projects = {
  name: 'Project',
  icon: Icon,
  recordRepresentation: 'name',
  list: lazyScreen(() => import('./ProjectList'), 'ProjectList'),
  show: lazyScreen(() => import('./ProjectShow'), 'ProjectShow'),
  edit: lazyScreen(() => import('./ProjectEdit'), 'ProjectEdit'),
  create: lazyScreen(() => import('./ProjectCreate'), 'ProjectCreate'),
};
