import { ArgsType, ClassType, Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsMode, BaseFilter, NoArgs, optionalOnUpdate, UpdateArgsBase } from '../../platform/args';
import { ProjectGradeEnum, TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';

/**
 * A staffing rule's changeable fields, declared once: required on create (but the org subtree, end and note),
 * optional on update. Its role and grade are given on create only.
 */
function StaffingRuleFields<TBase extends ClassType>(Base: TBase, mode: ArgsMode, orgUnitText: string) {
  const optional = mode === 'update';

  @ArgsType()
  class Fields extends Base {
    @Field(() => Int, { nullable: optional, description: 'Minimum level.' })
    @optionalOnUpdate(mode)
    @Min(1)
    @Max(10)
    minLevel?: number;

    @Field(() => ID, { nullable: true, description: orgUnitText })
    orgUnitId?: string | null;

    @Field(() => DateTimeScalar, { nullable: optional, description: 'Start.' })
    validFrom?: Date;

    @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive).' })
    validTo?: Date | null;

    @Field(() => String, { nullable: true, description: 'Why the rule exists.' })
    @IsOptional()
    @Length(0, 2000)
    note?: string | null;
  }
  return Fields;
}

@ArgsType()
export class CreateStaffingRuleArgs extends StaffingRuleFields(
  NoArgs,
  'create',
  'Org subtree it applies to; omit for everywhere.',
) {
  @Field(() => TriangleRoleEnum, { description: 'Team role.' })
  role: string;

  @Field(() => ProjectGradeEnum, { description: 'Project grade.' })
  grade: string;
}

@ArgsType()
export class UpdateStaffingRuleArgs extends StaffingRuleFields(UpdateArgsBase, 'update', 'Org subtree.') {}

@InputType('StaffingRuleFilter', { description: 'Filter for staffing rules.' })
export class StaffingRuleFilter extends BaseFilter {
  @Field(() => [TriangleRoleEnum], { nullable: true, description: 'For these roles.' })
  role?: string[];

  @Field(() => [ProjectGradeEnum], { nullable: true, description: 'For these grades.' })
  grade?: string[];

  @Field(() => ID, { nullable: true, description: 'Applying within this org unit or below.' })
  orgUnitId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only rules in force at this instant.' })
  activeAt?: Date;
}
