import Icon from '@mui/icons-material/Groups';
import { lazyScreen } from '../components/lazy';

export const decisionBodies = {
  name: 'DecisionBody',
  icon: Icon,
  recordRepresentation: 'name',
  list: lazyScreen(() => import('./DecisionBodyList'), 'DecisionBodyList'),
  show: lazyScreen(() => import('./DecisionBodyShow'), 'DecisionBodyShow'),
  edit: lazyScreen(() => import('./DecisionBodyEdit'), 'DecisionBodyEdit'),
  create: lazyScreen(() => import('./DecisionBodyCreate'), 'DecisionBodyCreate'),
};
