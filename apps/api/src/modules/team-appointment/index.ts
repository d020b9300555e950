// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { TeamAppointment } from './team-appointment.entity';
export { toTeamMember } from './team-appointment.mapper';
