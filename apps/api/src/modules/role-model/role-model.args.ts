import { ArgsType, ClassType, Field, ID, InputType, Int } from 'type-graphql';
import { IsIn, Length, Matches, Min } from 'class-validator';
import { ArgsMode, BaseFilter, NoArgs, optionalOnUpdate, UpdateArgsBase } from '../../platform/args';
import { JSONScalar, DateTimeScalar } from '../../platform/scalars';
import { TriangleRoleEnum } from '../../platform/enums';

const VERSION_STATUSES = ['DRAFT', 'PUBLISHED', 'RETIRED'];
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/** An English and a Chinese name, declared once: required on create, optional on update. */
function BilingualNameFields<TBase extends ClassType>(Base: TBase, mode: ArgsMode) {
  const optional = mode === 'update';

  @ArgsType()
  class Fields extends Base {
    @Field({ nullable: optional, description: 'English name.' })
    @optionalOnUpdate(mode)
    @Length(1, 200)
    name?: string;

    @Field({ nullable: optional, description: 'Chinese name.' })
    @optionalOnUpdate(mode)
    @Length(1, 200)
    nameZh?: string;
  }
  return Fields;
}

/** A role model's changeable fields (its role is given on create only). */
function RoleModelFields<TBase extends ClassType>(Base: TBase, mode: ArgsMode) {
  @ArgsType()
  class Fields extends BilingualNameFields(Base, mode) {
    @Field(() => String, { nullable: true, description: 'What the model is for.' })
    description?: string | null;
  }
  return Fields;
}

@ArgsType()
export class CreateRoleModelArgs extends RoleModelFields(NoArgs, 'create') {
  @Field(() => TriangleRoleEnum, { description: 'The role (one model per role).' })
  role: string;
}

@ArgsType()
export class UpdateRoleModelArgs extends RoleModelFields(UpdateArgsBase, 'update') {}

@InputType('RoleModelFilter', { description: 'Filter for role models.' })
export class RoleModelFilter extends BaseFilter {
  @Field(() => [TriangleRoleEnum], { nullable: true, description: 'For these roles.' })
  role?: string[];
}

/** A role model version's changeable fields (its model and number are given on create only). */
function RoleModelVersionFields<TBase extends ClassType>(Base: TBase, mode: ArgsMode) {
  @ArgsType()
  class Fields extends Base {
    @Field({ nullable: mode === 'update', description: 'DRAFT, PUBLISHED or RETIRED.' })
    @optionalOnUpdate(mode)
    @IsIn(VERSION_STATUSES)
    status?: string;

    @Field(() => DateTimeScalar, { nullable: true, description: 'When it was published.' })
    publishedAt?: Date | null;

    @Field(() => String, { nullable: true, description: 'What changed.' })
    notes?: string | null;
  }
  return Fields;
}

@ArgsType()
export class CreateRoleModelVersionArgs extends RoleModelVersionFields(NoArgs, 'create') {
  @Field(() => ID, { description: 'The role model.' })
  roleModelId: string;

  @Field(() => Int, { description: 'Version number.' })
  @Min(1)
  versionNo: number;
}

@ArgsType()
export class UpdateRoleModelVersionArgs extends RoleModelVersionFields(UpdateArgsBase, 'update') {}

@InputType('RoleModelVersionFilter', { description: 'Filter for role model versions.' })
export class RoleModelVersionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this role model.' })
  roleModelId?: string;

  @Field({ nullable: true, description: 'With this status.' })
  status?: string;
}

/** A dimension's changeable fields (its version and code are given on create only). */
function RoleModelDimensionFields<TBase extends ClassType>(Base: TBase, mode: ArgsMode, indicatorsText: string) {
  @ArgsType()
  class Fields extends BilingualNameFields(Base, mode) {
    @Field(() => JSONScalar, { nullable: true, description: indicatorsText })
    indicators?: unknown;

    @Field(() => Int, { nullable: true, description: 'Display order.' })
    sortOrder?: number;
  }
  return Fields;
}

@ArgsType()
export class CreateRoleModelDimensionArgs extends RoleModelDimensionFields(
  NoArgs,
  'create',
  'Behaviour indicators: [{ code, name: { en, zh-CN } }].',
) {
  @Field(() => ID, { description: 'The role model version.' })
  roleModelVersionId: string;

  @Field({ description: 'Dimension code, unique in the version.' })
  @Matches(CODE, { message: 'code must be 1..32 letters, digits, ".", "-" or "_"' })
  code: string;
}

@ArgsType()
export class UpdateRoleModelDimensionArgs extends RoleModelDimensionFields(
  UpdateArgsBase,
  'update',
  'Behaviour indicators.',
) {}

@InputType('RoleModelDimensionFilter', { description: 'Filter for role model dimensions.' })
export class RoleModelDimensionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this role model version.' })
  roleModelVersionId?: string;
}
