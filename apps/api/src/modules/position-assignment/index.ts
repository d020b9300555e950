// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { PositionAssignment } from './position-assignment.entity';
export { toAuthorityPosition } from './position-assignment.mapper';
