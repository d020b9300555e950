import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMinSize, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { DecisionPointEnum, HolderKindEnum, ProjectGradeEnum, TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';

@ArgsType()
export class CreateAuthorityRuleArgs {
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

  @Field(() => [DecisionPointEnum], { description: 'Decision points granted.' })
  @ArrayMinSize(1)
  decisionPoints: string[];

  @Field(() => [ProjectGradeEnum], { description: 'Grades covered.' })
  @ArrayMinSize(1)
  grades: string[];

  @Field(() => ID, { description: 'Org subtree.' })
  scopeOrgUnitId: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Amount limit; omit for none.' })
  limit?: string | null;

  @Field({ description: 'Currency of the limit.' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;

  @Field(() => DateTimeScalar, { description: 'Start.' })
  validFrom: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive).' })
  validTo?: Date | null;

  @Field(() => Int, { nullable: true, description: 'How deep it may be delegated (default 0).' })
  @IsOptional()
  @Min(0)
  @Max(5)
  delegableDepth?: number;
}

@ArgsType()
export class UpdateAuthorityRuleArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'Name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => [DecisionPointEnum], { nullable: true, description: 'Decision points granted.' })
  @IsOptional()
  @ArrayMinSize(1)
  decisionPoints?: string[];

  @Field(() => [ProjectGradeEnum], { nullable: true, description: 'Grades covered.' })
  @IsOptional()
  @ArrayMinSize(1)
  grades?: string[];

  @Field(() => ID, { nullable: true, description: 'Org subtree.' })
  scopeOrgUnitId?: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Amount limit; null for none.' })
  limit?: string | null;

  @Field({ nullable: true, description: 'Currency of the limit.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start.' })
  validFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive).' })
  validTo?: Date | null;

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
