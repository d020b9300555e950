import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { ProjectGradeEnum, TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';

@ArgsType()
export class CreateStaffingRuleArgs {
  @Field(() => TriangleRoleEnum, { description: 'Team role.' })
  role: string;

  @Field(() => ProjectGradeEnum, { description: 'Project grade.' })
  grade: string;

  @Field(() => Int, { description: 'Minimum level.' })
  @Min(1)
  @Max(10)
  minLevel: number;

  @Field(() => ID, { nullable: true, description: 'Org subtree it applies to; omit for everywhere.' })
  orgUnitId?: string | null;

  @Field(() => DateTimeScalar, { description: 'Start.' })
  validFrom: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive).' })
  validTo?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the rule exists.' })
  @IsOptional()
  @Length(0, 2000)
  note?: string | null;
}

@ArgsType()
export class UpdateStaffingRuleArgs extends UpdateArgsBase {
  @Field(() => Int, { nullable: true, description: 'Minimum level.' })
  @IsOptional()
  @Min(1)
  @Max(10)
  minLevel?: number;

  @Field(() => ID, { nullable: true, description: 'Org subtree.' })
  orgUnitId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start.' })
  validFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive).' })
  validTo?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the rule exists.' })
  @IsOptional()
  @Length(0, 2000)
  note?: string | null;
}

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
