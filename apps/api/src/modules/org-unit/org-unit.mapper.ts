// Org units → the domain's org tree records.
import { OrgUnitRecord } from '@iron-triangle/domain';
import type { OrgUnit } from './org-unit.entity';

export function toOrgUnitRecord(u: OrgUnit): OrgUnitRecord {
  return {
    id: String(u.id),
    parentId: u.parentId === null ? null : String(u.parentId),
    code: u.code,
    name: u.name,
  };
}
