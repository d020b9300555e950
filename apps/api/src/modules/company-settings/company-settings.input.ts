import { Field, InputType, Int } from 'type-graphql';
import { IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MoneyScalar } from '../../platform/scalars';

@InputType('DecisionDueDaysInput', { description: 'Calendar days per grade (1–90); grades left out keep theirs.' })
export class DecisionDueDaysInput {
  @Field(() => Int, { nullable: true, description: 'Grade I projects.' })
  I?: number | null;

  @Field(() => Int, { nullable: true, description: 'Grade II projects.' })
  II?: number | null;

  @Field(() => Int, { nullable: true, description: 'Grade III projects.' })
  III?: number | null;
}

@InputType('StageProbabilitiesInput', {
  description: 'Whole percent per stage (rising along the funnel, DEAL 100, LOST 0); stages left out keep theirs.',
})
export class StageProbabilitiesInput {
  @Field(() => Int, { nullable: true, description: 'Potential.' })
  POTENTIAL?: number | null;

  @Field(() => Int, { nullable: true, description: 'Intent.' })
  INTENT?: number | null;

  @Field(() => Int, { nullable: true, description: 'Negotiation.' })
  NEGOTIATION?: number | null;

  @Field(() => Int, { nullable: true, description: 'Deal: 100.' })
  DEAL?: number | null;

  @Field(() => Int, { nullable: true, description: 'Lost: 0.' })
  LOST?: number | null;
}

@InputType('LeadSizeThresholdsInput', {
  description: 'Lead size thresholds (company-level major > major > important > 0); fields left out keep theirs.',
})
export class LeadSizeThresholdsInput {
  @Field(() => String, { nullable: true, description: 'The currency (ISO 4217), e.g. CNY.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'give a three-letter currency code such as CNY' })
  currency?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'From this amount up: company-level major.' })
  companyMajor?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'From this amount up: major.' })
  major?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'From this amount up: important.' })
  important?: string | null;
}

@InputType('CompanySettingsInput', { description: 'The settings to change; fields left out keep their value.' })
export class CompanySettingsInput {
  @Field(() => String, {
    nullable: true,
    description: 'The material share in percent: a decimal string above 0 and at most 100, e.g. "10" or "12.5".',
  })
  @IsOptional()
  @MaxLength(16)
  materialChangeShare?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the project's Sponsor has a conflict of interest." })
  sponsorConflictOfInterest?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether ATI needs a decision maker on the power map of the project’s opportunity.',
  })
  requireDecisionMakerForAti?: boolean | null;

  @Field(() => DecisionDueDaysInput, { nullable: true, description: 'Calendar days a request may wait, per grade.' })
  @IsOptional()
  @ValidateNested()
  decisionDueDays?: DecisionDueDaysInput | null;

  @Field(() => StageProbabilitiesInput, {
    nullable: true,
    description: 'The probability of each opportunity stage, in whole percent (the weights of the forecasts).',
  })
  @IsOptional()
  @ValidateNested()
  stageProbabilities?: StageProbabilitiesInput | null;

  @Field(() => LeadSizeThresholdsInput, {
    nullable: true,
    description: 'The size thresholds that grade leads and opportunities.',
  })
  @IsOptional()
  @ValidateNested()
  leadSizeThresholds?: LeadSizeThresholdsInput | null;
}
