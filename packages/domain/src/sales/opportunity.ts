// Opportunities (机会点, DOMAIN.md §4): the rule that turns a lead into an opportunity (a definite budget, a definite
// start time, a fitting solution, and a verification by someone other than the finder), the funnel stages
// potential → intent → negotiation → deal (or lost) with the transitions allowed between them, and the probability
// of each stage that weighs the forecasts.
import { Money } from '../money/money';
import { DomainError, Result, err, ok } from '../shared/result';
import type { LocalizedText } from '../shared/text';

/** What a lead must have to become an opportunity, in the order the missing ones are named. */
export const OPPORTUNITY_REQUIREMENTS = [
  'DEFINITE_BUDGET',
  'DEFINITE_START_TIME',
  'FITTING_SOLUTION',
  'VERIFIED',
  'VERIFIED_BY_OTHER',
] as const;
export type OpportunityRequirement = (typeof OPPORTUNITY_REQUIREMENTS)[number];

export interface LeadConversionFacts {
  /** The customer's definite budget; null or a zero or negative amount is no budget. */
  readonly budget?: Money | null;
  /** The customer's definite start time. */
  readonly startTime?: Date | null;
  /** We have a solution that fits the need. */
  readonly fittingSolution?: boolean;
  readonly foundBy: string;
  /** Who verified the lead; it must be someone other than the finder. */
  readonly verifiedBy?: string | null;
}

export type LeadConversionError = DomainError<'SALES.LEAD_NOT_READY', { missing: OpportunityRequirement[] }>;

/** The requirements not met, in the order of OPPORTUNITY_REQUIREMENTS; empty when the lead may convert. */
export function missingForOpportunity(facts: LeadConversionFacts): OpportunityRequirement[] {
  const missing: OpportunityRequirement[] = [];
  if (!facts.budget || facts.budget.minor <= 0n) missing.push('DEFINITE_BUDGET');
  if (!(facts.startTime instanceof Date) || Number.isNaN(facts.startTime.getTime()))
    missing.push('DEFINITE_START_TIME');
  if (facts.fittingSolution !== true) missing.push('FITTING_SOLUTION');
  if (!facts.verifiedBy) missing.push('VERIFIED');
  else if (facts.verifiedBy === facts.foundBy) missing.push('VERIFIED_BY_OTHER');
  return missing;
}

/**
 * A lead becomes an opportunity only when the customer has a definite budget and a definite start time, we have a
 * fitting solution, and someone other than the finder verified it; otherwise refused with every missing fact named.
 * The opportunity starts at the potential stage with the budget as its expected amount.
 */
export function leadToOpportunity(
  facts: LeadConversionFacts,
): Result<{ stage: 'POTENTIAL'; expectedAmount: Money; startTime: Date }, LeadConversionError> {
  const missing = missingForOpportunity(facts);
  if (missing.length > 0) return err({ code: 'SALES.LEAD_NOT_READY', data: { missing } });
  return ok({ stage: 'POTENTIAL', expectedAmount: facts.budget as Money, startTime: facts.startTime as Date });
}

/** The funnel in order; LOST is the end of an opportunity that did not close. */
export const FUNNEL_STAGES = ['POTENTIAL', 'INTENT', 'NEGOTIATION', 'DEAL'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const OPPORTUNITY_STAGES = [...FUNNEL_STAGES, 'LOST'] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

export const OPPORTUNITY_STAGE_NAMES: Readonly<Record<OpportunityStage, LocalizedText>> = Object.freeze({
  POTENTIAL: { 'zh-CN': '潜在', en: 'potential' },
  INTENT: { 'zh-CN': '意向', en: 'intent' },
  NEGOTIATION: { 'zh-CN': '谈判', en: 'negotiation' },
  DEAL: { 'zh-CN': '成交', en: 'deal' },
  LOST: { 'zh-CN': '丢单', en: 'lost' },
});

export function isOpportunityStage(value: string): value is OpportunityStage {
  return (OPPORTUNITY_STAGES as readonly string[]).includes(value);
}

/** DEAL and LOST are final. */
export function isClosedStage(stage: OpportunityStage): boolean {
  return stage === 'DEAL' || stage === 'LOST';
}

/**
 * The moves allowed: one stage forward (no skipping), one stage back while open (a negotiation can fall back to
 * intent), and to LOST from any open stage. DEAL and LOST are final.
 */
export function allowedStageTransitions(from: OpportunityStage): OpportunityStage[] {
  if (isClosedStage(from)) return [];
  const index = FUNNEL_STAGES.indexOf(from as FunnelStage);
  const next: OpportunityStage[] = [FUNNEL_STAGES[index + 1] as FunnelStage];
  if (index > 0) next.push(FUNNEL_STAGES[index - 1] as FunnelStage);
  next.push('LOST');
  return next;
}

export type StageTransitionError = DomainError<
  'SALES.STAGE_TRANSITION_NOT_ALLOWED',
  { from: OpportunityStage; to: OpportunityStage; allowed: OpportunityStage[] }
>;

export function checkStageTransition(
  from: OpportunityStage,
  to: OpportunityStage,
): Result<OpportunityStage, StageTransitionError> {
  const allowed = allowedStageTransitions(from);
  if (allowed.includes(to)) return ok(to);
  return err({ code: 'SALES.STAGE_TRANSITION_NOT_ALLOWED', data: { from, to, allowed } });
}

/** Whole percent per stage; the weight of an opportunity in a forecast. A company setting. */
export type StageProbabilities = Readonly<Record<OpportunityStage, number>>;

export const DEFAULT_STAGE_PROBABILITIES: StageProbabilities = Object.freeze({
  POTENTIAL: 10,
  INTENT: 30,
  NEGOTIATION: 70,
  DEAL: 100,
  LOST: 0,
});

export type StageProbabilityError = DomainError<
  'SALES.STAGE_PROBABILITIES_INVALID',
  { stage: OpportunityStage | null; value: number | null }
>;

/**
 * Each probability a whole percent in 0..100, rising strictly along the funnel, DEAL at 100 and LOST at 0
 * (`stage` names the first offender).
 */
export function validateStageProbabilities(p: StageProbabilities): Result<StageProbabilities, StageProbabilityError> {
  const invalid = (stage: OpportunityStage) =>
    err({ code: 'SALES.STAGE_PROBABILITIES_INVALID' as const, data: { stage, value: p[stage] ?? null } });
  for (const stage of OPPORTUNITY_STAGES) {
    const value = p[stage];
    if (!Number.isInteger(value) || value < 0 || value > 100) return invalid(stage);
  }
  if (p.DEAL !== 100) return invalid('DEAL');
  if (p.LOST !== 0) return invalid('LOST');
  for (let i = 1; i < FUNNEL_STAGES.length; i += 1) {
    const stage = FUNNEL_STAGES[i] as FunnelStage;
    if (p[stage] <= p[FUNNEL_STAGES[i - 1] as FunnelStage]) return invalid(stage);
  }
  return ok(p);
}
