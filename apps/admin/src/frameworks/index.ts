import Icon from '@mui/icons-material/TableChart';
import { lazyScreen } from '../components/lazy';

export const frameworks = {
  name: 'QualificationFramework',
  icon: Icon,
  recordRepresentation: 'name',
  list: lazyScreen(() => import('./QualificationFrameworkList'), 'QualificationFrameworkList'),
  show: lazyScreen(() => import('./QualificationFrameworkShow'), 'QualificationFrameworkShow'),
  edit: lazyScreen(() => import('./QualificationFrameworkEdit'), 'QualificationFrameworkEdit'),
  create: lazyScreen(() => import('./QualificationFrameworkCreate'), 'QualificationFrameworkCreate'),
};
