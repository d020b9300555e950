// The customer's power map (权力地图, DOMAIN.md §4, issue #17): the customer's stakeholders as a tree (reports-to),
// each with a role in the decision, an influence and an attitude kept as an append-only history; and the relationship
// plan: actions with an owner on our side, a due date and when they were done.
import { Column, Entity, Index } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseRecord, DateTimeColumn, IdColumn, StringColumn } from '../../platform/columns';
import { DecisionRoleEnum, InfluenceLevelEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';

@ObjectType({
  description:
    "One of the customer's people on the power map: their role in the decision, influence, attitude (the latest of " +
    'a history that is never overwritten), whom they report to, and who on our side owns the relationship.',
})
@Entity('stakeholders')
@Index('ix_stakeholders_customer', ['customerId'])
@Index('ix_stakeholders_opportunity', ['opportunityId'])
@Index('ix_stakeholders_owner', ['relationshipOwnerId'])
export class Stakeholder extends BaseRecord {
  @Field(() => ID, { description: 'The customer whose person this is (the map is scoped as the customer).' })
  @IdColumn()
  customerId: number;

  @Field(() => ID, { nullable: true, description: 'The opportunity whose map this is; null: the customer’s map.' })
  @IdColumn({ nullable: true })
  opportunityId: number | null;

  @Field({ description: 'Name.' })
  @StringColumn(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Title at the customer.' })
  @StringColumn(200, { nullable: true })
  title: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The stakeholder of the same customer they report to; null at the top. The map stays a tree.',
  })
  @IdColumn({ nullable: true })
  reportsToId: number | null;

  @Field(() => DecisionRoleEnum, { description: 'Role in the decision.' })
  @StringColumn(16)
  decisionRole: string;

  @Field(() => InfluenceLevelEnum, { description: 'Influence on the decision.' })
  @StringColumn(8)
  influence: string;

  @Field(() => ID, { nullable: true, description: 'The person on our side who owns the relationship.' })
  @IdColumn({ nullable: true })
  relationshipOwnerId: number | null;
}

@ObjectType({ description: 'One recorded attitude of a stakeholder (−3 … +3): appended, never changed.' })
@Entity('stakeholder_attitudes')
@Index('ix_stakeholder_attitudes_stakeholder', ['stakeholderId', 'at'])
export class StakeholderAttitude extends BaseRecord {
  @Field(() => ID, { description: 'The stakeholder.' })
  @IdColumn()
  stakeholderId: number;

  @Field(() => Int, {
    description:
      'The attitude: +3 strong exclusive support, +2 good business relationship, +1 weak support, 0 neutral, ' +
      '−1 weak opposition, −2 no support, −3 strong opposition.',
  })
  @Column({ type: 'integer' })
  attitude: number;

  @Field(() => DateTimeScalar, { description: 'When the stakeholder held it (UTC).' })
  @DateTimeColumn()
  at: Date;

  @Field(() => ID, { nullable: true, description: 'The person who recorded it (null: an administrator or a token).' })
  @IdColumn({ nullable: true })
  recordedById: number | null;

  @Field(() => String, { nullable: true, description: 'What it is based on.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

@ObjectType({ description: 'An action of the relationship plan for a customer: who does what by when, and when done.' })
@Entity('relationship_plan_actions')
@Index('ix_relationship_plan_actions_customer', ['customerId', 'dueDate'])
@Index('ix_relationship_plan_actions_owner', ['ownerId', 'dueDate'])
@Index('ix_relationship_plan_actions_stakeholder', ['stakeholderId'])
export class RelationshipPlanAction extends BaseRecord {
  @Field(() => ID, { description: 'The customer.' })
  @IdColumn()
  customerId: number;

  @Field(() => ID, { nullable: true, description: 'The opportunity the action serves; null: the account as a whole.' })
  @IdColumn({ nullable: true })
  opportunityId: number | null;

  @Field(() => ID, { nullable: true, description: 'The stakeholder it is aimed at (of the same customer).' })
  @IdColumn({ nullable: true })
  stakeholderId: number | null;

  @Field({ description: 'What to do.' })
  @StringColumn(500)
  action: string;

  @Field(() => ID, { description: 'The person on our side who does it.' })
  @IdColumn()
  ownerId: number;

  @Field(() => DateTimeScalar, { description: 'Due by (UTC).' })
  @DateTimeColumn()
  dueDate: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was done; null while open.' })
  @DateTimeColumn({ nullable: true })
  doneAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Note.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
