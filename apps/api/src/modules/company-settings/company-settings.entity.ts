import { Column, Entity } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import type { OpportunityStage, ProjectGrade } from '@iron-triangle/domain';
import { BaseRecord, JsonColumn, StringColumn } from '../../platform/columns';
import { MoneyScalar } from '../../platform/scalars';

@ObjectType('DecisionDueDays', { description: 'Calendar days a decision request may wait, per project grade.' })
export class DecisionDueDays {
  @Field(() => Int, { description: 'Grade I projects.' })
  I: number;

  @Field(() => Int, { description: 'Grade II projects.' })
  II: number;

  @Field(() => Int, { description: 'Grade III projects.' })
  III: number;
}

@ObjectType('StageProbabilities', {
  description: 'The probability of each opportunity stage, in whole percent: the weights of the funnel forecasts.',
})
export class StageProbabilitiesType {
  @Field(() => Int, { description: 'Potential.' })
  POTENTIAL: number;

  @Field(() => Int, { description: 'Intent.' })
  INTENT: number;

  @Field(() => Int, { description: 'Negotiation.' })
  NEGOTIATION: number;

  @Field(() => Int, { description: 'Deal (won): always 100.' })
  DEAL: number;

  @Field(() => Int, { description: 'Lost: always 0.' })
  LOST: number;
}

@ObjectType('LeadSizeThresholds', {
  description:
    'The expected amounts that grade a lead (and an opportunity made without one) by size, inclusive lower bounds ' +
    'in one currency: company-level major, major, important; below `important` size gives no grade.',
})
export class LeadSizeThresholdsType {
  @Field({ description: 'The currency the thresholds (and the amounts graded) are in.' })
  currency: string;

  @Field(() => MoneyScalar, { description: 'From this amount up: company-level major.' })
  companyMajor: string;

  @Field(() => MoneyScalar, { description: 'From this amount up: major.' })
  major: string;

  @Field(() => MoneyScalar, { description: 'From this amount up: important.' })
  important: string;
}

/** The thresholds as stored: minor units as decimal strings (JSON has no bigint). */
export interface StoredLeadSizeThresholds {
  currency: string;
  companyMajor: string;
  major: string;
  important: string;
}

/** The one row of company settings (see SETTINGS_ID). */
@ObjectType('CompanySettings', {
  description:
    'The company settings: the policy choices the rules read. One record for the company; every signed-in user ' +
    'reads it, administrators change it (updateCompanySettings), and it keeps a history.',
})
@Entity('company_settings')
export class CompanySettings extends BaseRecord {
  @Field({
    description:
      'The material share, in percent (a decimal string, above 0 and at most 100; default "10"): a project change ' +
      'that raises the amount by more than this share of the amount an approval was taken at, or raises the grade, ' +
      'reopens that approval.',
  })
  @StringColumn(16)
  materialChangeShare: string;

  @Field({
    description:
      "Whether the project's Sponsor has a conflict of interest too. Off (the default): AR, SR, FR and core " +
      'members may not decide on their own project through a position or a decision body; the Sponsor may, as the ' +
      "one who takes the project's key decisions.",
  })
  @Column({ type: 'boolean', default: false })
  sponsorConflictOfInterest: boolean;

  @Field({
    description:
      'Whether ATI on a project whose opportunity has no decision maker on its power map is refused ' +
      '(SALES.NO_DECISION_MAKER_MAPPED). On by default; a project without an opportunity is not checked.',
  })
  @Column({ type: 'boolean', default: true })
  requireDecisionMakerForAti: boolean;

  @Field(() => DecisionDueDays, {
    description: 'How many calendar days a decision request may wait before it escalates, per grade (1–90).',
  })
  @JsonColumn({ nullable: false })
  decisionDueDays: Record<ProjectGrade, number>;

  /** The stage probabilities (null: the defaults); on the GraphQL face through the resolver. */
  @JsonColumn({ nullable: true })
  stageProbabilities: Record<OpportunityStage, number> | null;

  /** The lead size thresholds (null: the defaults); on the GraphQL face through the resolver. */
  @JsonColumn({ nullable: true })
  leadSizeThresholds: StoredLeadSizeThresholds | null;
}

/** The id of the settings row (seeded by the migration). */
export const SETTINGS_ID = 1;
