// Staffing rules: the minimum qualification level a project of each grade needs in each triangle role.
import { PROJECT_GRADES, ProjectGrade } from '../ltc/ltc';
import { QualificationHeld } from '../qualification/held';
import { TriangleRole, isTriangleRole } from '../roles/roles';
import { DomainError, Result, err, ok } from '../shared/result';

export interface StaffingRule {
  readonly role: TriangleRole;
  readonly grade: ProjectGrade;
  /** The level the appointee must hold at the moment of appointment (1..n of the role's framework). */
  readonly minimumLevel: number;
}

const LEVEL_BY_GRADE: Readonly<Record<ProjectGrade, number>> = { I: 3, II: 2, III: 1 };

/** AR, SR and FR need level 3 on grade I, 2 on grade II, 1 on grade III; supporting roles have no rule. */
export const DEFAULT_STAFFING_RULES: readonly StaffingRule[] = Object.freeze(
  (['AR', 'SR', 'FR'] as const).flatMap((role) =>
    PROJECT_GRADES.map((grade) => Object.freeze({ role, grade, minimumLevel: LEVEL_BY_GRADE[grade] })),
  ),
);

export type StaffingRuleError =
  | DomainError<'STAFFING.UNKNOWN_ROLE', { index: number; role: string }>
  | DomainError<'STAFFING.UNKNOWN_GRADE', { index: number; grade: string }>
  | DomainError<'STAFFING.INVALID_LEVEL', { index: number; minimumLevel: number }>
  | DomainError<'STAFFING.DUPLICATE_RULE', { index: number; role: TriangleRole; grade: ProjectGrade }>;

/** One rule per role and grade, a known role and grade, and a whole minimum level of at least 1. */
export function validateStaffingRules(
  rules: readonly StaffingRule[],
): Result<readonly StaffingRule[], StaffingRuleError[]> {
  const errors: StaffingRuleError[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (!isTriangleRole(rule.role)) errors.push({ code: 'STAFFING.UNKNOWN_ROLE', data: { index, role: rule.role } });
    if (!(PROJECT_GRADES as readonly string[]).includes(rule.grade))
      errors.push({ code: 'STAFFING.UNKNOWN_GRADE', data: { index, grade: rule.grade } });
    if (!Number.isInteger(rule.minimumLevel) || rule.minimumLevel < 1)
      errors.push({ code: 'STAFFING.INVALID_LEVEL', data: { index, minimumLevel: rule.minimumLevel } });
    const key = `${rule.role}/${rule.grade}`;
    if (seen.has(key))
      errors.push({ code: 'STAFFING.DUPLICATE_RULE', data: { index, role: rule.role, grade: rule.grade } });
    seen.add(key);
  });
  return errors.length === 0 ? ok(rules) : err(errors);
}

/** The level a role needs on a grade; null when no rule covers it. Overlapping rules: the strictest wins. */
export function minimumLevelFor(
  rules: readonly StaffingRule[],
  role: TriangleRole,
  grade: ProjectGrade,
): number | null {
  let required: number | null = null;
  for (const rule of rules) {
    if (rule.role === role && rule.grade === grade && (required === null || rule.minimumLevel > required))
      required = rule.minimumLevel;
  }
  return required;
}

export type StaffingRefusal =
  | DomainError<'STAFFING.BELOW_MINIMUM', { role: TriangleRole; grade: ProjectGrade; required: number; held: number }>
  | DomainError<
      'STAFFING.NOT_QUALIFIED',
      {
        role: TriangleRole;
        grade: ProjectGrade;
        required: number;
        reason: 'NEVER_ASSESSED' | 'EXPIRED' | 'NO_LEVEL_REACHED';
        /** Set when the reason is EXPIRED. */
        expiredAt: Date | null;
        /** The level the expired qualification had. */
        level: number | null;
        assessmentId: string | null;
      }
    >;

export interface AppointmentCheck {
  /** The person's qualification in `role` at the appointment's moment: `qualificationAt(records, person, role, at)`. */
  readonly qualification: QualificationHeld;
  readonly role: TriangleRole;
  readonly grade: ProjectGrade;
  readonly rules: readonly StaffingRule[];
}

export interface AppointmentClearance {
  readonly role: TriangleRole;
  readonly grade: ProjectGrade;
  /** null: no rule for this role and grade (e.g. a Sponsor). */
  readonly required: number | null;
  readonly held: number | null;
}

/** Whether the person may be appointed to `role` on a project of `grade`; or every reason not. */
export function checkAppointment(check: AppointmentCheck): Result<AppointmentClearance, StaffingRefusal[]> {
  const { qualification, role, grade } = check;
  const required = minimumLevelFor(check.rules, role, grade);
  const held = qualification.held ? qualification.level : null;
  if (required === null) return ok({ role, grade, required, held });
  if (!qualification.held) {
    return err([
      {
        code: 'STAFFING.NOT_QUALIFIED',
        data: {
          role,
          grade,
          required,
          reason: qualification.reason,
          expiredAt: qualification.reason === 'EXPIRED' ? qualification.expiredAt : null,
          level: qualification.reason === 'EXPIRED' ? qualification.level : null,
          assessmentId: qualification.reason === 'NEVER_ASSESSED' ? null : qualification.assessmentId,
        },
      },
    ]);
  }
  if (qualification.level < required)
    return err([{ code: 'STAFFING.BELOW_MINIMUM', data: { role, grade, required, held: qualification.level } }]);
  return ok({ role, grade, required, held });
}
