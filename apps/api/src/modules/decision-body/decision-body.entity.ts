import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseRecord, IdColumn, JsonColumn, StringColumn } from '../../platform/columns';
import { ProjectGradeEnum } from '../../platform/enums';

@ObjectType({
  description:
    'A decision team with fixed and on-demand member positions and a quorum rule (e.g. the grade I and II ' +
    'decision teams).',
})
@Entity('decision_bodies')
export class DecisionBody extends BaseRecord {
  @Field({ description: 'Name of the body.' })
  @StringColumn(200)
  name: string;

  @Field({ description: 'Quorum rule, e.g. "ALL_FIXED" or "MAJORITY".' })
  @StringColumn(200)
  quorum: string;

  @Field(() => ProjectGradeEnum, {
    nullable: true,
    description: 'The project grade it decides for, if it is a default decision team.',
  })
  @StringColumn(3, { nullable: true })
  grade: string | null;

  @Field(() => ID, { nullable: true, description: 'Org unit whose positions fill the seats.' })
  @IdColumn({ nullable: true })
  orgUnitId: number | null;
}

@ObjectType({ description: 'A seat of a decision body: a position title, fixed or on demand.' })
@Entity('decision_body_seats')
export class DecisionBodySeat extends BaseRecord {
  @Field(() => ID, { description: 'The body.' })
  @IdColumn()
  decisionBodyId: number;

  @Field({ description: 'Position title filling the seat.' })
  @StringColumn(64)
  title: string;

  @Field(() => [String], { description: 'Other titles that may fill the seat instead.' })
  @JsonColumn({ nullable: false })
  alternativeTitles: string[];

  @Field({ description: 'True: always sits; false: joins on demand.' })
  @Column({ type: 'boolean', default: true })
  fixed: boolean;

  @Field(() => Int, { description: 'Display order.' })
  @Column({ type: 'integer', default: 0 })
  sortOrder: number;
}
