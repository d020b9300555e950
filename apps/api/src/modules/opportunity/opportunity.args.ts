import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { UpdateArgsBase } from '../../platform/args';
import { OpportunityStageEnum } from '../../platform/enums';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';
import { SalesRecordFilter } from '../lead';

const CURRENCY = /^[A-Z]{3}$/;

@ArgsType()
export class CreateOpportunityArgs {
  @Field({ description: 'Name of the opportunity.' })
  @Length(1, 200)
  name: string;

  @Field(() => ID, { description: 'The customer.' })
  customerId: string;

  @Field(() => ID, { description: 'The org unit that owns it.' })
  orgUnitId: string;

  @Field(() => ID, { nullable: true, description: 'The AR who owns it (default: you).' })
  ownerId?: string;

  @Field(() => OpportunityStageEnum, { nullable: true, description: 'Starting stage (default POTENTIAL).' })
  stage?: string;

  @Field(() => MoneyScalar, { description: 'Expected order amount, e.g. "5000000.00".' })
  expectedAmount: string;

  @Field({ nullable: true, defaultValue: 'CNY', description: 'ISO 4217 currency (default CNY).' })
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;

  @Field(() => DateTimeScalar, { description: 'Expected close (order) date.' })
  closeDate: Date;

  @Field(() => Int, { nullable: true, description: "Whole percent 0..100; null: the stage's." })
  @IsOptional()
  @Min(0)
  @Max(100)
  probability?: number | null;
}

@ArgsType()
export class UpdateOpportunityArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'Name of the opportunity.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => ID, { nullable: true, description: 'The AR who owns it.' })
  ownerId?: string;

  @Field(() => OpportunityStageEnum, {
    nullable: true,
    description: 'A new stage: one forward, one back while open, or LOST (SALES.STAGE_TRANSITION_REFUSED otherwise).',
  })
  stage?: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Expected order amount.' })
  expectedAmount?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Expected close (order) date.' })
  closeDate?: Date;

  @Field(() => Int, { nullable: true, description: "Whole percent 0..100; null: the stage's." })
  @IsOptional()
  @Min(0)
  @Max(100)
  probability?: number | null;
}

@InputType('OpportunityFilter', { description: 'Filter for opportunities.' })
export class OpportunityFilter extends SalesRecordFilter {
  @Field(() => ID, { nullable: true, description: 'From this lead.' })
  leadId?: string;

  @Field(() => [OpportunityStageEnum], { nullable: true, description: 'In these stages.' })
  stage?: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'Closing at or after this instant.' })
  closeFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Closing before this instant.' })
  closeTo?: Date;
}
