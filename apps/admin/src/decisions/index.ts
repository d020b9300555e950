import Icon from '@mui/icons-material/Gavel';
import { lazyScreen } from '../components/lazy';

export const decisions = {
  name: 'Decision',
  icon: Icon,
  list: lazyScreen(() => import('./DecisionList'), 'DecisionList'),
  show: lazyScreen(() => import('./DecisionShow'), 'DecisionShow'),
  create: lazyScreen(() => import('./DecisionCreate'), 'DecisionCreate'),
};
