import Icon from '@mui/icons-material/TrendingUp';
import { lazyScreen } from '../components/lazy';

export const opportunities = {
  name: 'Opportunity',
  icon: Icon,
  recordRepresentation: 'name',
  list: lazyScreen(() => import('./OpportunityList'), 'OpportunityList'),
  show: lazyScreen(() => import('./OpportunityShow'), 'OpportunityShow'),
  edit: lazyScreen(() => import('./OpportunityEdit'), 'OpportunityEdit'),
};
