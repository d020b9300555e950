import { createElement } from 'react';
import { DecisionRepresentation } from '../components/names';
import Icon from '@mui/icons-material/Gavel';
import { lazyScreen } from '../components/lazy';

export const decisions = {
  name: 'Decision',
  recordRepresentation: createElement(DecisionRepresentation),
  icon: Icon,
  list: lazyScreen(() => import('./DecisionList'), 'DecisionList'),
  show: lazyScreen(() => import('./DecisionShow'), 'DecisionShow'),
  create: lazyScreen(() => import('./DecisionCreate'), 'DecisionCreate'),
};
