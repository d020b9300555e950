import { ArgsType, ClassType, Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsIn, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { PERFORMANCE_RATINGS } from '@iron-triangle/domain';
import { ArgsMode, BaseFilter, NoArgs, optionalOnUpdate, UpdateArgsBase } from '../../platform/args';
import { AssessmentKindEnum, TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';

@InputType('RatingInput', { description: 'A rating of one dimension, with evidence.' })
export class RatingInput {
  @Field({ description: 'Dimension code of the role model version.' })
  @Length(1, 32)
  dimension: string;

  @Field(() => Int, { description: 'Proficiency 1..5.' })
  @Min(1)
  @Max(5)
  proficiency: number;

  @Field(() => String, { nullable: true, description: 'Evidence for the rating.' })
  @IsOptional()
  @Length(0, 5000)
  evidence?: string | null;
}

@InputType('PerformanceInput', { description: 'One appraisal period and its rating.' })
export class PerformanceInput {
  @Field({ description: 'Period label, e.g. "2025H2".' })
  @Length(1, 32)
  period: string;

  @Field(() => DateTimeScalar, { description: 'When the period ended.' })
  endsAt: Date;

  @Field({ description: 'Rating: A, B+, B, C or D.' })
  @IsIn([...PERFORMANCE_RATINGS])
  rating: string;
}

/** The descriptions that differ between createAssessment and updateAssessment. */
interface AssessmentDescriptions {
  ratings: string;
  inRoleSince: string;
  completedProjects: string;
}

/**
 * An assessment's changeable fields, declared once: kind, moment and ratings required on create, everything
 * optional on update (who is assessed and on which framework: create only).
 */
function AssessmentFields<TBase extends ClassType>(Base: TBase, mode: ArgsMode, text: AssessmentDescriptions) {
  const optional = mode === 'update';

  @ArgsType()
  class Fields extends Base {
    @Field(() => AssessmentKindEnum, { nullable: optional, description: 'SELF, MANAGER or PANEL.' })
    kind?: string;

    @Field(() => ID, { nullable: true, description: 'The assessor.' })
    assessorId?: string | null;

    @Field(() => DateTimeScalar, { nullable: optional, description: 'When the assessment was made.' })
    assessedAt?: Date;

    @Field(() => [RatingInput], { nullable: optional, description: text.ratings })
    @optionalOnUpdate(mode)
    @ValidateNested({ each: true })
    @ArrayMaxSize(50)
    ratings?: RatingInput[];

    @Field(() => DateTimeScalar, { nullable: true, description: text.inRoleSince })
    inRoleSince?: Date | null;

    @Field(() => Int, { nullable: true, description: text.completedProjects })
    @IsOptional()
    @Min(0)
    completedProjects?: number;

    @Field(() => [PerformanceInput], { nullable: true, description: 'Appraisal ratings.' })
    @IsOptional()
    @ValidateNested({ each: true })
    @ArrayMaxSize(40)
    performance?: PerformanceInput[];

    @Field(() => String, { nullable: true, description: 'Comment.' })
    @IsOptional()
    @Length(0, 5000)
    comment?: string | null;
  }
  return Fields;
}

@ArgsType()
export class CreateAssessmentArgs extends AssessmentFields(NoArgs, 'create', {
  ratings: 'One rating per dimension of the role model version.',
  inRoleSince: 'In the role since (default: first appointment in the role).',
  completedProjects: 'Completed projects in the role (default: closed projects with an appointment in the role).',
}) {
  @Field(() => ID, { description: 'Who is assessed.' })
  personId: string;

  @Field(() => ID, { description: 'The framework (its role and role model version apply).' })
  frameworkId: string;
}

@ArgsType()
export class UpdateAssessmentArgs extends AssessmentFields(UpdateArgsBase, 'update', {
  ratings: 'Replaces all ratings.',
  inRoleSince: 'In the role since.',
  completedProjects: 'Completed projects in the role.',
}) {}

@InputType('AssessmentFilter', { description: 'Filter for assessments (from/to apply to assessedAt).' })
export class AssessmentFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this person.' })
  personId?: string;

  @Field(() => [TriangleRoleEnum], { nullable: true, description: 'For these roles.' })
  role?: string[];

  @Field(() => ID, { nullable: true, description: 'On this framework.' })
  frameworkId?: string;

  @Field(() => [AssessmentKindEnum], { nullable: true, description: 'Of these kinds.' })
  kind?: string[];

  @Field(() => [Int], { nullable: true, description: 'Reaching these levels.' })
  levelReached?: number[];

  @Field(() => Int, { nullable: true, description: 'That reached this level (1 to 10) or a higher one.' })
  @IsOptional()
  @Min(1)
  @Max(10)
  minLevel?: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Whose result (a level) is valid at this instant: made by then, its validity not ended. (Whether a later ' +
      'assessment supersedes it is what qualificationStatus and qualifiedPeople answer.)',
  })
  @IsOptional()
  validAt?: Date;

  @Field(() => Boolean, { nullable: true, description: 'Only results that certify (true) or only those that do not.' })
  @IsOptional()
  certifies?: boolean;

  @Field(() => ID, { nullable: true, description: 'Of people in this org unit or below.' })
  orgUnitId?: string;
}

@InputType('AssessmentRatingFilter', { description: 'Filter for assessment ratings.' })
export class AssessmentRatingFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this assessment.' })
  assessmentId?: string;
}
