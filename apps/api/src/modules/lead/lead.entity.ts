// A lead (线索, DOMAIN.md §4) and its nurture actions. The class and the grade are the domain's verdicts on the facts
// recorded (classifyLead, gradeLead), kept on the row with their reasons so that lists filter and sort on them.
import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseRecord, DateTimeColumn, IdColumn, JsonColumn, MoneyColumn, StringColumn } from '../../platform/columns';
import { LeadClassEnum, LeadGradeEnum, LeadStatusEnum } from '../../platform/enums';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';
import { moneyString } from '../../platform/money';

@ObjectType({
  description:
    'A sales lead (线索): what a customer may need, who found it and who verified it, its class from the facts ' +
    'recorded and its grade from size, customer and strategic value; it becomes an opportunity when ready.',
})
@Entity('leads')
@Index('ix_leads_org_unit', ['orgUnitId'])
@Index('ix_leads_customer', ['customerId'])
export class Lead extends BaseRecord {
  @Field({ description: 'Short title of the lead.' })
  @StringColumn(200)
  title: string;

  @Field({ description: 'Where it came from, free text: exhibition, customer visit, partner, CRM …' })
  @StringColumn(100)
  source: string;

  @Field(() => ID, { description: 'The customer.' })
  @IdColumn()
  customerId: number;

  @Field(() => ID, { description: 'The org unit that owns the lead (its scope).' })
  @IdColumn()
  orgUnitId: number;

  @Field(() => String, { nullable: true, description: "The customer's need, free text." })
  @Column({ type: 'text', nullable: true })
  need: string | null;

  @Field(() => ID, { description: 'The AR who owns the lead.' })
  @IdColumn()
  ownerId: number;

  @Field(() => ID, { description: 'Who found the lead.' })
  @IdColumn()
  foundById: number;

  @Field(() => ID, { nullable: true, description: 'Who verified it (never the finder); null until verified.' })
  @IdColumn({ nullable: true })
  verifiedById: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was verified.' })
  @DateTimeColumn({ nullable: true })
  verifiedAt: Date | null;

  @Field({ description: 'Fact: the customer has a clear need.' })
  @Column({ type: 'boolean', default: false })
  clearNeed: boolean;

  @Field({ description: 'Fact: a clear decision maker on the customer side is known.' })
  @Column({ type: 'boolean', default: false })
  decisionMakerKnown: boolean;

  @Field({ description: 'Fact: the customer has an investment plan for the need.' })
  @Column({ type: 'boolean', default: false })
  investmentPlan: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Fact: a start or close date the customer named.' })
  @DateTimeColumn({ nullable: true })
  expectedDate: Date | null;

  @Field(() => LeadClassEnum, { description: 'The class, computed from the facts (classifyLead).' })
  @StringColumn(16)
  leadClass: string;

  @Field(() => [String], { description: 'The facts held (LeadFact codes) that the class rests on.' })
  @JsonColumn({ nullable: false })
  classReasons: string[];

  @Field(() => [String], { description: 'The facts (LeadFact codes) still missing for the next class.' })
  @JsonColumn({ nullable: false })
  classMissing: string[];

  @MoneyColumn({ nullable: true })
  expectedAmountMinor: bigint | null;

  @Field({ description: 'ISO 4217 currency of the amounts.' })
  @StringColumn(3)
  currency: string;

  @Field(() => MoneyScalar, { name: 'expectedAmount', nullable: true, description: 'Expected deal size.' })
  get expectedAmount(): string | null {
    return moneyString(this.expectedAmountMinor, this.currency);
  }

  @Field({ description: 'Grading: a breakthrough into a strategic industry.' })
  @Column({ type: 'boolean', default: false })
  strategicIndustryBreakthrough: boolean;

  @Field({ description: 'Grading: a major impact on product direction.' })
  @Column({ type: 'boolean', default: false })
  majorProductDirectionImpact: boolean;

  @Field({ description: 'Grading: a major impact on the business model.' })
  @Column({ type: 'boolean', default: false })
  majorBusinessModelImpact: boolean;

  @Field({ description: 'Grading: a breakthrough into a new market (region or customer group).' })
  @Column({ type: 'boolean', default: false })
  marketBreakthrough: boolean;

  @Field(() => LeadGradeEnum, { description: "The grade, computed by gradeLead (with the customer's tier)." })
  @StringColumn(16)
  grade: string;

  @Field(() => [String], { description: 'Why it has its grade (LeadGradeReason codes).' })
  @JsonColumn({ nullable: false })
  gradeReasons: string[];

  @MoneyColumn({ nullable: true })
  budgetMinor: bigint | null;

  @Field(() => MoneyScalar, { name: 'budget', nullable: true, description: "The customer's definite budget." })
  get budget(): string | null {
    return moneyString(this.budgetMinor, this.currency);
  }

  @Field(() => DateTimeScalar, { nullable: true, description: "The customer's definite start time." })
  @DateTimeColumn({ nullable: true })
  startTime: Date | null;

  @Field({ description: 'We have a solution that fits the need.' })
  @Column({ type: 'boolean', default: false })
  fittingSolution: boolean;

  @Field(() => LeadStatusEnum, { description: 'OPEN, CONVERTED (to an opportunity) or DROPPED.' })
  @StringColumn(16)
  status: string;

  @Field(() => ID, { nullable: true, description: 'The opportunity it became.' })
  @IdColumn({ nullable: true })
  opportunityId: number | null;

  @Field(() => String, { nullable: true, description: 'Why it was dropped.' })
  @Column({ type: 'text', nullable: true })
  dropReason: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was dropped.' })
  @DateTimeColumn({ nullable: true })
  droppedAt: Date | null;
}

@ObjectType({ description: 'A nurture action on a lead: what to do, by when, by whom, and when it was done.' })
@Entity('lead_nurture_actions')
@Index('ix_lead_nurture_actions_lead', ['leadId'])
export class LeadNurtureAction extends BaseRecord {
  @Field(() => ID, { description: 'The lead.' })
  @IdColumn()
  leadId: number;

  @Field({ description: 'What to do.' })
  @StringColumn(500)
  action: string;

  @Field(() => DateTimeScalar, { description: 'Due by then (UTC).' })
  @DateTimeColumn()
  dueDate: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was done; null while open.' })
  @DateTimeColumn({ nullable: true })
  doneAt: Date | null;

  @Field(() => ID, { description: 'Who does it.' })
  @IdColumn()
  ownerId: number;

  @Field(() => String, { nullable: true, description: 'A note.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
