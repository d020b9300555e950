import Icon from '@mui/icons-material/Key';
import { lazyScreen } from '../components/lazy';

/** Tokens are created and revoked (deleted), never edited. */
export const apiTokens = {
  name: 'ApiToken',
  icon: Icon,
  recordRepresentation: 'name',
  list: lazyScreen(() => import('./ApiTokenList'), 'ApiTokenList'),
  create: lazyScreen(() => import('./ApiTokenCreate'), 'ApiTokenCreate'),
};
