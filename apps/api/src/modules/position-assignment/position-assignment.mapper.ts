// Position assignments → the engine's positions.
import { AuthorityPosition } from '@iron-triangle/domain';
import { windowOf } from '../../platform/columns';
import type { PositionAssignment } from './position-assignment.entity';

export function toAuthorityPosition(p: PositionAssignment): AuthorityPosition {
  return {
    id: String(p.id),
    personId: String(p.personId),
    title: p.title,
    orgUnitId: String(p.orgUnitId),
    window: windowOf(p.validFrom, p.validTo),
  };
}
