import Icon from '@mui/icons-material/Lightbulb';
import { lazyScreen } from '../components/lazy';

export const leads = {
  name: 'Lead',
  icon: Icon,
  recordRepresentation: 'title',
  list: lazyScreen(() => import('./LeadList'), 'LeadList'),
  show: lazyScreen(() => import('./LeadShow'), 'LeadShow'),
  edit: lazyScreen(() => import('./LeadEdit'), 'LeadEdit'),
  create: lazyScreen(() => import('./LeadCreate'), 'LeadCreate'),
};

export const leadNurtureActions = {
  name: 'LeadNurtureAction',
  recordRepresentation: 'action',
  edit: lazyScreen(() => import('./NurtureActionEdit'), 'NurtureActionEdit'),
  create: lazyScreen(() => import('./NurtureActionEdit'), 'NurtureActionCreate'),
};
