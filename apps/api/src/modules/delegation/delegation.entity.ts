import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeColumn, IdColumn, StringColumn } from '../../platform/columns';
import { TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar } from '../../platform/scalars';
import { GrantColumns } from '../authority-rule';

@ObjectType({
  description: 'A delegation of (part of) an authority from one person to another, for a time. Never deleted: revoked.',
})
@Entity('delegations')
export class Delegation extends GrantColumns('DelegationGrant', {
  decisionPoints: 'Decision points delegated (a subset of the source).',
  grades: 'Grades delegated (a subset of the source).',
  scopeOrgUnitId: 'Org subtree (within the source scope).',
  limit: "Amount limit (at most the source's); null: the source's.",
}) {
  @Field(() => ID, {
    nullable: true,
    description: 'The authority rule delegated from (exactly one of sourceRuleId and sourceDelegationId).',
  })
  @IdColumn({ nullable: true })
  sourceRuleId: number | null;

  @Field(() => ID, { nullable: true, description: 'The delegation re-delegated from.' })
  @IdColumn({ nullable: true })
  sourceDelegationId: number | null;

  @Field(() => ID, { description: 'Who delegates.' })
  @IdColumn()
  delegatorId: number;

  @Field(() => ID, { description: 'Who receives the authority.' })
  @IdColumn()
  delegateId: number;

  @Field(() => Int, { description: 'How deep the delegate may delegate again; 0: not at all.' })
  @Column({ type: 'integer', default: 0 })
  redelegableDepth: number;

  @Field(() => TriangleRoleEnum, { nullable: true, description: 'Qualification the delegate must keep holding: role…' })
  @StringColumn(16, { nullable: true })
  requiredRole: string | null;

  @Field(() => Int, { nullable: true, description: '…and minimum level.' })
  @Column({ type: 'integer', nullable: true })
  requiredLevel: number | null;

  @Field({ description: 'Why the authority is delegated (mandatory).' })
  @Column({ type: 'text' })
  reason: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked; null while not revoked.' })
  @DateTimeColumn({ nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked.' })
  @Column({ type: 'text', nullable: true })
  revokeReason: string | null;
}
