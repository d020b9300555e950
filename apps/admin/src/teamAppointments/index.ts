import { createElement } from 'react';
import { TeamAppointmentRepresentation } from '../components/names';
import Icon from '@mui/icons-material/Groups';
import { lazyScreen } from '../components/lazy';

export const teamAppointments = {
  name: 'TeamAppointment',
  icon: Icon,
  recordRepresentation: createElement(TeamAppointmentRepresentation),
  list: lazyScreen(() => import('./TeamAppointmentList'), 'TeamAppointmentList'),
  show: lazyScreen(() => import('./TeamAppointmentShow'), 'TeamAppointmentShow'),
  edit: lazyScreen(() => import('./TeamAppointmentEdit'), 'TeamAppointmentEdit'),
  create: lazyScreen(() => import('./TeamAppointmentCreate'), 'TeamAppointmentCreate'),
};
