import { ArgsType, ClassType, Field, ID, InputType, Int } from 'type-graphql';
import { IsIn, IsOptional, Length, Max, Min } from 'class-validator';
import { PERFORMANCE_RATINGS } from '@iron-triangle/domain';
import { ArgsMode, BaseFilter, NoArgs, optionalOnUpdate, UpdateArgsBase } from '../../platform/args';
import { TriangleRoleEnum } from '../../platform/enums';

const STATUSES = ['DRAFT', 'ACTIVE', 'RETIRED'];

/** A framework's changeable fields: required on create, optional on update (its role and version: create only). */
function QualificationFrameworkFields<TBase extends ClassType>(Base: TBase, mode: ArgsMode) {
  const optional = mode === 'update';

  @ArgsType()
  class Fields extends Base {
    @Field({ nullable: optional, description: 'Name.' })
    @optionalOnUpdate(mode)
    @Length(1, 200)
    name?: string;

    @Field(() => Int, { nullable: optional, description: 'Months a result stays valid.' })
    @optionalOnUpdate(mode)
    @Min(1)
    @Max(120)
    validityMonths?: number;

    @Field({ nullable: optional, description: 'DRAFT, ACTIVE or RETIRED.' })
    @optionalOnUpdate(mode)
    @IsIn(STATUSES)
    status?: string;

    @Field({ nullable: true, description: 'Whether manager assessments certify.' })
    managerMayCertify?: boolean;
  }
  return Fields;
}

@ArgsType()
export class CreateQualificationFrameworkArgs extends QualificationFrameworkFields(NoArgs, 'create') {
  @Field(() => TriangleRoleEnum, { description: 'The role it qualifies for.' })
  role: string;

  @Field(() => ID, { description: 'Role model version the requirements refer to.' })
  roleModelVersionId: string;
}

@ArgsType()
export class UpdateQualificationFrameworkArgs extends QualificationFrameworkFields(UpdateArgsBase, 'update') {}

@InputType('QualificationFrameworkFilter', { description: 'Filter for qualification frameworks.' })
export class QualificationFrameworkFilter extends BaseFilter {
  @Field(() => [TriangleRoleEnum], { nullable: true, description: 'For these roles.' })
  role?: string[];

  @Field({ nullable: true, description: 'With this status.' })
  status?: string;
}

/** A level's changeable fields: names required on create, the rest optional (its framework and number: create only). */
function QualificationLevelFields<TBase extends ClassType>(Base: TBase, mode: ArgsMode, ratingText: string) {
  const optional = mode === 'update';

  @ArgsType()
  class Fields extends Base {
    @Field({ nullable: optional, description: 'English name.' })
    @optionalOnUpdate(mode)
    @Length(1, 100)
    name?: string;

    @Field({ nullable: optional, description: 'Chinese name.' })
    @optionalOnUpdate(mode)
    @Length(1, 100)
    nameZh?: string;

    @Field(() => Int, { nullable: true, description: 'Minimum tenure in months.' })
    @IsOptional()
    @Min(0)
    minTenureMonths?: number;

    @Field(() => Int, { nullable: true, description: 'Minimum projects.' })
    @IsOptional()
    @Min(0)
    minProjects?: number;

    @Field(() => String, { nullable: true, description: ratingText })
    @IsOptional()
    @IsIn([...PERFORMANCE_RATINGS])
    gateMinimumRating?: string | null;

    @Field(() => Int, { nullable: true, description: 'Gate: number of recent periods.' })
    @IsOptional()
    @Min(1)
    gatePeriods?: number | null;
  }
  return Fields;
}

@ArgsType()
export class CreateQualificationLevelArgs extends QualificationLevelFields(
  NoArgs,
  'create',
  'Gate: minimum appraisal rating (A, B+, B, C, D).',
) {
  @Field(() => ID, { description: 'The framework.' })
  frameworkId: string;

  @Field(() => Int, { description: 'Level number (1..).' })
  @Min(1)
  @Max(10)
  level: number;
}

@ArgsType()
export class UpdateQualificationLevelArgs extends QualificationLevelFields(
  UpdateArgsBase,
  'update',
  'Gate: minimum appraisal rating.',
) {}

@InputType('QualificationLevelFilter', { description: 'Filter for qualification levels.' })
export class QualificationLevelFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this framework.' })
  frameworkId?: string;
}

/** A requirement's changeable field (its level and dimension: create only). */
function LevelRequirementFields<TBase extends ClassType>(Base: TBase, mode: ArgsMode) {
  @ArgsType()
  class Fields extends Base {
    @Field(() => Int, { nullable: mode === 'update', description: 'Minimum proficiency 1..5.' })
    @optionalOnUpdate(mode)
    @Min(1)
    @Max(5)
    minProficiency?: number;
  }
  return Fields;
}

@ArgsType()
export class CreateLevelRequirementArgs extends LevelRequirementFields(NoArgs, 'create') {
  @Field(() => ID, { description: 'The level.' })
  levelId: string;

  @Field({ description: 'Dimension code.' })
  @Length(1, 32)
  dimensionCode: string;
}

@ArgsType()
export class UpdateLevelRequirementArgs extends LevelRequirementFields(UpdateArgsBase, 'update') {}

@InputType('LevelRequirementFilter', { description: 'Filter for level requirements.' })
export class LevelRequirementFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this level.' })
  levelId?: string;
}
