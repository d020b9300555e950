import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { IdColumn, StringColumn } from '../../platform/columns';
import { HolderKindEnum, TriangleRoleEnum } from '../../platform/enums';
import { GrantColumns } from './grant.columns';

@ObjectType({
  description:
    'Grants a holder the right to take decision points for grades within an org subtree, up to an amount, ' +
    'for a time. End-dated, never deleted.',
})
@Entity('authority_rules')
export class AuthorityRule extends GrantColumns('AuthorityRuleGrant', {
  decisionPoints: 'Decision points granted.',
  grades: 'Project grades covered.',
  scopeOrgUnitId: 'Org subtree the authority applies to.',
  limit: 'Amount limit; null: no limit.',
}) {
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

  @Field(() => Int, { description: 'How deep it may be delegated; 0: may not be delegated.' })
  @Column({ type: 'integer', default: 0 })
  delegableDepth: number;
}
