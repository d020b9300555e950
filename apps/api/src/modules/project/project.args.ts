import { ArgsType, ClassType, Field, ID, InputType } from 'type-graphql';
import { IsIn, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { LTC_STAGES } from '@iron-triangle/domain';
import { ArgsMode, BaseFilter, NoArgs, optionalOnUpdate, UpdateArgsBase } from '../../platform/args';
import { ProjectGradeEnum } from '../../platform/enums';
import { MoneyScalar } from '../../platform/scalars';

@InputType('GradingCriteriaInput', {
  description: 'The grading judgements made at initiation (DOMAIN.md §4). A missing flag counts as false.',
})
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

  @Field({
    nullable: true,
    description:
      "Major impact on cooperation with the project's customer: counts as S- or A-tier by the customer's tier.",
  })
  majorCustomerImpact?: boolean;
}

const STAGE_MESSAGE = `stage must be one of ${LTC_STAGES.join(', ')}`;
const CURRENCY = /^[A-Z]{3}$/;

/** The descriptions that differ between upsertProject's input, createProject and updateProject. */
interface ProjectDescriptions {
  stage: string;
  amount: string;
  gradeCriteria: string;
  grade: string;
}

/**
 * A project's fields, declared once: as upsertProject's input type (`input`) or as the arguments of createProject
 * and updateProject (`args`, extended by the concrete classes), required except on update.
 */
function ProjectFields<TBase extends ClassType>(
  Base: TBase,
  kind: 'input' | 'args',
  mode: ArgsMode,
  text: ProjectDescriptions,
) {
  const optional = mode === 'update';

  @(kind === 'input'
    ? InputType('ProjectFieldsBase', { description: 'The fields of ProjectInput (a base; not used on its own).' })
    : ArgsType())
  class Fields extends Base {
    @Field({ nullable: optional, description: 'Project name.' })
    @optionalOnUpdate(mode)
    @Length(1, 200)
    name?: string;

    @Field(() => ID, { nullable: true, description: 'The customer.' })
    customerId?: string | null;

    @Field(() => ID, { nullable: optional, description: 'The org unit that runs it.' })
    orgUnitId?: string;

    @Field({ nullable: optional, description: text.stage })
    @optionalOnUpdate(mode)
    @IsIn([...LTC_STAGES], { message: STAGE_MESSAGE })
    stage?: string;

    @Field(() => MoneyScalar, { nullable: optional, description: text.amount })
    amount?: string;

    @Field({ nullable: optional, description: 'ISO 4217 currency.' })
    @optionalOnUpdate(mode)
    @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as CNY' })
    currency?: string;

    @Field(() => GradingCriteriaInput, { nullable: true, description: text.gradeCriteria })
    @IsOptional()
    @ValidateNested()
    gradeCriteria?: GradingCriteriaInput | null;

    @Field(() => ProjectGradeEnum, { nullable: true, description: text.grade })
    grade?: string | null;

    @Field(() => String, { nullable: true, description: 'Why the grade is set by hand.' })
    @IsOptional()
    @Length(3, 2000)
    gradeJustification?: string | null;
  }
  return Fields;
}

const NEW_PROJECT = {
  gradeCriteria: 'Grading criteria: the grade is computed from them.',
  grade: 'Set the grade by hand instead (needs gradeJustification).',
};

@InputType('ProjectInput', { description: 'A project as an integration sends it (upsertProject).' })
export class ProjectInput extends ProjectFields(NoArgs, 'input', 'create', {
  ...NEW_PROJECT,
  stage: 'LTC stage.',
  amount: 'Expected amount.',
}) {}

@ArgsType()
export class CreateProjectArgs extends ProjectFields(NoArgs, 'args', 'create', {
  ...NEW_PROJECT,
  stage: 'LTC stage: LEAD, OPPORTUNITY, CONTRACT_EXECUTION or CLOSED.',
  amount: 'Expected amount, e.g. "5000000.00".',
}) {
  @Field(() => String, { nullable: true, description: 'Reference in the calling system, unique.' })
  @IsOptional()
  @Length(1, 128)
  externalRef?: string | null;
}

@ArgsType()
export class UpdateProjectArgs extends ProjectFields(UpdateArgsBase, 'args', 'update', {
  stage: 'LTC stage.',
  amount: 'Expected amount.',
  gradeCriteria: 'New grading criteria: the grade is recomputed.',
  grade: 'Set the grade by hand (needs gradeJustification).',
}) {
  @Field(() => String, { nullable: true, description: 'Reference in the calling system, unique.' })
  @IsOptional()
  @Length(1, 128)
  externalRef?: string | null;
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
