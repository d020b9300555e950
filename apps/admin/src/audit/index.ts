import Icon from '@mui/icons-material/History';
import { lazyScreen } from '../components/lazy';

export const audit = {
  name: 'AuditEntry',
  icon: Icon,
  list: lazyScreen(() => import('./AuditEntryList'), 'AuditEntryList'),
};
