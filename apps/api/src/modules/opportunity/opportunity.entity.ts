// An opportunity (机会点, DOMAIN.md §4): a verified lead with a definite budget, start time and fitting solution,
// moved through the funnel stages (checkStageTransition) and, at ATI, turned into a project linked both ways.
import { Column, Entity, Index } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseRecord, DateTimeColumn, IdColumn, JsonColumn, MoneyColumn, StringColumn } from '../../platform/columns';
import { LeadGradeEnum, OpportunityStageEnum } from '../../platform/enums';
import { DateTimeScalar, JSONScalar, MoneyScalar } from '../../platform/scalars';
import { moneyString } from '../../platform/money';

/** One move of the stage: to which stage, when (ISO 8601, UTC), by which user. */
export interface StageMove {
  stage: string;
  at: string;
  by: number | null;
}

@ObjectType({
  description:
    'A sales opportunity (机会点): stage in the funnel, expected amount, close date and probability; it becomes ' +
    'a project at ATI.',
})
@Entity('opportunities')
@Index('ix_opportunities_org_unit', ['orgUnitId'])
@Index('ix_opportunities_customer', ['customerId'])
export class Opportunity extends BaseRecord {
  @Field({ description: 'Name of the opportunity.' })
  @StringColumn(200)
  name: string;

  @Field(() => ID, { nullable: true, description: 'The lead it came from.' })
  @IdColumn({ nullable: true })
  leadId: number | null;

  @Field(() => ID, { description: 'The customer.' })
  @IdColumn()
  customerId: number;

  @Field(() => ID, { description: 'The org unit that owns it (its scope).' })
  @IdColumn()
  orgUnitId: number;

  @Field(() => ID, { description: 'The AR who owns it.' })
  @IdColumn()
  ownerId: number;

  @Field(() => OpportunityStageEnum, {
    description: 'Funnel stage; a change checkStageTransition refuses is refused (SALES.STAGE_TRANSITION_REFUSED).',
  })
  @StringColumn(16)
  stage: string;

  @Field(() => JSONScalar, {
    description: 'Every stage it has been in, oldest first: [{stage, at, by}] (by: the user who moved it).',
  })
  @JsonColumn({ nullable: false })
  stageHistory: StageMove[];

  @MoneyColumn()
  expectedAmountMinor: bigint;

  @Field({ description: 'ISO 4217 currency of the amount.' })
  @StringColumn(3)
  currency: string;

  @Field(() => MoneyScalar, { name: 'expectedAmount', description: 'Expected order amount, in `currency`.' })
  get expectedAmount(): string {
    return moneyString(this.expectedAmountMinor, this.currency) as string;
  }

  @Field(() => DateTimeScalar, { description: 'Expected close (order) date.' })
  @DateTimeColumn()
  closeDate: Date;

  @Field(() => Int, { nullable: true, description: "Whole percent set by hand; null means the stage's." })
  @Column({ type: 'integer', nullable: true })
  probability: number | null;

  @Field(() => LeadGradeEnum, { description: 'Grade, carried from the lead (or graded as a lead is).' })
  @StringColumn(16)
  grade: string;

  @Field(() => ID, { nullable: true, description: 'The project made from it at ATI.' })
  @IdColumn({ nullable: true })
  projectId: number | null;
}
