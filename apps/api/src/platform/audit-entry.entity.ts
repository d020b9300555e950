import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseRecord, DateTimeColumn, IdColumn, JsonColumn, StringColumn } from './columns';
import { DateTimeScalar, JSONScalar } from './scalars';

@ObjectType({
  description:
    'One change: who, when, what, before and after, and the request. Append-only: nobody can change or delete it.',
})
@Entity('audit_entries')
@Index('ix_audit_entries_entity', ['entityType', 'entityId'])
export class AuditEntry extends BaseRecord {
  @Field(() => DateTimeScalar, { description: 'When the change was made (UTC).' })
  @Index('ix_audit_entries_at')
  @DateTimeColumn()
  at: Date;

  @Field({ description: 'USER, API_TOKEN or ANONYMOUS (sign-in).' })
  @StringColumn(16)
  actorKind: string;

  @Field(() => ID, { nullable: true, description: 'The user or API token id.' })
  @IdColumn({ nullable: true })
  actorId: number | null;

  @Field(() => String, { nullable: true, description: "The user's e-mail or the token's name." })
  @StringColumn(200, { nullable: true })
  actorLabel: string | null;

  @Field({ description: 'create, update, delete, archive, end-date, revoke, login, …' })
  @StringColumn(32)
  action: string;

  @Field({ description: 'The record type, e.g. "Person".' })
  @StringColumn(64)
  entityType: string;

  @Field(() => String, { nullable: true, description: 'The record id.' })
  @StringColumn(64, { nullable: true })
  entityId: string | null;

  @Field(() => JSONScalar, { nullable: true, description: 'The record before the change.' })
  @JsonColumn()
  before: Record<string, unknown> | null;

  @Field(() => JSONScalar, { nullable: true, description: 'The record after the change.' })
  @JsonColumn()
  after: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'A note on the change.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field({ description: 'Request id (X-Request-Id) of the change.' })
  @StringColumn(64)
  requestId: string;
}
