// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { Delegation } from './delegation.entity';
export { toDomainDelegation } from './delegation.mapper';
