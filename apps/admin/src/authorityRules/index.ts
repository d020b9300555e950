import Icon from '@mui/icons-material/Policy';
import { lazyScreen } from '../components/lazy';

export const authorityRules = {
  name: 'AuthorityRule',
  icon: Icon,
  recordRepresentation: 'name',
  list: lazyScreen(() => import('./AuthorityRuleList'), 'AuthorityRuleList'),
  show: lazyScreen(() => import('./AuthorityRuleShow'), 'AuthorityRuleShow'),
  edit: lazyScreen(() => import('./AuthorityRuleEdit'), 'AuthorityRuleEdit'),
  create: lazyScreen(() => import('./AuthorityRuleCreate'), 'AuthorityRuleCreate'),
};
