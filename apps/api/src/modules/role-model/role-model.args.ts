import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IsIn, IsOptional, Length, Matches, Min } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { JSONScalar, DateTimeScalar } from '../../platform/scalars';
import { TriangleRoleEnum } from '../../platform/enums';

const VERSION_STATUSES = ['DRAFT', 'PUBLISHED', 'RETIRED'];
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

@ArgsType()
export class CreateRoleModelArgs {
  @Field(() => TriangleRoleEnum, { description: 'The role (one model per role).' })
  role: string;

  @Field({ description: 'English name.' })
  @Length(1, 200)
  name: string;

  @Field({ description: 'Chinese name.' })
  @Length(1, 200)
  nameZh: string;

  @Field(() => String, { nullable: true, description: 'What the model is for.' })
  description?: string | null;
}

@ArgsType()
export class UpdateRoleModelArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'English name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true, description: 'Chinese name.' })
  @IsOptional()
  @Length(1, 200)
  nameZh?: string;

  @Field(() => String, { nullable: true, description: 'What the model is for.' })
  description?: string | null;
}

@InputType('RoleModelFilter', { description: 'Filter for role models.' })
export class RoleModelFilter extends BaseFilter {
  @Field(() => [TriangleRoleEnum], { nullable: true, description: 'For these roles.' })
  role?: string[];
}

@ArgsType()
export class CreateRoleModelVersionArgs {
  @Field(() => ID, { description: 'The role model.' })
  roleModelId: string;

  @Field(() => Int, { description: 'Version number.' })
  @Min(1)
  versionNo: number;

  @Field({ description: 'DRAFT, PUBLISHED or RETIRED.' })
  @IsIn(VERSION_STATUSES)
  status: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was published.' })
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'What changed.' })
  notes?: string | null;
}

@ArgsType()
export class UpdateRoleModelVersionArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'DRAFT, PUBLISHED or RETIRED.' })
  @IsOptional()
  @IsIn(VERSION_STATUSES)
  status?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was published.' })
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'What changed.' })
  notes?: string | null;
}

@InputType('RoleModelVersionFilter', { description: 'Filter for role model versions.' })
export class RoleModelVersionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this role model.' })
  roleModelId?: string;

  @Field({ nullable: true, description: 'With this status.' })
  status?: string;
}

@ArgsType()
export class CreateRoleModelDimensionArgs {
  @Field(() => ID, { description: 'The role model version.' })
  roleModelVersionId: string;

  @Field({ description: 'Dimension code, unique in the version.' })
  @Matches(CODE, { message: 'code must be 1..32 letters, digits, ".", "-" or "_"' })
  code: string;

  @Field({ description: 'English name.' })
  @Length(1, 200)
  name: string;

  @Field({ description: 'Chinese name.' })
  @Length(1, 200)
  nameZh: string;

  @Field(() => JSONScalar, { nullable: true, description: 'Behaviour indicators: [{ code, name: { en, zh-CN } }].' })
  indicators?: unknown;

  @Field(() => Int, { nullable: true, description: 'Display order.' })
  sortOrder?: number;
}

@ArgsType()
export class UpdateRoleModelDimensionArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'English name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true, description: 'Chinese name.' })
  @IsOptional()
  @Length(1, 200)
  nameZh?: string;

  @Field(() => JSONScalar, { nullable: true, description: 'Behaviour indicators.' })
  indicators?: unknown;

  @Field(() => Int, { nullable: true, description: 'Display order.' })
  sortOrder?: number;
}

@InputType('RoleModelDimensionFilter', { description: 'Filter for role model dimensions.' })
export class RoleModelDimensionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this role model version.' })
  roleModelVersionId?: string;
}
