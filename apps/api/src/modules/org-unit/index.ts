// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { OrgUnit } from './org-unit.entity';
export { toOrgUnitRecord } from './org-unit.mapper';
export { orgUnitLookup } from './org-unit.lookup';
