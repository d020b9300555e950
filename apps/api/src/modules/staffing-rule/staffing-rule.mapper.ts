// Staffing rules → the domain's staffing rules (what checkAppointment reads).
import { ProjectGrade, StaffingRule as DomainStaffingRule, TriangleRole } from '@iron-triangle/domain';
import type { StaffingRule } from './staffing-rule.entity';

export function toDomainStaffingRule(r: StaffingRule): DomainStaffingRule {
  return { role: r.role as TriangleRole, grade: r.grade as ProjectGrade, minimumLevel: r.minLevel };
}
