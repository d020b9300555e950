import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';
import { GrantArgs, NoArgs } from '../authority-rule';

@ArgsType()
export class CreateDelegationArgs extends GrantArgs(NoArgs, 'create', {
  decisionPoints: 'Decision points.',
  grades: 'Grades.',
  limit: 'Amount limit.',
}) {
  @Field(() => ID, {
    nullable: true,
    description: 'The authority rule delegated from (exactly one of sourceRuleId and sourceDelegationId).',
  })
  sourceRuleId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The delegation re-delegated from.' })
  sourceDelegationId?: string | null;

  @Field(() => ID, { description: 'Who delegates.' })
  delegatorId: string;

  @Field(() => ID, { description: 'Who receives.' })
  delegateId: string;

  @Field(() => Int, { nullable: true, description: 'How deep the delegate may delegate again (default 0).' })
  @IsOptional()
  @Min(0)
  @Max(5)
  redelegableDepth?: number;

  @Field(() => TriangleRoleEnum, { nullable: true, description: 'Qualification the delegate must keep: role.' })
  requiredRole?: string | null;

  @Field(() => Int, { nullable: true, description: 'Qualification the delegate must keep: level.' })
  @IsOptional()
  @Min(1)
  requiredLevel?: number | null;

  @Field({ description: 'Why (mandatory).' })
  @Length(3, 2000)
  reason: string;
}

@ArgsType()
export class UpdateDelegationArgs extends UpdateArgsBase {
  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive): shorten or extend within the source.' })
  validTo?: Date | null;

  @Field({ nullable: true, description: 'Why.' })
  @IsOptional()
  @Length(3, 2000)
  reason?: string;
}

@InputType('DelegationFilter', { description: 'Filter for delegations.' })
export class DelegationFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Scoped within this org unit or below.' })
  orgUnitId?: string;

  @Field(() => ID, { nullable: true, description: 'From this person.' })
  delegatorId?: string;

  @Field(() => ID, { nullable: true, description: 'To this person.' })
  delegateId?: string;

  @Field(() => ID, { nullable: true, description: 'From this rule.' })
  sourceRuleId?: string;

  @Field(() => ID, { nullable: true, description: 'From this delegation.' })
  sourceDelegationId?: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only delegations in force (and not revoked) at this instant.',
  })
  activeAt?: Date;
}
