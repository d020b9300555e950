// One entry of the change log (table authority_changes, migration 1764840000000): see registry.ts and record.ts.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeColumn } from '../columns';
import { DateTimeScalar, JSONScalar } from '../scalars';

const revisionTransformer = {
  to: (value: string) => value,
  from: (value: string | number | bigint) => String(value),
};

@ObjectType('AuthorityChange', {
  description:
    'One change to a record whose history is kept (authority rules, decision bodies and seats, delegations, ' +
    'position assignments, org units, people, assessments, projects, team appointments, staffing rules, ' +
    'qualification frameworks, levels and requirements): append-only, in commit order of its revision.',
})
@Entity('authority_changes')
export class AuthorityChange {
  @Field(() => String, {
    description: 'Global, strictly increasing revision (a decimal string): the log has no gaps, in commit order.',
  })
  @PrimaryColumn({ type: 'bigint', transformer: revisionTransformer })
  revision: string;

  @Field({ description: 'The record type, e.g. "AuthorityRule".' })
  @Column({ type: 'varchar', length: 40 })
  recordType: string;

  @Field(() => ID, { description: 'The record id.' })
  @Column({ type: 'integer' })
  recordId: number;

  @Field(() => Int, {
    description: "The record's version after the change (its optimistic-locking version; the same as `version`).",
  })
  @Column({ type: 'integer' })
  recordVersion: number;

  @Field({ description: 'CREATE, UPDATE or DELETE (revoking, ending or archiving are updates).' })
  @Column({ type: 'varchar', length: 10 })
  operation: string;

  /** From when the change holds (effective time); null: since the record began. GraphQL: see the field resolvers. */
  @DateTimeColumn({ nullable: true })
  effectiveFrom: Date | null;

  @Field(() => DateTimeScalar, { description: 'When the system recorded the change (recorded time).' })
  @DateTimeColumn()
  recordedAt: Date;

  @Field({ description: 'USER, API_TOKEN or SYSTEM (data present before the history was kept, demo data).' })
  @Column({ type: 'varchar', length: 12 })
  actorKind: string;

  @Field(() => ID, { nullable: true, description: 'The user or API token id.' })
  @Column({ type: 'integer', nullable: true })
  actorId: number | null;

  @Field(() => String, { nullable: true, description: "The user's e-mail or the token's name." })
  @Column({ type: 'varchar', length: 255, nullable: true })
  actorLabel: string | null;

  @Field({ description: 'Whether the change corrected the past (made by an ADMIN, with a reason).' })
  @Column({ type: 'boolean', default: false })
  correction: boolean;

  @Field(() => String, { nullable: true, description: 'Why (required for a correction).' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => JSONScalar, { nullable: true, description: 'The record before the change (null for CREATE).' })
  @Column({ type: 'simple-json', nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => JSONScalar, { nullable: true, description: 'The record after the change (null for DELETE).' })
  @Column({ type: 'simple-json', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
