// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { StaffingRule } from './staffing-rule.entity';
export { toDomainStaffingRule } from './staffing-rule.mapper';
