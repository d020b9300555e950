import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseRecord, DateTimeColumn, IdColumn, JsonColumn, KeyColumn, StringColumn } from '../../platform/columns';
import { DecisionOutcomeEnum, DecisionPointEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';
import { AuthorityChain } from '../authorization';

@ObjectType({
  description:
    'A decision taken on a project at a decision point, with the authority chain it was taken under (a ' +
    'snapshot). Append-only.',
})
@Entity('decisions')
@Index('uq_decisions_idempotencyOwner_idempotencyKey', ['idempotencyOwner', 'idempotencyKey'], { unique: true })
export class Decision extends BaseRecord {
  @Field(() => ID, { description: 'The project.' })
  @IdColumn()
  projectId: number;

  @Field(() => DecisionPointEnum, { description: 'The decision point.' })
  @StringColumn(16)
  decisionPoint: string;

  @Field(() => DecisionOutcomeEnum, { description: 'APPROVED, REJECTED or RETURNED.' })
  @StringColumn(16)
  outcome: string;

  @Field(() => ID, { description: 'Who decided.' })
  @IdColumn()
  deciderId: number;

  @Field(() => DateTimeScalar, { description: 'When the decision was taken (UTC).' })
  @DateTimeColumn()
  decidedAt: Date;

  @Field(() => AuthorityChain, { description: 'The authority chain the decision was taken under, as it was then.' })
  @JsonColumn({ nullable: false })
  chain: AuthorityChain;

  @Field({
    description:
      'True on the decision that settles the case: a decision by a direct authority, or the body vote that ' +
      'met the quorum (APPROVED) or after which approval could no longer reach it (REJECTED or RETURNED). ' +
      'False on the other votes of a body.',
  })
  @Column({ type: 'boolean', default: false })
  complete: boolean;

  @Field(() => String, { nullable: true, description: 'Comment by the decider.' })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The caller's key: unique per caller (`idempotencyOwner`), compared exactly. */
  @KeyColumn(128)
  idempotencyKey: string;

  /** Whose key it is: "user:<id>" or "token:<id>" ("legacy" for decisions recorded before keys had owners). */
  @KeyColumn(64, { default: 'legacy' })
  idempotencyOwner: string;
}
