import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { HolderKindEnum, TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';
import { GrantArgs, NoArgs } from './grant.args';

const RULE_GRANT = { decisionPoints: 'Decision points granted.', grades: 'Grades covered.' };

@ArgsType()
export class CreateAuthorityRuleArgs extends GrantArgs(NoArgs, 'create', {
  ...RULE_GRANT,
  limit: 'Amount limit; omit for none.',
}) {
  @Field({ description: 'Name.' })
  @Length(1, 200)
  name: string;

  @Field(() => HolderKindEnum, { description: 'Kind of holder.' })
  holderKind: string;

  @Field(() => String, { nullable: true, description: 'POSITION: the title.' })
  holderTitle?: string | null;

  @Field(() => ID, { nullable: true, description: 'POSITION: the org unit.' })
  holderOrgUnitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'DECISION_BODY: the body.' })
  decisionBodyId?: string | null;

  @Field(() => TriangleRoleEnum, { nullable: true, description: 'PROJECT_ROLE: the role.' })
  holderRole?: string | null;

  @Field(() => Int, { nullable: true, description: 'How deep it may be delegated (default 0).' })
  @IsOptional()
  @Min(0)
  @Max(5)
  delegableDepth?: number;
}

@ArgsType()
export class UpdateAuthorityRuleArgs extends GrantArgs(UpdateArgsBase, 'update', {
  ...RULE_GRANT,
  limit: 'Amount limit; null for none.',
}) {
  @Field({ nullable: true, description: 'Name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => Int, { nullable: true, description: 'How deep it may be delegated.' })
  @IsOptional()
  @Min(0)
  @Max(5)
  delegableDepth?: number;
}

@InputType('AuthorityRuleFilter', { description: 'Filter for authority rules.' })
export class AuthorityRuleFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Scoped within this org unit or below.' })
  orgUnitId?: string;

  @Field(() => HolderKindEnum, { nullable: true, description: 'Of this holder kind.' })
  holderKind?: string;

  @Field({ nullable: true, description: 'Held by this position title.' })
  holderTitle?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only rules in force at this instant.' })
  activeAt?: Date;
}
