// A qualification framework (任职资格标准): levels for one role, each with requirements, tied to one role-model version.
import { DomainError, Result, err, ok } from '../shared/result';
import { Locale, LocalizedText, missingLocales } from '../shared/text';
import { RoleModel, RoleModelRef } from '../roles/roleModel';
import { TriangleRole } from '../roles/roles';
import { PerformanceGate, gateAtLeastAsStrict, isPerformanceRating } from './performance';

/** Proficiency is rated 1..5 per dimension. */
export const MIN_PROFICIENCY = 1;
export const MAX_PROFICIENCY = 5;

/** The usual five levels (DOMAIN.md §3). */
export const DEFAULT_LEVEL_NAMES: readonly LocalizedText[] = Object.freeze([
  { 'zh-CN': '初做者', en: 'Beginner' },
  { 'zh-CN': '有经验者', en: 'Experienced' },
  { 'zh-CN': '骨干', en: 'Backbone' },
  { 'zh-CN': '专家', en: 'Expert' },
  { 'zh-CN': '资深专家', en: 'Senior Expert' },
]);

export interface QualificationLevel {
  /** 1..n, contiguous. */
  readonly level: number;
  readonly name: LocalizedText;
  /** Minimum proficiency (1..5) for every dimension of the role model, by dimension code. */
  readonly minProficiency: Readonly<Record<string, number>>;
  /** Minimum whole months in the role. */
  readonly minTenureMonths: number;
  /** Minimum completed projects in the role. */
  readonly minProjects: number;
  /** null: no performance gate. */
  readonly gate: PerformanceGate | null;
}

export interface QualificationFramework {
  /** Stable across versions. */
  readonly id: string;
  readonly version: number;
  readonly role: TriangleRole;
  readonly name: LocalizedText;
  /** The role-model version whose dimensions the levels use. */
  readonly roleModel: RoleModelRef;
  /** Ascending by level. */
  readonly levels: readonly QualificationLevel[];
  /** A certification counts for this many calendar months from the assessment. */
  readonly validityMonths: number;
  /** Panel assessments always certify; manager assessments only when this is set; self-assessments never. */
  readonly managerMayCertify: boolean;
}

export interface QualificationFrameworkRef {
  readonly id: string;
  readonly version: number;
}

export type FrameworkRequirement = 'PROFICIENCY' | 'TENURE' | 'PROJECTS' | 'GATE';

export type QualificationFrameworkError =
  | DomainError<'FRAMEWORK.INVALID_ID', { id: string }>
  | DomainError<'FRAMEWORK.INVALID_VERSION', { version: number }>
  | DomainError<'FRAMEWORK.MISSING_NAME', { level: number | null; locale: Locale }>
  | DomainError<'FRAMEWORK.ROLE_MISMATCH', { role: TriangleRole; roleModelRole: TriangleRole }>
  | DomainError<'FRAMEWORK.ROLE_MODEL_MISMATCH', { expected: RoleModelRef; actual: RoleModelRef }>
  | DomainError<'FRAMEWORK.INVALID_VALIDITY', { validityMonths: number }>
  | DomainError<'FRAMEWORK.NO_LEVELS', Record<string, never>>
  | DomainError<'FRAMEWORK.LEVELS_NOT_CONTIGUOUS', { position: number; expected: number; found: number }>
  | DomainError<'FRAMEWORK.MISSING_DIMENSION', { level: number; dimension: string }>
  | DomainError<'FRAMEWORK.UNKNOWN_DIMENSION', { level: number; dimension: string }>
  | DomainError<
      'FRAMEWORK.PROFICIENCY_OUT_OF_RANGE',
      { level: number; dimension: string; value: number; min: number; max: number }
    >
  | DomainError<'FRAMEWORK.INVALID_REQUIREMENT', { level: number; requirement: FrameworkRequirement; value: unknown }>
  | DomainError<
      'FRAMEWORK.REQUIREMENT_DECREASES',
      {
        level: number;
        requirement: FrameworkRequirement;
        dimension: string | null;
        previous: number | PerformanceGate | null;
        value: number | PerformanceGate | null;
      }
    >;

const isCount = (value: number) => Number.isInteger(value) && value >= 0;

function levelErrors(level: QualificationLevel, dimensions: readonly string[]): QualificationFrameworkError[] {
  const errors: QualificationFrameworkError[] = [];
  const at = level.level;
  for (const locale of missingLocales(level.name))
    errors.push({ code: 'FRAMEWORK.MISSING_NAME', data: { level: at, locale } });
  for (const dimension of dimensions) {
    if (!Object.prototype.hasOwnProperty.call(level.minProficiency, dimension)) {
      errors.push({ code: 'FRAMEWORK.MISSING_DIMENSION', data: { level: at, dimension } });
    }
  }
  for (const [dimension, value] of Object.entries(level.minProficiency)) {
    if (!dimensions.includes(dimension))
      errors.push({ code: 'FRAMEWORK.UNKNOWN_DIMENSION', data: { level: at, dimension } });
    else if (!Number.isInteger(value) || value < MIN_PROFICIENCY || value > MAX_PROFICIENCY) {
      errors.push({
        code: 'FRAMEWORK.PROFICIENCY_OUT_OF_RANGE',
        data: { level: at, dimension, value, min: MIN_PROFICIENCY, max: MAX_PROFICIENCY },
      });
    }
  }
  if (!isCount(level.minTenureMonths))
    errors.push({
      code: 'FRAMEWORK.INVALID_REQUIREMENT',
      data: { level: at, requirement: 'TENURE', value: level.minTenureMonths },
    });
  if (!isCount(level.minProjects))
    errors.push({
      code: 'FRAMEWORK.INVALID_REQUIREMENT',
      data: { level: at, requirement: 'PROJECTS', value: level.minProjects },
    });
  if (
    level.gate !== null &&
    (!Number.isInteger(level.gate.periods) || level.gate.periods < 1 || !isPerformanceRating(level.gate.minimumRating))
  ) {
    errors.push({ code: 'FRAMEWORK.INVALID_REQUIREMENT', data: { level: at, requirement: 'GATE', value: level.gate } });
  }
  return errors;
}

/** A level may never ask less than the level below it. */
function decreaseErrors(
  previous: QualificationLevel,
  level: QualificationLevel,
  dimensions: readonly string[],
): QualificationFrameworkError[] {
  const errors: QualificationFrameworkError[] = [];
  const decrease = (
    requirement: FrameworkRequirement,
    dimension: string | null,
    before: number | PerformanceGate | null,
    value: number | PerformanceGate | null,
  ) =>
    errors.push({
      code: 'FRAMEWORK.REQUIREMENT_DECREASES',
      data: { level: level.level, requirement, dimension, previous: before, value },
    });
  for (const dimension of dimensions) {
    const before = previous.minProficiency[dimension];
    const value = level.minProficiency[dimension];
    if (before !== undefined && value !== undefined && value < before)
      decrease('PROFICIENCY', dimension, before, value);
  }
  if (level.minTenureMonths < previous.minTenureMonths)
    decrease('TENURE', null, previous.minTenureMonths, level.minTenureMonths);
  if (level.minProjects < previous.minProjects) decrease('PROJECTS', null, previous.minProjects, level.minProjects);
  if (!gateAtLeastAsStrict(level.gate, previous.gate)) decrease('GATE', null, previous.gate, level.gate);
  return errors;
}

/** Every problem with a framework against the role-model version it names. */
export function validateQualificationFramework(
  framework: QualificationFramework,
  roleModel: RoleModel,
): Result<QualificationFramework, QualificationFrameworkError[]> {
  const errors: QualificationFrameworkError[] = [];
  if (typeof framework.id !== 'string' || framework.id.trim() === '')
    errors.push({ code: 'FRAMEWORK.INVALID_ID', data: { id: framework.id } });
  if (!Number.isInteger(framework.version) || framework.version < 1)
    errors.push({ code: 'FRAMEWORK.INVALID_VERSION', data: { version: framework.version } });
  for (const locale of missingLocales(framework.name))
    errors.push({ code: 'FRAMEWORK.MISSING_NAME', data: { level: null, locale } });
  if (framework.role !== roleModel.role)
    errors.push({ code: 'FRAMEWORK.ROLE_MISMATCH', data: { role: framework.role, roleModelRole: roleModel.role } });
  if (framework.roleModel.id !== roleModel.id || framework.roleModel.version !== roleModel.version) {
    errors.push({
      code: 'FRAMEWORK.ROLE_MODEL_MISMATCH',
      data: { expected: framework.roleModel, actual: { id: roleModel.id, version: roleModel.version } },
    });
  }
  if (!Number.isInteger(framework.validityMonths) || framework.validityMonths < 1) {
    errors.push({ code: 'FRAMEWORK.INVALID_VALIDITY', data: { validityMonths: framework.validityMonths } });
  }
  if (framework.levels.length === 0) errors.push({ code: 'FRAMEWORK.NO_LEVELS', data: {} });
  const dimensions = roleModel.dimensions.map((dimension) => dimension.code);
  framework.levels.forEach((level, index) => {
    if (level.level !== index + 1)
      errors.push({
        code: 'FRAMEWORK.LEVELS_NOT_CONTIGUOUS',
        data: { position: index, expected: index + 1, found: level.level },
      });
    errors.push(...levelErrors(level, dimensions));
    const previous = framework.levels[index - 1];
    if (previous !== undefined) errors.push(...decreaseErrors(previous, level, dimensions));
  });
  return errors.length === 0 ? ok(framework) : err(errors);
}

function freezeFramework(framework: QualificationFramework): QualificationFramework {
  return Object.freeze({
    ...framework,
    name: Object.freeze({ ...framework.name }),
    roleModel: Object.freeze({ id: framework.roleModel.id, version: framework.roleModel.version }),
    levels: Object.freeze(
      framework.levels.map((level) =>
        Object.freeze({
          ...level,
          name: Object.freeze({ ...level.name }),
          minProficiency: Object.freeze({ ...level.minProficiency }),
          gate: level.gate === null ? null : Object.freeze({ ...level.gate }),
        }),
      ),
    ),
  });
}

/** A validated, frozen framework. */
export function defineQualificationFramework(
  framework: QualificationFramework,
  roleModel: RoleModel,
): Result<QualificationFramework, QualificationFrameworkError[]> {
  const checked = validateQualificationFramework(framework, roleModel);
  return checked.ok ? ok(freezeFramework(framework)) : checked;
}

export interface QualificationFrameworkEdit {
  readonly name?: LocalizedText;
  readonly levels?: readonly QualificationLevel[];
  readonly validityMonths?: number;
  readonly managerMayCertify?: boolean;
}

/**
 * The next version of `framework` with `edit` applied, tied to `roleModel` (the same version, or a newer one of
 * the same model). The old version stays as it was: assessments made on it keep pointing at it.
 */
export function reviseQualificationFramework(
  framework: QualificationFramework,
  edit: QualificationFrameworkEdit,
  roleModel: RoleModel,
): Result<QualificationFramework, QualificationFrameworkError[]> {
  if (roleModel.id !== framework.roleModel.id) {
    return err([
      {
        code: 'FRAMEWORK.ROLE_MODEL_MISMATCH',
        data: { expected: framework.roleModel, actual: { id: roleModel.id, version: roleModel.version } },
      },
    ]);
  }
  return defineQualificationFramework(
    {
      ...framework,
      version: framework.version + 1,
      roleModel: { id: roleModel.id, version: roleModel.version },
      name: edit.name ?? framework.name,
      levels: edit.levels ?? framework.levels,
      validityMonths: edit.validityMonths ?? framework.validityMonths,
      managerMayCertify: edit.managerMayCertify ?? framework.managerMayCertify,
    },
    roleModel,
  );
}

export function qualificationFrameworkRef(framework: QualificationFramework): QualificationFrameworkRef {
  return { id: framework.id, version: framework.version };
}

/** The level's definition, or undefined for a level the framework does not have. */
export function frameworkLevel(framework: QualificationFramework, level: number): QualificationLevel | undefined {
  return framework.levels.find((candidate) => candidate.level === level);
}
