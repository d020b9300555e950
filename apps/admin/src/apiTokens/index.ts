import Icon from '@mui/icons-material/Key';
import { lazyScreen } from '../components/lazy';

export const apiTokens = {
  name: 'ApiToken',
  icon: Icon,
  recordRepresentation: 'name',
  list: lazyScreen(() => import('./ApiTokenList'), 'ApiTokenList'),
  edit: lazyScreen(() => import('./ApiTokenEdit'), 'ApiTokenEdit'),
  create: lazyScreen(() => import('./ApiTokenCreate'), 'ApiTokenCreate'),
};
