import { createElement } from 'react';
import { StaffingRuleRepresentation } from '../components/names';
import Icon from '@mui/icons-material/Rule';
import { lazyScreen } from '../components/lazy';

export const staffingRules = {
  name: 'StaffingRule',
  icon: Icon,
  recordRepresentation: createElement(StaffingRuleRepresentation),
  list: lazyScreen(() => import('./StaffingRuleList'), 'StaffingRuleList'),
  show: lazyScreen(() => import('./StaffingRuleShow'), 'StaffingRuleShow'),
  edit: lazyScreen(() => import('./StaffingRuleEdit'), 'StaffingRuleEdit'),
  create: lazyScreen(() => import('./StaffingRuleCreate'), 'StaffingRuleCreate'),
};
