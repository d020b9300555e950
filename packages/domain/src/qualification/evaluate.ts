// Evaluates one assessment against the framework version it was made on: the level reached, its validity, the gap.
import { DomainError, Result, err, ok } from '../shared/result';
import { LocalizedText } from '../shared/text';
import { TriangleRole } from '../roles/roles';
import { addMonthsUtc, wholeMonthsBetween } from '../time/window';
import {
  MAX_PROFICIENCY,
  MIN_PROFICIENCY,
  QualificationFramework,
  QualificationFrameworkRef,
  QualificationLevel,
} from './framework';
import { CertificationRecord } from './held';
import { PerformanceGateCheck, PerformanceRecord, checkPerformanceGate } from './performance';

export const ASSESSOR_KINDS = ['SELF', 'MANAGER', 'PANEL'] as const;
export type AssessorKind = (typeof ASSESSOR_KINDS)[number];

export interface DimensionRating {
  readonly dimension: string;
  /** 1..5 */
  readonly proficiency: number;
  readonly evidence?: string;
}

export interface Assessment {
  readonly id: string;
  readonly personId: string;
  readonly role: TriangleRole;
  /** The framework version the assessment was made on; it keeps pointing there when the framework changes. */
  readonly framework: QualificationFrameworkRef;
  readonly assessorKind: AssessorKind;
  readonly assessorId?: string;
  readonly assessedAt: Date;
  /** One rating for every dimension of the framework's role model. */
  readonly ratings: readonly DimensionRating[];
}

/** What the record says about the person, as of the assessment. */
export interface PersonFacts {
  /**
   * Start of the person's time in the role; null when never in it. Tenure is counted in whole months to the assessment.
   */
  readonly inRoleSince: Date | null;
  /** Completed projects in the role. */
  readonly completedProjects: number;
  /** Appraisal ratings; only periods ended by the assessment count. */
  readonly performance: readonly PerformanceRecord[];
}

export interface DimensionGap {
  readonly dimension: string;
  readonly required: number;
  readonly held: number;
}

/** What stands between the person and a level (empty lists and zeros when nothing does). */
export interface QualificationGap {
  readonly nextLevel: number;
  readonly nextLevelName: LocalizedText;
  /** Only the dimensions short of the level, in role-model order. */
  readonly dimensions: readonly DimensionGap[];
  readonly tenureMonthsMissing: number;
  readonly projectsMissing: number;
  readonly gateFailed: boolean;
  /** The gate check behind `gateFailed`; null when the level has no gate. */
  readonly gate: PerformanceGateCheck | null;
}

export interface QualificationEvaluation {
  readonly assessmentId: string;
  readonly personId: string;
  readonly role: TriangleRole;
  readonly framework: QualificationFrameworkRef;
  readonly assessorKind: AssessorKind;
  readonly assessedAt: Date;
  /** The highest level met together with every level below it; 0 when none. */
  readonly level: number;
  readonly levelName: LocalizedText | null;
  /** Whether this result can be held as a qualification (panel, or manager where the framework allows). */
  readonly certifies: boolean;
  /** assessedAt + the framework's validity months (exclusive); null when no level was reached. */
  readonly validUntil: Date | null;
  readonly tenureMonths: number;
  readonly completedProjects: number;
  /** To the next level; null at the top level. */
  readonly gap: QualificationGap | null;
}

export type AssessmentError =
  | DomainError<
      'ASSESSMENT.FRAMEWORK_MISMATCH',
      { assessment: QualificationFrameworkRef; framework: QualificationFrameworkRef }
    >
  | DomainError<'ASSESSMENT.ROLE_MISMATCH', { assessment: TriangleRole; framework: TriangleRole }>
  | DomainError<'ASSESSMENT.UNKNOWN_ASSESSOR_KIND', { assessorKind: string }>
  | DomainError<'ASSESSMENT.UNKNOWN_DIMENSION', { dimension: string }>
  | DomainError<'ASSESSMENT.DUPLICATE_RATING', { dimension: string }>
  | DomainError<'ASSESSMENT.MISSING_RATING', { dimension: string }>
  | DomainError<'ASSESSMENT.PROFICIENCY_OUT_OF_RANGE', { dimension: string; value: number; min: number; max: number }>
  | DomainError<'ASSESSMENT.INVALID_FACTS', { field: 'completedProjects' | 'inRoleSince'; value: unknown }>;

/** Whether an assessment by this kind of assessor certifies under the framework. */
export function assessorCertifies(kind: AssessorKind, framework: QualificationFramework): boolean {
  return kind === 'PANEL' || (kind === 'MANAGER' && framework.managerMayCertify);
}

function checkInputs(
  assessment: Assessment,
  facts: PersonFacts,
  framework: QualificationFramework,
  dimensions: readonly string[],
): AssessmentError[] {
  const errors: AssessmentError[] = [];
  if (assessment.framework.id !== framework.id || assessment.framework.version !== framework.version) {
    errors.push({
      code: 'ASSESSMENT.FRAMEWORK_MISMATCH',
      data: { assessment: assessment.framework, framework: { id: framework.id, version: framework.version } },
    });
  }
  if (assessment.role !== framework.role)
    errors.push({ code: 'ASSESSMENT.ROLE_MISMATCH', data: { assessment: assessment.role, framework: framework.role } });
  if (!(ASSESSOR_KINDS as readonly string[]).includes(assessment.assessorKind)) {
    errors.push({ code: 'ASSESSMENT.UNKNOWN_ASSESSOR_KIND', data: { assessorKind: assessment.assessorKind } });
  }
  const rated = new Set<string>();
  for (const rating of assessment.ratings) {
    if (!dimensions.includes(rating.dimension))
      errors.push({ code: 'ASSESSMENT.UNKNOWN_DIMENSION', data: { dimension: rating.dimension } });
    else if (rated.has(rating.dimension))
      errors.push({ code: 'ASSESSMENT.DUPLICATE_RATING', data: { dimension: rating.dimension } });
    else if (
      !Number.isInteger(rating.proficiency) ||
      rating.proficiency < MIN_PROFICIENCY ||
      rating.proficiency > MAX_PROFICIENCY
    ) {
      errors.push({
        code: 'ASSESSMENT.PROFICIENCY_OUT_OF_RANGE',
        data: { dimension: rating.dimension, value: rating.proficiency, min: MIN_PROFICIENCY, max: MAX_PROFICIENCY },
      });
    }
    rated.add(rating.dimension);
  }
  for (const dimension of dimensions)
    if (!rated.has(dimension)) errors.push({ code: 'ASSESSMENT.MISSING_RATING', data: { dimension } });
  if (!Number.isInteger(facts.completedProjects) || facts.completedProjects < 0) {
    errors.push({
      code: 'ASSESSMENT.INVALID_FACTS',
      data: { field: 'completedProjects', value: facts.completedProjects },
    });
  }
  if (facts.inRoleSince !== null && Number.isNaN(facts.inRoleSince.getTime())) {
    errors.push({ code: 'ASSESSMENT.INVALID_FACTS', data: { field: 'inRoleSince', value: facts.inRoleSince } });
  }
  return errors;
}

function gapTo(
  level: QualificationLevel,
  held: ReadonlyMap<string, number>,
  dimensions: readonly string[],
  tenureMonths: number,
  facts: PersonFacts,
  at: Date,
): QualificationGap {
  const short: DimensionGap[] = [];
  for (const dimension of dimensions) {
    const required = level.minProficiency[dimension] ?? MIN_PROFICIENCY;
    const value = held.get(dimension) ?? 0;
    if (value < required) short.push({ dimension, required, held: value });
  }
  const gate = level.gate === null ? null : checkPerformanceGate(level.gate, facts.performance, at);
  return {
    nextLevel: level.level,
    nextLevelName: level.name,
    dimensions: short,
    tenureMonthsMissing: Math.max(0, level.minTenureMonths - tenureMonths),
    projectsMissing: Math.max(0, level.minProjects - facts.completedProjects),
    gateFailed: gate !== null && !gate.passed,
    gate,
  };
}

const isClosed = (gap: QualificationGap) =>
  gap.dimensions.length === 0 && gap.tenureMonthsMissing === 0 && gap.projectsMissing === 0 && !gap.gateFailed;

/**
 * The highest level whose requirements, and those of every level below it, are met; the gap to the next level.
 * `framework` must be the version the assessment points at (refused otherwise). Self-assessments are evaluated
 * like any other but never certify.
 */
export function evaluateQualification(
  assessment: Assessment,
  personFacts: PersonFacts,
  framework: QualificationFramework,
): Result<QualificationEvaluation, AssessmentError[]> {
  const levels = [...framework.levels].sort((a, b) => a.level - b.level);
  // The framework's own dimension list: the union of what its levels ask (validated equal to the role model's).
  const dimensions = [...new Set(levels.flatMap((level) => Object.keys(level.minProficiency)))];
  const errors = checkInputs(assessment, personFacts, framework, dimensions);
  if (errors.length > 0) return err(errors);

  const at = assessment.assessedAt;
  const held = new Map(assessment.ratings.map((rating) => [rating.dimension, rating.proficiency]));
  const tenureMonths = personFacts.inRoleSince === null ? 0 : wholeMonthsBetween(personFacts.inRoleSince, at);
  let reached: QualificationLevel | null = null;
  let gap: QualificationGap | null = null;
  for (const level of levels) {
    const candidate = gapTo(level, held, dimensions, tenureMonths, personFacts, at);
    if (!isClosed(candidate)) {
      gap = candidate;
      break;
    }
    reached = level;
  }
  return ok({
    assessmentId: assessment.id,
    personId: assessment.personId,
    role: assessment.role,
    framework: { id: framework.id, version: framework.version },
    assessorKind: assessment.assessorKind,
    assessedAt: at,
    level: reached?.level ?? 0,
    levelName: reached?.name ?? null,
    certifies: assessorCertifies(assessment.assessorKind, framework),
    validUntil: reached === null ? null : addMonthsUtc(at, framework.validityMonths),
    tenureMonths,
    completedProjects: personFacts.completedProjects,
    gap,
  });
}

/** The record `qualificationAt` reads, from an evaluation. */
export function certificationFromEvaluation(evaluation: QualificationEvaluation): CertificationRecord {
  return {
    assessmentId: evaluation.assessmentId,
    personId: evaluation.personId,
    role: evaluation.role,
    level: evaluation.level === 0 ? null : evaluation.level,
    assessedAt: evaluation.assessedAt,
    validUntil: evaluation.validUntil,
    certifying: evaluation.certifies,
    framework: evaluation.framework,
  };
}
