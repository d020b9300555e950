// One notification to one recipient (a user, or a person without a user), with its e-mail's delivery state.
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeColumn, IdColumn, JsonColumn, KeyColumn, StringColumn } from '../../platform/columns';
import { DateTimeScalar, JSONScalar } from '../../platform/scalars';
import { NotificationKindEnum } from './notification.kinds';
import type { NotificationKind } from './notification.kinds';

/** Where its e-mail is: NONE (no address, or e-mail off), PENDING (to send or retry), SENT, FAILED (given up). */
export type MailState = 'NONE' | 'PENDING' | 'SENT' | 'FAILED';

@ObjectType({ description: 'A notification for the signed-in user: in-app, and by e-mail when SMTP is configured.' })
@Entity('notifications')
@Index('ix_notifications_user', ['recipientUserId', 'createdAt'])
@Index('ix_notifications_person', ['recipientPersonId', 'createdAt'])
@Index('ix_notifications_mail', ['mailState', 'mailNextAttemptAt'])
@Index('uq_notifications_dedupeKey', ['dedupeKey'], { unique: true })
export class Notification {
  @Field(() => ID, { description: 'Stable identifier of the notification.' })
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** The user it is for; null: for whoever is the person (it had no user when it was written). */
  @IdColumn({ nullable: true })
  recipientUserId: number | null;

  @Field(() => ID, { nullable: true, description: 'The person it is for.' })
  @IdColumn({ nullable: true })
  recipientPersonId: number | null;

  @Field(() => NotificationKindEnum, { description: 'What it is about.' })
  @StringColumn(32)
  kind: NotificationKind;

  @Field(() => JSONScalar, { description: 'What it says, as data (names, codes, amounts, instants).' })
  @JsonColumn({ nullable: false })
  payload: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'The record type it leads to (e.g. Delegation).' })
  @StringColumn(64, { nullable: true })
  targetType: string | null;

  @Field(() => ID, { nullable: true, description: 'The record it leads to.' })
  @StringColumn(64, { nullable: true })
  targetId: string | null;

  /** One notification per key: a sweep run twice writes nothing the second time. */
  @KeyColumn(200)
  dedupeKey: string;

  @Field(() => DateTimeScalar, { description: 'When it was written.' })
  @DateTimeColumn()
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When its recipient marked it read; null: unread.' })
  @DateTimeColumn({ nullable: true })
  readAt: Date | null;

  /** Where the e-mail goes; null: none is sent. */
  @StringColumn(200, { nullable: true })
  mailTo: string | null;

  @StringColumn(16)
  mailState: MailState;

  @Column({ type: 'integer', default: 0 })
  mailAttempts: number;

  /** When the outbox may (re)try it; while an attempt runs, the end of its lease. */
  @DateTimeColumn({ nullable: true })
  mailNextAttemptAt: Date | null;

  @DateTimeColumn({ nullable: true })
  mailSentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  mailLastError: string | null;
}
