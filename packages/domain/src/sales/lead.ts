// Leads (线索, DOMAIN.md §4): the class decided from the facts recorded (初级 initial / 可信 credible / 机会线索
// opportunity lead), the grade by size, customer position and strategic value (公司级重大 / 重大 / 重要 / 一般),
// each with the stable reason codes that decided it, and the rule that a lead is verified by someone other than
// its finder.
import type { GradingCriteria } from '../grading/grading';
import { CustomerTier } from '../ltc/ltc';
import { Money, MoneyError } from '../money/money';
import { DomainError, Result, err, ok } from '../shared/result';
import type { LocalizedText } from '../shared/text';

export const LEAD_CLASSES = ['INITIAL', 'CREDIBLE', 'OPPORTUNITY_LEAD'] as const;
export type LeadClass = (typeof LEAD_CLASSES)[number];

export const LEAD_CLASS_NAMES: Readonly<Record<LeadClass, LocalizedText>> = Object.freeze({
  INITIAL: { 'zh-CN': '初级线索', en: 'initial lead' },
  CREDIBLE: { 'zh-CN': '可信线索', en: 'credible lead' },
  OPPORTUNITY_LEAD: { 'zh-CN': '机会线索', en: 'opportunity lead' },
});

/** The facts recorded on a lead; a missing fact counts as not known. */
export interface LeadFacts {
  /** The customer has a clear need (可信). */
  readonly clearNeed?: boolean;
  /** A clear decision maker on the customer's side is known. */
  readonly decisionMakerKnown?: boolean;
  /** The customer has an investment plan for the need. */
  readonly investmentPlan?: boolean;
  /** A start or close date the customer has named. */
  readonly expectedDate?: Date | null;
}

/** The facts an opportunity lead needs beyond a clear need, in this order. */
export const OPPORTUNITY_LEAD_FACTS = ['DECISION_MAKER', 'INVESTMENT_PLAN', 'EXPECTED_DATE'] as const;
export const LEAD_FACTS = ['CLEAR_NEED', ...OPPORTUNITY_LEAD_FACTS] as const;
export type LeadFact = (typeof LEAD_FACTS)[number];

export interface LeadClassification {
  readonly leadClass: LeadClass;
  /** The facts that hold, in the order of LEAD_FACTS (what the class rests on); empty for a lead with nothing. */
  readonly reasons: LeadFact[];
  /** The facts still missing for the next class, in the order of LEAD_FACTS; empty for an opportunity lead. */
  readonly missing: LeadFact[];
}

function factsHeld(facts: LeadFacts): LeadFact[] {
  const held: LeadFact[] = [];
  if (facts.clearNeed === true) held.push('CLEAR_NEED');
  if (facts.decisionMakerKnown === true) held.push('DECISION_MAKER');
  if (facts.investmentPlan === true) held.push('INVESTMENT_PLAN');
  if (facts.expectedDate instanceof Date && !Number.isNaN(facts.expectedDate.getTime())) held.push('EXPECTED_DATE');
  return held;
}

/**
 * Initial without a clear need (whatever else is known: the other facts are about the need); credible with a clear
 * need; an opportunity lead when a clear need comes with a decision maker, an investment plan and a date.
 */
export function classifyLead(facts: LeadFacts): LeadClassification {
  const held = factsHeld(facts);
  if (!held.includes('CLEAR_NEED')) return { leadClass: 'INITIAL', reasons: held, missing: ['CLEAR_NEED'] };
  const missing = OPPORTUNITY_LEAD_FACTS.filter((fact) => !held.includes(fact));
  return { leadClass: missing.length === 0 ? 'OPPORTUNITY_LEAD' : 'CREDIBLE', reasons: held, missing };
}

export const LEAD_GRADES = ['COMPANY_MAJOR', 'MAJOR', 'IMPORTANT', 'GENERAL'] as const;
export type LeadGrade = (typeof LEAD_GRADES)[number];

export const LEAD_GRADE_NAMES: Readonly<Record<LeadGrade, LocalizedText>> = Object.freeze({
  COMPANY_MAJOR: { 'zh-CN': '公司级重大', en: 'company-level major' },
  MAJOR: { 'zh-CN': '重大', en: 'major' },
  IMPORTANT: { 'zh-CN': '重要', en: 'important' },
  GENERAL: { 'zh-CN': '一般', en: 'general' },
});

export function isLeadGrade(value: string): value is LeadGrade {
  return (LEAD_GRADES as readonly string[]).includes(value);
}

/** Orders grades: negative when `a` ranks above `b` (company-level major first). */
export function compareLeadGrades(a: LeadGrade, b: LeadGrade): number {
  return LEAD_GRADES.indexOf(a) - LEAD_GRADES.indexOf(b);
}

/**
 * The size thresholds (inclusive lower bounds, one currency, minor units): a lead of at least `companyMajor` is
 * company-level major by size, and so on down; below `important` size gives no grade. A company setting.
 */
export interface LeadSizeThresholds {
  readonly currency: string;
  readonly companyMajor: bigint;
  readonly major: bigint;
  readonly important: bigint;
}

/** CNY 100 million / 10 million / 1 million, in fen. */
export const DEFAULT_LEAD_SIZE_THRESHOLDS: LeadSizeThresholds = Object.freeze({
  currency: 'CNY',
  companyMajor: 10_000_000_000n,
  major: 1_000_000_000n,
  important: 100_000_000n,
});

export type LeadThresholdError = DomainError<
  'SALES.LEAD_THRESHOLDS_NOT_ORDERED',
  { companyMajor: string; major: string; important: string }
>;

/** The thresholds must be positive and descend strictly: companyMajor > major > important > 0. */
export function validateLeadSizeThresholds(t: LeadSizeThresholds): Result<LeadSizeThresholds, LeadThresholdError> {
  if (t.companyMajor > t.major && t.major > t.important && t.important > 0n) return ok(t);
  return err({
    code: 'SALES.LEAD_THRESHOLDS_NOT_ORDERED',
    data: { companyMajor: t.companyMajor.toString(), major: t.major.toString(), important: t.important.toString() },
  });
}

/** The judgements a lead is graded on; a missing flag counts as false, a missing size as unknown. */
export interface LeadGradeCriteria {
  /** Size: the expected amount of the deal. */
  readonly expectedAmount?: Money | null;
  /** Customer position: the customer's tier. */
  readonly customerTier?: CustomerTier | null;
  /** Strategic value: a breakthrough into a strategic industry. */
  readonly strategicIndustryBreakthrough?: boolean;
  /** Strategic value: a major impact on product direction. */
  readonly majorProductDirectionImpact?: boolean;
  /** Strategic value: a major impact on the business model. */
  readonly majorBusinessModelImpact?: boolean;
  /** Market position: a breakthrough into a new market (region or customer group). */
  readonly marketBreakthrough?: boolean;
}

/** Every reason with the grade it earns, in the order reasons are given. */
export const LEAD_GRADE_REASON_LEVELS = Object.freeze({
  SIZE_COMPANY_MAJOR: 'COMPANY_MAJOR',
  STRATEGIC_INDUSTRY: 'COMPANY_MAJOR',
  PRODUCT_DIRECTION: 'COMPANY_MAJOR',
  BUSINESS_MODEL: 'COMPANY_MAJOR',
  SIZE_MAJOR: 'MAJOR',
  S_TIER_CUSTOMER: 'MAJOR',
  MARKET_BREAKTHROUGH: 'MAJOR',
  SIZE_IMPORTANT: 'IMPORTANT',
  A_TIER_CUSTOMER: 'IMPORTANT',
  NO_CRITERION: 'GENERAL',
} as const satisfies Record<string, LeadGrade>);
export type LeadGradeReason = keyof typeof LEAD_GRADE_REASON_LEVELS;
export const LEAD_GRADE_REASONS = Object.keys(LEAD_GRADE_REASON_LEVELS) as LeadGradeReason[];

export interface LeadGrading {
  readonly grade: LeadGrade;
  /** Every criterion at the grade's level, in the order of LEAD_GRADE_REASONS; ['NO_CRITERION'] for general. */
  readonly reasons: LeadGradeReason[];
}

function sizeReason(amount: Money, t: LeadSizeThresholds): Result<LeadGradeReason | null, MoneyError> {
  if (amount.currency !== t.currency) {
    return err({ code: 'MONEY.CURRENCY_MISMATCH', data: { left: amount.currency, right: t.currency } });
  }
  if (amount.minor >= t.companyMajor) return ok('SIZE_COMPANY_MAJOR');
  if (amount.minor >= t.major) return ok('SIZE_MAJOR');
  if (amount.minor >= t.important) return ok('SIZE_IMPORTANT');
  return ok(null);
}

/**
 * The highest grade any criterion earns (all criteria at that level are given): company-level major on size at or
 * above the company-major threshold or on a strategic-industry, product-direction or business-model judgement;
 * major on size, an S-tier customer or a market breakthrough; important on size or an A-tier customer; general
 * otherwise. Size in another currency than the thresholds' is refused (MONEY.CURRENCY_MISMATCH).
 */
export function gradeLead(
  criteria: LeadGradeCriteria,
  thresholds: LeadSizeThresholds = DEFAULT_LEAD_SIZE_THRESHOLDS,
): Result<LeadGrading, MoneyError> {
  const held = new Set<LeadGradeReason>();
  if (criteria.expectedAmount) {
    const size = sizeReason(criteria.expectedAmount, thresholds);
    if (!size.ok) return size;
    if (size.value) held.add(size.value);
  }
  if (criteria.strategicIndustryBreakthrough === true) held.add('STRATEGIC_INDUSTRY');
  if (criteria.majorProductDirectionImpact === true) held.add('PRODUCT_DIRECTION');
  if (criteria.majorBusinessModelImpact === true) held.add('BUSINESS_MODEL');
  if (criteria.customerTier === 'S') held.add('S_TIER_CUSTOMER');
  if (criteria.customerTier === 'A') held.add('A_TIER_CUSTOMER');
  if (criteria.marketBreakthrough === true) held.add('MARKET_BREAKTHROUGH');
  for (const grade of LEAD_GRADES) {
    const reasons = LEAD_GRADE_REASONS.filter((r) => held.has(r) && LEAD_GRADE_REASON_LEVELS[r] === grade);
    if (reasons.length > 0) return ok({ grade, reasons });
  }
  return ok({ grade: 'GENERAL', reasons: ['NO_CRITERION'] });
}

export type LeadVerificationError =
  | DomainError<'SALES.LEAD_VERIFIED_BY_FINDER', { personId: string }>
  | DomainError<'SALES.LEAD_ALREADY_VERIFIED', { verifiedBy: string }>;

/** Who found a lead and who, if anyone, verified it. */
export interface LeadVerificationState {
  readonly foundBy: string;
  readonly verifiedBy?: string | null;
}

/** A lead is verified once, by someone other than its finder. */
export function checkLeadVerification(
  lead: LeadVerificationState,
  verifierId: string,
): Result<{ verifiedBy: string }, LeadVerificationError> {
  if (lead.verifiedBy) return err({ code: 'SALES.LEAD_ALREADY_VERIFIED', data: { verifiedBy: lead.verifiedBy } });
  if (verifierId === lead.foundBy)
    return err({ code: 'SALES.LEAD_VERIFIED_BY_FINDER', data: { personId: verifierId } });
  return ok({ verifiedBy: verifierId });
}

/**
 * The project-grading criteria a lead's strategic judgements carry over to the project made from its opportunity
 * (product direction, strategic industry, business model). The customer-cooperation criteria are judged at ATI.
 */
export function projectCriteriaFromLead(criteria: LeadGradeCriteria): GradingCriteria {
  return {
    majorProductDirectionImpact: criteria.majorProductDirectionImpact === true,
    strategicIndustryBreakthrough: criteria.strategicIndustryBreakthrough === true,
    majorBusinessModelImpact: criteria.majorBusinessModelImpact === true,
  };
}
