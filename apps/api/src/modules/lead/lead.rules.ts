// The domain's verdicts on a lead, kept on its row: the class from the facts (classifyLead), the grade from size,
// customer tier and strategic value (gradeLead), and what it still lacks to become an opportunity.
import type { EntityManager } from 'typeorm';
import {
  classifyLead,
  CustomerTier,
  gradeLead,
  LeadGradeCriteria,
  missingForOpportunity,
  OpportunityRequirement,
} from '@iron-triangle/domain';
import { badInput } from '../../platform/errors';
import { Customer } from '../customer';
import { companySettingsOf } from '../company-settings';
import type { Lead } from './lead.entity';

/** The lead's grading criteria as the domain reads them (the customer's tier given). */
export function gradeCriteriaOf(lead: Partial<Lead>, tier: string | null): LeadGradeCriteria {
  return {
    expectedAmount:
      lead.expectedAmountMinor === null || lead.expectedAmountMinor === undefined
        ? null
        : { minor: lead.expectedAmountMinor, currency: lead.currency as string },
    customerTier: (tier ?? null) as CustomerTier | null,
    strategicIndustryBreakthrough: lead.strategicIndustryBreakthrough === true,
    majorProductDirectionImpact: lead.majorProductDirectionImpact === true,
    majorBusinessModelImpact: lead.majorBusinessModelImpact === true,
    marketBreakthrough: lead.marketBreakthrough === true,
  };
}

/**
 * Completes `values` (a new lead's columns or an update's patch, `before` the row as it is) with the class and the
 * grade of the merged lead, and their reasons.
 */
export async function applyLeadVerdicts(em: EntityManager, values: Partial<Lead>, before: Lead | null): Promise<void> {
  const merged = { ...(before ?? {}), ...values } as Partial<Lead>;
  const classification = classifyLead({
    clearNeed: merged.clearNeed === true,
    decisionMakerKnown: merged.decisionMakerKnown === true,
    investmentPlan: merged.investmentPlan === true,
    expectedDate: merged.expectedDate ?? null,
  });
  values.leadClass = classification.leadClass;
  values.classReasons = [...classification.reasons];
  values.classMissing = [...classification.missing];
  const customer = merged.customerId ? await em.findOneBy(Customer, { id: merged.customerId }) : null;
  // Graded on the company's size thresholds (company settings), as the write's transaction sees them.
  const thresholds = (await companySettingsOf(em)).leadSizeThresholds;
  const grading = gradeLead(gradeCriteriaOf(merged, customer?.tier ?? null), thresholds);
  if (!grading.ok) {
    throw badInput({
      currency:
        `leads are graded on size in ${thresholds.currency}: record the expected amount in ` +
        `${thresholds.currency} (${String(merged.currency)} given)`,
    });
  }
  values.grade = grading.value.grade;
  values.gradeReasons = [...grading.value.reasons];
}

/** What the lead still lacks to become an opportunity (OpportunityRequirement codes, in the domain's order). */
export function missingOf(lead: Lead): OpportunityRequirement[] {
  return missingForOpportunity({
    budget: lead.budgetMinor === null ? null : { minor: lead.budgetMinor, currency: lead.currency },
    startTime: lead.startTime,
    fittingSolution: lead.fittingSolution,
    foundBy: String(lead.foundById),
    verifiedBy: lead.verifiedById === null ? null : String(lead.verifiedById),
  });
}
