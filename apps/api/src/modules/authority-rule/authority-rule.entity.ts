import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseRecord, DateTimeColumn, IdColumn, JsonColumn, MoneyColumn, StringColumn } from '../../platform/columns';
import { DecisionPointEnum, HolderKindEnum, ProjectGradeEnum, TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';
import { moneyString } from '../../platform/money';

@ObjectType({
  description:
    'Grants a holder the right to take decision points for grades within an org subtree, up to an amount, for a time. End-dated, never deleted.',
})
@Entity('authority_rules')
export class AuthorityRule extends BaseRecord {
  @Field({ description: 'Name of the rule.' })
  @StringColumn(200)
  name: string;

  @Field(() => HolderKindEnum, { description: 'What kind of holder the rule grants to.' })
  @StringColumn(16)
  holderKind: string;

  @Field(() => String, { nullable: true, description: 'POSITION: the position title…' })
  @StringColumn(64, { nullable: true })
  holderTitle: string | null;

  @Field(() => ID, { nullable: true, description: '…in this org unit.' })
  @IdColumn({ nullable: true })
  holderOrgUnitId: number | null;

  @Field(() => ID, { nullable: true, description: 'DECISION_BODY: the body.' })
  @IdColumn({ nullable: true })
  decisionBodyId: number | null;

  @Field(() => TriangleRoleEnum, {
    nullable: true,
    description: "PROJECT_ROLE: the project's own member in this role.",
  })
  @StringColumn(16, { nullable: true })
  holderRole: string | null;

  @Field(() => [DecisionPointEnum], { description: 'Decision points granted.' })
  @JsonColumn({ nullable: false })
  decisionPoints: string[];

  @Field(() => [ProjectGradeEnum], { description: 'Project grades covered.' })
  @JsonColumn({ nullable: false })
  grades: string[];

  @Field(() => ID, { description: 'Org subtree the authority applies to.' })
  @IdColumn()
  scopeOrgUnitId: number;

  @MoneyColumn({ nullable: true })
  limitMinor: bigint | null;

  @Field({ description: 'Currency of the limit.' })
  @StringColumn(3)
  currency: string;

  @Field(() => MoneyScalar, { name: 'limit', nullable: true, description: 'Amount limit; null: no limit.' })
  get limit(): string | null {
    return moneyString(this.limitMinor, this.currency);
  }

  @Field(() => DateTimeScalar, { description: 'Start (inclusive, UTC).' })
  @DateTimeColumn()
  validFrom: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive, UTC); null while open.' })
  @DateTimeColumn({ nullable: true })
  validTo: Date | null;

  @Field(() => Int, { description: 'How deep it may be delegated; 0: may not be delegated.' })
  @Column({ type: 'integer', default: 0 })
  delegableDepth: number;
}
