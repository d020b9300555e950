// A decision request and the people it is routed to (the inbox reads the second table by person).
import { Column, Entity, Index } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DECISION_REQUEST_STATUSES, RECIPIENT_VIAS, REQUEST_ACTIONS } from '@iron-triangle/domain';
import {
  BaseRecord,
  DateTimeColumn,
  IdColumn,
  JsonColumn,
  KeyColumn,
  MoneyColumn,
  StringColumn,
} from '../../platform/columns';
import { DecisionOutcomeEnum, DecisionPointEnum } from '../../platform/enums';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';
import { moneyString } from '../../platform/money';

const enumObject = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const DecisionRequestStatusEnum = enumObject(DECISION_REQUEST_STATUSES);
export const RequestActionEnum = enumObject(REQUEST_ACTIONS);
export const RecipientViaEnum = enumObject(RECIPIENT_VIAS);

registerEnumType(DecisionRequestStatusEnum, {
  name: 'DecisionRequestStatus',
  description:
    'PENDING while it waits; APPROVED, REJECTED or RETURNED once the decision taken on it is complete; WITHDRAWN ' +
    'by its requester. Escalation keeps it PENDING (see escalationLevel and escalations).',
});
registerEnumType(RequestActionEnum, {
  name: 'RequestAction',
  description: 'What a recipient does with a request: APPROVE, REJECT or RETURN (the decision outcome recorded).',
});
registerEnumType(RecipientViaEnum, {
  name: 'RecipientVia',
  description:
    'How a recipient may decide: DIRECT (holds the rule), DELEGATION (received it), SEAT (in a decision body).',
});

@ObjectType('DecisionRequestEscalation', { description: 'One escalation of a request that missed its due date.' })
export class DecisionRequestEscalation {
  @Field(() => DateTimeScalar, { description: 'When it escalated.' })
  at: Date;

  @Field(() => DateTimeScalar, { description: 'The due date it missed.' })
  missedDueAt: Date;

  @Field(() => Int, { description: 'The level it was at (0: where it was first routed).' })
  fromLevel: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The level it went to; null when no level of authority lay above (it escalates no further).',
  })
  toLevel: number | null;

  @Field(() => ID, { description: 'The scope unit of the authority it waited with.' })
  fromScopeOrgUnitId: string;

  @Field(() => ID, { nullable: true, description: 'The scope unit of the authority it went to.' })
  toScopeOrgUnitId: string | null;

  @Field(() => [ID], { description: 'The people it was routed to by this escalation (not those who had it).' })
  personIds: string[];
}

@ObjectType('DecisionRequestVote', { description: 'A decision recorded from the request (a body: one per vote).' })
export class DecisionRequestVote {
  @Field(() => ID, { description: 'The decision recorded.' })
  decisionId: string;

  @Field(() => ID, { description: 'Who decided or voted.' })
  personId: string;

  @Field(() => DecisionOutcomeEnum, { description: 'Its outcome.' })
  outcome: string;

  @Field(() => [String], { description: "For a body's vote: the seats it counted for." })
  seatTitles: string[];

  @Field({ description: 'True when it completed the decision.' })
  complete: boolean;

  @Field(() => DateTimeScalar, { description: 'When.' })
  at: Date;
}

/** Stored JSON of an escalation / a vote: instants as ISO strings. */
export type StoredEscalation = Omit<DecisionRequestEscalation, 'at' | 'missedDueAt'> & {
  at: string;
  missedDueAt: string;
};
export type StoredVote = Omit<DecisionRequestVote, 'at'> & { at: string };

@ObjectType({
  description:
    'A request for a decision on a project at an LTC decision point: routed to the nearest level of authority that ' +
    'may take it (whoMayDecide, decision-body seats included), decided from the inbox (myInbox, decideRequest), ' +
    'withdrawn by its requester, and escalated to the next level up when it misses its due date.',
})
@Entity('decision_requests')
@Index('uq_decision_requests_pendingKey', ['pendingKey'], { unique: true })
@Index('ix_decision_requests_status_dueAt', ['status', 'dueAt'])
@Index('ix_decision_requests_projectId', ['projectId'])
export class DecisionRequest extends BaseRecord {
  @Field(() => ID, { description: 'The project.' })
  @IdColumn()
  projectId: number;

  @Field(() => DecisionPointEnum, { description: 'The decision point asked for.' })
  @StringColumn(16)
  decisionPoint: string;

  @Field(() => DecisionRequestStatusEnum, { description: 'Where it stands.' })
  @StringColumn(16)
  status: string;

  /** "<projectId>:<decisionPoint>" while pending, null after: one pending request per project and point. */
  @KeyColumn(64, { nullable: true })
  pendingKey: string | null;

  /** The amount the decision is asked for, in minor units of `currency`. */
  @MoneyColumn()
  amountMinor: bigint;

  @Field({ description: "The currency (the project's)." })
  @StringColumn(3)
  currency: string;

  @Field(() => MoneyScalar, {
    name: 'amount',
    description: "The amount the decision is asked for (default: the project's amount when requested).",
  })
  get amount(): string {
    return moneyString(this.amountMinor, this.currency) as string;
  }

  @Field(() => String, { nullable: true, description: "The requester's note." })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => ID, { nullable: true, description: 'The person who asked (null: an administrator or API token).' })
  @IdColumn({ nullable: true })
  requesterId: number | null;

  /** The caller who asked ("user:<id>", "token:<id>"): only they withdraw it. */
  @KeyColumn(64)
  requestedBy: string;

  @Field(() => DateTimeScalar, { description: 'When it was asked.' })
  @DateTimeColumn()
  requestedAt: Date;

  @Field(() => DateTimeScalar, {
    description: 'When it is due at its current level (a new level gets the grade’s days again).',
  })
  @DateTimeColumn()
  dueAt: Date;

  @Field(() => Int, { description: '0 where it was first routed; one more per escalation.' })
  @Column({ type: 'integer', default: 0 })
  escalationLevel: number;

  @Field(() => ID, { description: 'The scope unit of the authority it waits with now.' })
  @IdColumn()
  levelScopeOrgUnitId: number;

  @Field({ description: 'True once no level of authority was left above it: it escalates no further.' })
  @Column({ type: 'boolean', default: false })
  escalationExhausted: boolean;

  /** Every escalation, oldest first. */
  @JsonColumn({ nullable: false })
  escalationLog: StoredEscalation[];

  @Field(() => [String], { description: 'The on-demand seats the requester called in.' })
  @JsonColumn({ nullable: false })
  calledSeats: string[];

  /** Decisions recorded from the request, oldest first. */
  @JsonColumn({ nullable: false })
  voteLog: StoredVote[];

  @Field(() => ID, { nullable: true, description: 'The decision that completed it.' })
  @IdColumn({ nullable: true })
  decisionId: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was decided or withdrawn.' })
  @DateTimeColumn({ nullable: true })
  closedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who decided or withdrew it (a person; null for a token).' })
  @IdColumn({ nullable: true })
  closedById: number | null;
}

@ObjectType({ description: 'A person a request was routed to, how they may decide it, and whether they acted.' })
@Entity('decision_request_recipients')
@Index('uq_decision_request_recipients_request_person', ['requestId', 'personId'], { unique: true })
@Index('ix_decision_request_recipients_person', ['personId', 'actedAt'])
export class DecisionRequestRecipient extends BaseRecord {
  @Field(() => ID, { description: 'The request.' })
  @IdColumn()
  requestId: number;

  @Field(() => ID, { description: 'The person.' })
  @IdColumn()
  personId: number;

  @Field(() => Int, { description: 'The escalation level that routed it to them (0: when asked).' })
  @Column({ type: 'integer', default: 0 })
  level: number;

  @Field(() => RecipientViaEnum, { description: 'How they may decide it.' })
  @StringColumn(16)
  via: string;

  @Field(() => [String], { description: 'For SEAT: the seats of the body they act in.' })
  @JsonColumn({ nullable: false })
  seatTitles: string[];

  @Field(() => ID, { description: 'The scope unit of the rule they decide under.' })
  @IdColumn()
  scopeOrgUnitId: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When they decided or voted on it from the request.' })
  @DateTimeColumn({ nullable: true })
  actedAt: Date | null;
}
