// Project grading at initiation (项目定级, DOMAIN.md §4): grade I, II or III with the criteria that decided it.
import { ProjectGrade } from '../ltc/ltc';
import { CustomerTier } from '../ltc/ltc';

/** Each flag is a "major" judgement made at initiation; a missing flag counts as false. */
export interface GradingCriteria {
  /** Major impact on product direction. */
  readonly majorProductDirectionImpact?: boolean;
  /** Major impact on cooperation with an S-tier customer (market breakthrough, scale sales or major risk). */
  readonly majorSTierCustomerImpact?: boolean;
  /** Major significance for a strategic-industry breakthrough. */
  readonly strategicIndustryBreakthrough?: boolean;
  /** Major impact on the business model. */
  readonly majorBusinessModelImpact?: boolean;
  /** Major impact on cooperation with an A-tier customer. */
  readonly majorATierCustomerImpact?: boolean;
}

export const GRADE_I_REASONS = [
  'PRODUCT_DIRECTION',
  'S_TIER_CUSTOMER',
  'STRATEGIC_INDUSTRY',
  'BUSINESS_MODEL',
] as const;
export const GRADE_REASONS = [...GRADE_I_REASONS, 'A_TIER_CUSTOMER', 'NO_CRITERION'] as const;
export type GradeReason = (typeof GRADE_REASONS)[number];

export interface ProjectGrading {
  readonly grade: ProjectGrade;
  /** Stable codes, in the order of GRADE_REASONS; ['NO_CRITERION'] for grade III. */
  readonly reasons: GradeReason[];
}

/** Grade I if any grade-I criterion holds (all that hold are given); else II on an A-tier criterion; else III. */
export function gradeProject(criteria: GradingCriteria): ProjectGrading {
  const gradeI: GradeReason[] = [];
  if (criteria.majorProductDirectionImpact === true) gradeI.push('PRODUCT_DIRECTION');
  if (criteria.majorSTierCustomerImpact === true) gradeI.push('S_TIER_CUSTOMER');
  if (criteria.strategicIndustryBreakthrough === true) gradeI.push('STRATEGIC_INDUSTRY');
  if (criteria.majorBusinessModelImpact === true) gradeI.push('BUSINESS_MODEL');
  if (gradeI.length > 0) return { grade: 'I', reasons: gradeI };
  if (criteria.majorATierCustomerImpact === true) return { grade: 'II', reasons: ['A_TIER_CUSTOMER'] };
  return { grade: 'III', reasons: ['NO_CRITERION'] };
}

/**
 * The customer flags from the project's customer: a major impact on cooperation counts as S- or A-tier
 * by the customer's tier; B and C customers set neither.
 */
export function customerCooperationCriteria(tier: CustomerTier | null, majorImpact: boolean): GradingCriteria {
  return {
    majorSTierCustomerImpact: majorImpact && tier === 'S',
    majorATierCustomerImpact: majorImpact && tier === 'A',
  };
}
