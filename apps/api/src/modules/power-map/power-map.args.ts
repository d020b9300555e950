import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, MaxLength } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { DecisionRoleEnum, InfluenceLevelEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';

const ATTITUDE =
  'The attitude from −3 (strong opposition) to +3 (strong exclusive support); recorded in the history ' +
  '(SALES.ATTITUDE_OUT_OF_RANGE outside the scale).';

@ArgsType()
export class CreateStakeholderArgs {
  @Field(() => ID, { description: 'The customer.' })
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'The opportunity whose map this is (optional).' })
  opportunityId?: string | null;

  @Field({ description: 'Name.' })
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Title at the customer.' })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'The stakeholder of the same customer they report to.' })
  reportsToId?: string | null;

  @Field(() => DecisionRoleEnum, { description: 'Role in the decision.' })
  decisionRole: string;

  @Field(() => InfluenceLevelEnum, { description: 'Influence on the decision.' })
  influence: string;

  @Field(() => Int, { nullable: true, description: `${ATTITUDE} Left out: unknown.` })
  attitude?: number | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Who on our side owns the relationship. Left out: the AR on the team of the customer's latest project, else " +
      'the person signed in.',
  })
  relationshipOwnerId?: string | null;
}

@ArgsType()
export class UpdateStakeholderArgs extends UpdateArgsBase {
  @Field(() => ID, { nullable: true, description: 'The opportunity whose map this is.' })
  opportunityId?: string | null;

  @Field({ nullable: true, description: 'Name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Title at the customer.' })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'The stakeholder of the same customer they report to.' })
  reportsToId?: string | null;

  @Field(() => DecisionRoleEnum, { nullable: true, description: 'Role in the decision.' })
  decisionRole?: string;

  @Field(() => InfluenceLevelEnum, { nullable: true, description: 'Influence on the decision.' })
  influence?: string;

  @Field(() => Int, {
    nullable: true,
    description: `${ATTITUDE} A value other than the current one appends a record at the time of the change.`,
  })
  attitude?: number | null;

  @Field(() => ID, { nullable: true, description: 'Who on our side owns the relationship.' })
  relationshipOwnerId?: string | null;
}

@InputType('StakeholderFilter', { description: 'Filter for stakeholders.' })
export class StakeholderFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this customer.' })
  @IsOptional()
  customerId?: string;

  @Field(() => ID, { nullable: true, description: 'On the map of this opportunity.' })
  @IsOptional()
  opportunityId?: string;

  @Field(() => [DecisionRoleEnum], { nullable: true, description: 'In these roles.' })
  @IsOptional()
  decisionRole?: string[];

  @Field(() => ID, { nullable: true, description: 'Whose relationship this person owns.' })
  @IsOptional()
  relationshipOwnerId?: string;

  @Field(() => ID, { nullable: true, description: 'Reporting to this stakeholder.' })
  @IsOptional()
  reportsToId?: string;
}

@ArgsType()
export class CreateRelationshipPlanActionArgs {
  @Field(() => ID, { description: 'The customer.' })
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'The opportunity the action serves (optional).' })
  opportunityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The stakeholder it is aimed at (of the same customer).' })
  stakeholderId?: string | null;

  @Field({ description: 'What to do.' })
  @Length(1, 500)
  action: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "Who does it. Left out: the stakeholder's relationship owner, else the AR of the customer's latest project, " +
      'else the person signed in.',
  })
  ownerId?: string | null;

  @Field(() => DateTimeScalar, { description: 'Due by.' })
  dueDate: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was done.' })
  doneAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Note.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@ArgsType()
export class UpdateRelationshipPlanActionArgs extends UpdateArgsBase {
  @Field(() => ID, { nullable: true, description: 'The opportunity the action serves.' })
  opportunityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The stakeholder it is aimed at (of the same customer).' })
  stakeholderId?: string | null;

  @Field({ nullable: true, description: 'What to do.' })
  @IsOptional()
  @Length(1, 500)
  action?: string;

  @Field(() => ID, { nullable: true, description: 'Who does it.' })
  ownerId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Due by.' })
  dueDate?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was done; null: open again.' })
  doneAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Note.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@InputType('RelationshipPlanActionFilter', {
  description: 'Filter for relationship plan actions (from/to apply to the due date).',
})
export class RelationshipPlanActionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this customer.' })
  @IsOptional()
  customerId?: string;

  @Field(() => ID, { nullable: true, description: 'Serving this opportunity.' })
  @IsOptional()
  opportunityId?: string;

  @Field(() => ID, { nullable: true, description: 'Aimed at this stakeholder.' })
  @IsOptional()
  stakeholderId?: string;

  @Field(() => ID, { nullable: true, description: 'Done by this person.' })
  @IsOptional()
  ownerId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: done; false: still open.' })
  @IsOptional()
  done?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'true: open and past due now; false: the others.' })
  @IsOptional()
  overdue?: boolean;
}
