import { createElement } from 'react';
import { DelegationRepresentation } from '../components/names';
import Icon from '@mui/icons-material/CallSplit';
import { lazyScreen } from '../components/lazy';

export const delegations = {
  name: 'Delegation',
  icon: Icon,
  recordRepresentation: createElement(DelegationRepresentation),
  list: lazyScreen(() => import('./DelegationList'), 'DelegationList'),
  show: lazyScreen(() => import('./DelegationShow'), 'DelegationShow'),
  create: lazyScreen(() => import('./DelegationCreate'), 'DelegationCreate'),
};
