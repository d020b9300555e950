import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import {
  BaseRecord,
  DateTimeColumn,
  IdColumn,
  JsonColumn,
  KeyColumn,
  MoneyColumn,
  StringColumn,
} from '../../platform/columns';
import { DecisionOutcomeEnum, DecisionPointEnum, ProjectGradeEnum } from '../../platform/enums';
import { DateTimeScalar, JSONScalar, MoneyScalar } from '../../platform/scalars';
import { moneyString } from '../../platform/money';
import { AuthorityChain } from '../authorization';

@ObjectType({
  description:
    'A decision taken on a project at a decision point, with the authority chain it was taken under (a ' +
    "snapshot) and the project's amount and grade it was taken on. Append-only; a material change to the project " +
    'later may reopen it (reopenedAt, reopenedReason): it then no longer counts, and the point is decided again.',
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

  /** The project's amount when the decision was taken, in minor units of `currency`. */
  @MoneyColumn()
  amountMinor: bigint;

  @Field({ description: "The currency of the project's amount when the decision was taken." })
  @StringColumn(3)
  currency: string;

  @Field(() => MoneyScalar, {
    name: 'amount',
    description: "The project's amount when the decision was taken (what it decided on), in `currency`.",
  })
  get amount(): string {
    return moneyString(this.amountMinor, this.currency) as string;
  }

  @Field(() => ProjectGradeEnum, { description: "The project's grade when the decision was taken." })
  @StringColumn(3)
  grade: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When a material change to the project reopened the decision (null: it still counts). A reopened approval ' +
      'is no longer in force: its point, and the points after it, are decided again.',
  })
  @DateTimeColumn({ nullable: true })
  reopenedAt: Date | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description:
      'Why it was reopened, as data: a list of causes, each with `kind` AMOUNT_UP (from, to, currency, percent, ' +
      'share), GRADE_UP (from, to), CURRENCY_CHANGED (from, fromCurrency, to, toCurrency) or DEPENDS_ON ' +
      '(decisionPoint: the reopened ' +
      'prerequisite). `reopenedReason` says it in words.',
  })
  @JsonColumn()
  reopenedCauses: Array<Record<string, unknown>> | null;

  /** The caller's key: unique per caller (`idempotencyOwner`), compared exactly. */
  @KeyColumn(128)
  idempotencyKey: string;

  /** Whose key it is: "user:<id>" or "token:<id>" ("legacy" for decisions recorded before keys had owners). */
  @KeyColumn(64, { default: 'legacy' })
  idempotencyOwner: string;
}
