import Icon from '@mui/icons-material/Badge';
import { lazyScreen } from '../components/lazy';

export const positions = {
  name: 'PositionAssignment',
  icon: Icon,
  recordRepresentation: 'title',
  list: lazyScreen(() => import('./PositionAssignmentList'), 'PositionAssignmentList'),
  show: lazyScreen(() => import('./PositionAssignmentShow'), 'PositionAssignmentShow'),
  edit: lazyScreen(() => import('./PositionAssignmentEdit'), 'PositionAssignmentEdit'),
  create: lazyScreen(() => import('./PositionAssignmentCreate'), 'PositionAssignmentCreate'),
};
