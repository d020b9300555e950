import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsIn, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { LTC_STAGES } from '@iron-triangle/domain';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { ProjectGradeEnum } from '../../platform/enums';
import { MoneyScalar } from '../../platform/scalars';

@InputType('GradingCriteriaInput', { description: 'The grading judgements made at initiation (DOMAIN.md §4). A missing flag counts as false.' })
export class GradingCriteriaInput {
  @Field({ nullable: true, description: 'Major impact on product direction (grade I).' })
  majorProductDirectionImpact?: boolean;

  @Field({ nullable: true, description: 'Major impact on cooperation with an S-tier customer (grade I).' })
  majorSTierCustomerImpact?: boolean;

  @Field({ nullable: true, description: 'Major significance for a strategic-industry breakthrough (grade I).' })
  strategicIndustryBreakthrough?: boolean;

  @Field({ nullable: true, description: 'Major impact on the business model (grade I).' })
  majorBusinessModelImpact?: boolean;

  @Field({ nullable: true, description: 'Major impact on cooperation with an A-tier customer (grade II).' })
  majorATierCustomerImpact?: boolean;

  @Field({ nullable: true, description: "Major impact on cooperation with the project's customer: counts as S- or A-tier by the customer's tier." })
  majorCustomerImpact?: boolean;
}

const STAGE_MESSAGE = `stage must be one of ${LTC_STAGES.join(', ')}`;
const CURRENCY = /^[A-Z]{3}$/;

@InputType('ProjectInput', { description: 'A project as an integration sends it (upsertProject).' })
export class ProjectInput {
  @Field({ description: 'Project name.' })
  @Length(1, 200)
  name: string;

  @Field(() => ID, { nullable: true, description: 'The customer.' })
  customerId?: string | null;

  @Field(() => ID, { description: 'The org unit that runs it.' })
  orgUnitId: string;

  @Field({ description: 'LTC stage.' })
  @IsIn([...LTC_STAGES], { message: STAGE_MESSAGE })
  stage: string;

  @Field(() => MoneyScalar, { description: 'Expected amount.' })
  amount: string;

  @Field({ description: 'ISO 4217 currency.' })
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;

  @Field(() => GradingCriteriaInput, { nullable: true, description: 'Grading criteria: the grade is computed from them.' })
  @IsOptional()
  @ValidateNested()
  gradeCriteria?: GradingCriteriaInput | null;

  @Field(() => ProjectGradeEnum, { nullable: true, description: 'Set the grade by hand instead (needs gradeJustification).' })
  grade?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the grade is set by hand.' })
  @IsOptional()
  @Length(3, 2000)
  gradeJustification?: string | null;
}

@ArgsType()
export class CreateProjectArgs {
  @Field(() => String, { nullable: true, description: 'Reference in the calling system, unique.' })
  @IsOptional()
  @Length(1, 128)
  externalRef?: string | null;

  @Field({ description: 'Project name.' })
  @Length(1, 200)
  name: string;

  @Field(() => ID, { nullable: true, description: 'The customer.' })
  customerId?: string | null;

  @Field(() => ID, { description: 'The org unit that runs it.' })
  orgUnitId: string;

  @Field({ description: 'LTC stage: LEAD, OPPORTUNITY, CONTRACT_EXECUTION or CLOSED.' })
  @IsIn([...LTC_STAGES], { message: STAGE_MESSAGE })
  stage: string;

  @Field(() => MoneyScalar, { description: 'Expected amount, e.g. "5000000.00".' })
  amount: string;

  @Field({ description: 'ISO 4217 currency.' })
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;

  @Field(() => GradingCriteriaInput, { nullable: true, description: 'Grading criteria: the grade is computed from them.' })
  @IsOptional()
  @ValidateNested()
  gradeCriteria?: GradingCriteriaInput | null;

  @Field(() => ProjectGradeEnum, { nullable: true, description: 'Set the grade by hand instead (needs gradeJustification).' })
  grade?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the grade is set by hand.' })
  @IsOptional()
  @Length(3, 2000)
  gradeJustification?: string | null;
}

@ArgsType()
export class UpdateProjectArgs extends UpdateArgsBase {
  @Field(() => String, { nullable: true, description: 'Reference in the calling system, unique.' })
  @IsOptional()
  @Length(1, 128)
  externalRef?: string | null;

  @Field({ nullable: true, description: 'Project name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => ID, { nullable: true, description: 'The customer.' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The org unit that runs it.' })
  orgUnitId?: string;

  @Field({ nullable: true, description: 'LTC stage.' })
  @IsOptional()
  @IsIn([...LTC_STAGES], { message: STAGE_MESSAGE })
  stage?: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Expected amount.' })
  amount?: string;

  @Field({ nullable: true, description: 'ISO 4217 currency.' })
  @IsOptional()
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency?: string;

  @Field(() => GradingCriteriaInput, { nullable: true, description: 'New grading criteria: the grade is recomputed.' })
  @IsOptional()
  @ValidateNested()
  gradeCriteria?: GradingCriteriaInput | null;

  @Field(() => ProjectGradeEnum, { nullable: true, description: 'Set the grade by hand (needs gradeJustification).' })
  grade?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the grade is set by hand.' })
  @IsOptional()
  @Length(3, 2000)
  gradeJustification?: string | null;
}

@InputType('ProjectFilter', { description: 'Filter for projects.' })
export class ProjectFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Run by this org unit or below.' })
  orgUnitId?: string;

  @Field(() => ID, { nullable: true, description: 'With this customer.' })
  customerId?: string;

  @Field(() => [String], { nullable: true, description: 'In these LTC stages.' })
  stage?: string[];

  @Field(() => [ProjectGradeEnum], { nullable: true, description: 'Of these grades.' })
  grade?: string[];

  @Field({ nullable: true, description: 'With this external reference.' })
  externalRef?: string;
}
