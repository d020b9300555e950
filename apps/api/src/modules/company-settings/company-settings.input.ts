import { Field, InputType, Int } from 'type-graphql';
import { IsOptional, MaxLength, ValidateNested } from 'class-validator';

@InputType('DecisionDueDaysInput', { description: 'Calendar days per grade (1–90); grades left out keep theirs.' })
export class DecisionDueDaysInput {
  @Field(() => Int, { nullable: true, description: 'Grade I projects.' })
  I?: number | null;

  @Field(() => Int, { nullable: true, description: 'Grade II projects.' })
  II?: number | null;

  @Field(() => Int, { nullable: true, description: 'Grade III projects.' })
  III?: number | null;
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
}
