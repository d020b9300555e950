import { Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseRecord, IdColumn, JsonColumn, KeyColumn, MoneyColumn, StringColumn } from '../../platform/columns';
import { Column } from 'typeorm';
import { ProjectGradeEnum } from '../../platform/enums';
import { JSONScalar, MoneyScalar } from '../../platform/scalars';
import { moneyString } from '../../platform/money';

@ObjectType({ description: 'A sales project (opportunity) run by a triangle, from lead to cash.' })
@Entity('projects')
export class Project extends BaseRecord {
  @Field(() => String, {
    nullable: true,
    description: 'Reference in the calling system (CRM), unique; used by upsertProject.',
  })
  @Index('uq_projects_external_ref', { unique: true })
  @KeyColumn(128, { nullable: true })
  externalRef: string | null;

  @Field({ description: 'Project name.' })
  @StringColumn(200)
  name: string;

  @Field(() => ID, { nullable: true, description: 'The customer.' })
  @IdColumn({ nullable: true })
  customerId: number | null;

  @Field(() => ID, { description: 'The org unit that runs the project.' })
  @IdColumn()
  orgUnitId: number;

  @Field({ description: 'LTC stage: LEAD, OPPORTUNITY, CONTRACT_EXECUTION or CLOSED.' })
  @StringColumn(32)
  stage: string;

  @MoneyColumn()
  amountMinor: bigint;

  @Field({ description: 'ISO 4217 currency of the amount.' })
  @StringColumn(3)
  currency: string;

  @Field(() => MoneyScalar, { name: 'amount', description: 'Expected contract amount, in `currency`.' })
  get amount(): string {
    return moneyString(this.amountMinor, this.currency) as string;
  }

  @Field(() => ProjectGradeEnum, {
    description: 'Grade I, II or III: computed from the criteria, or set with a justification.',
  })
  @StringColumn(3)
  grade: string;

  @Field(() => [String], {
    description: 'Why the project has its grade (criterion codes, or the justification when set by hand).',
  })
  @JsonColumn({ nullable: false })
  gradeReasons: string[];

  @Field(() => JSONScalar, { nullable: true, description: 'The grading criteria the grade was computed from.' })
  @JsonColumn()
  gradeCriteria: Record<string, unknown> | null;

  @Field(() => String, {
    nullable: true,
    description: 'Justification when the grade was set by hand rather than computed.',
  })
  @Column({ type: 'text', nullable: true })
  gradeJustification: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The opportunity the project was made from (createProjectFromOpportunity).',
  })
  @IdColumn({ nullable: true })
  opportunityId: number | null;
}
