import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IsIn, IsOptional, Length, Max, Min } from 'class-validator';
import { PERFORMANCE_RATINGS } from '@iron-triangle/domain';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { TriangleRoleEnum } from '../../platform/enums';

const STATUSES = ['DRAFT', 'ACTIVE', 'RETIRED'];

@ArgsType()
export class CreateQualificationFrameworkArgs {
  @Field(() => TriangleRoleEnum, { description: 'The role it qualifies for.' })
  role: string;

  @Field(() => ID, { description: 'Role model version the requirements refer to.' })
  roleModelVersionId: string;

  @Field({ description: 'Name.' })
  @Length(1, 200)
  name: string;

  @Field(() => Int, { description: 'Months a result stays valid.' })
  @Min(1)
  @Max(120)
  validityMonths: number;

  @Field({ description: 'DRAFT, ACTIVE or RETIRED.' })
  @IsIn(STATUSES)
  status: string;

  @Field({ nullable: true, description: 'Whether manager assessments certify.' })
  managerMayCertify?: boolean;
}

@ArgsType()
export class UpdateQualificationFrameworkArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'Name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => Int, { nullable: true, description: 'Months a result stays valid.' })
  @IsOptional()
  @Min(1)
  @Max(120)
  validityMonths?: number;

  @Field({ nullable: true, description: 'DRAFT, ACTIVE or RETIRED.' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;

  @Field({ nullable: true, description: 'Whether manager assessments certify.' })
  managerMayCertify?: boolean;
}

@InputType('QualificationFrameworkFilter', { description: 'Filter for qualification frameworks.' })
export class QualificationFrameworkFilter extends BaseFilter {
  @Field(() => [TriangleRoleEnum], { nullable: true, description: 'For these roles.' })
  role?: string[];

  @Field({ nullable: true, description: 'With this status.' })
  status?: string;
}

@ArgsType()
export class CreateQualificationLevelArgs {
  @Field(() => ID, { description: 'The framework.' })
  frameworkId: string;

  @Field(() => Int, { description: 'Level number (1..).' })
  @Min(1)
  @Max(10)
  level: number;

  @Field({ description: 'English name.' })
  @Length(1, 100)
  name: string;

  @Field({ description: 'Chinese name.' })
  @Length(1, 100)
  nameZh: string;

  @Field(() => Int, { nullable: true, description: 'Minimum tenure in months.' })
  @IsOptional()
  @Min(0)
  minTenureMonths?: number;

  @Field(() => Int, { nullable: true, description: 'Minimum projects.' })
  @IsOptional()
  @Min(0)
  minProjects?: number;

  @Field(() => String, { nullable: true, description: 'Gate: minimum appraisal rating (A, B+, B, C, D).' })
  @IsOptional()
  @IsIn([...PERFORMANCE_RATINGS])
  gateMinimumRating?: string | null;

  @Field(() => Int, { nullable: true, description: 'Gate: number of recent periods.' })
  @IsOptional()
  @Min(1)
  gatePeriods?: number | null;
}

@ArgsType()
export class UpdateQualificationLevelArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'English name.' })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field({ nullable: true, description: 'Chinese name.' })
  @IsOptional()
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

  @Field(() => String, { nullable: true, description: 'Gate: minimum appraisal rating.' })
  @IsOptional()
  @IsIn([...PERFORMANCE_RATINGS])
  gateMinimumRating?: string | null;

  @Field(() => Int, { nullable: true, description: 'Gate: number of recent periods.' })
  @IsOptional()
  @Min(1)
  gatePeriods?: number | null;
}

@InputType('QualificationLevelFilter', { description: 'Filter for qualification levels.' })
export class QualificationLevelFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this framework.' })
  frameworkId?: string;
}

@ArgsType()
export class CreateLevelRequirementArgs {
  @Field(() => ID, { description: 'The level.' })
  levelId: string;

  @Field({ description: 'Dimension code.' })
  @Length(1, 32)
  dimensionCode: string;

  @Field(() => Int, { description: 'Minimum proficiency 1..5.' })
  @Min(1)
  @Max(5)
  minProficiency: number;
}

@ArgsType()
export class UpdateLevelRequirementArgs extends UpdateArgsBase {
  @Field(() => Int, { nullable: true, description: 'Minimum proficiency 1..5.' })
  @IsOptional()
  @Min(1)
  @Max(5)
  minProficiency?: number;
}

@InputType('LevelRequirementFilter', { description: 'Filter for level requirements.' })
export class LevelRequirementFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this level.' })
  levelId?: string;
}
