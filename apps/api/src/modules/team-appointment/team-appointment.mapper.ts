// Team appointments → the members of an authorization case's team.
import { AuthorizationTeamMember, TriangleRole } from '@iron-triangle/domain';
import { windowOf } from '../../platform/columns';
import type { TeamAppointment } from './team-appointment.entity';

export function toTeamMember(
  a: Pick<TeamAppointment, 'personId' | 'role' | 'validFrom' | 'validTo'>,
): AuthorizationTeamMember {
  return { personId: String(a.personId), role: a.role as TriangleRole, window: windowOf(a.validFrom, a.validTo) };
}
