// A re-assessment scheduled for a certification about to end: who, for which role, by when, with which assessor.
// SCHEDULED until a new certifying assessment of the person in the role is recorded (then DONE, in that
// assessment's transaction) or it is cancelled.
import { Entity, Index } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn, StringColumn } from '../../platform/columns';
import { TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';

export const REASSESSMENT_STATUSES = ['SCHEDULED', 'DONE', 'CANCELLED'] as const;
export type ReassessmentStatus = (typeof REASSESSMENT_STATUSES)[number];

export const ReassessmentStatusEnum = Object.fromEntries(REASSESSMENT_STATUSES.map((s) => [s, s])) as {
  [K in ReassessmentStatus]: K;
};

registerEnumType(ReassessmentStatusEnum, {
  name: 'ReassessmentStatus',
  description:
    'SCHEDULED while it waits; DONE once a new certifying assessment of the person in the role is recorded; ' +
    'CANCELLED when called off.',
});

@ObjectType({
  description:
    'A re-assessment scheduled for a certification about to end: the person, the role, the due date, the assessor ' +
    '(optional) and its status.',
})
@Entity('reassessment_schedules')
@Index('ix_reassessment_schedules_person_role', ['personId', 'role', 'status'])
@Index('ix_reassessment_schedules_assessment', ['assessmentId', 'status'])
export class ReassessmentSchedule extends BaseRecord {
  @Field(() => ID, { description: 'The person to re-assess.' })
  @IdColumn()
  personId: number;

  @Field(() => TriangleRoleEnum, { description: 'The role of the certification.' })
  @StringColumn(16)
  role: string;

  @Field(() => ID, { description: 'The certifying assessment whose validity is about to end.' })
  @IdColumn()
  assessmentId: number;

  @Field(() => DateTimeScalar, { description: 'The certification ends then (the assessment’s validUntil).' })
  @DateTimeColumn()
  validUntil: Date;

  @Field(() => DateTimeScalar, { description: 'The re-assessment is due by then.' })
  @DateTimeColumn()
  dueAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who assesses (a person); null when not decided yet.' })
  @IdColumn({ nullable: true })
  assessorId: number | null;

  @Field(() => String, { nullable: true, description: 'A note for the person and the assessor.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => ReassessmentStatusEnum, { description: 'SCHEDULED, DONE or CANCELLED.' })
  @StringColumn(16)
  status: string;

  @Field(() => ID, { nullable: true, description: 'The assessment that made it DONE.' })
  @IdColumn({ nullable: true })
  doneAssessmentId: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it became DONE or CANCELLED.' })
  @DateTimeColumn({ nullable: true })
  closedAt: Date | null;
}
