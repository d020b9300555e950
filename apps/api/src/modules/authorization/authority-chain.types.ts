// The contract's authority chain: from the rule to the person, each link with its limits and window.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecisionPointEnum, LinkKindEnum, ProjectGradeEnum, TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';

@ObjectType({ description: 'One link of an authority chain: the rule, or a delegation.' })
export class AuthorityLink {
  @Field(() => LinkKindEnum, { description: 'RULE or DELEGATION.' })
  kind: string;

  @Field(() => ID, { description: "The AuthorityRule's or the Delegation's id." })
  id: string;

  @Field(() => ID, {
    nullable: true,
    description: "Who holds this link: the rule's holder on this chain, or the delegate.",
  })
  holderPersonId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For a delegation: the delegator.' })
  delegatorId?: string | null;

  @Field(() => [DecisionPointEnum], { description: 'Decision points of the link.' })
  decisionPoints: string[];

  @Field(() => [ProjectGradeEnum], { description: 'Grades of the link.' })
  grades: string[];

  @Field(() => ID, { description: 'Org subtree of the link.' })
  scopeOrgUnitId: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Amount limit; null: none.' })
  limit?: string | null;

  @Field({ description: 'Currency of the limit.' })
  currency: string;

  @Field(() => DateTimeScalar, { description: 'Start of the window.' })
  validFrom: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End of the window; null while open.' })
  validTo?: Date | null;

  @Field(() => TriangleRoleEnum, { nullable: true, description: 'Qualification the holder must keep: role…' })
  requiredRole?: string | null;

  @Field(() => Int, { nullable: true, description: '…and level.' })
  requiredLevel?: number | null;
}

@ObjectType({ description: 'An authority chain, from the rule to the person asked about.' })
export class AuthorityChain {
  @Field(() => [AuthorityLink], { description: 'Links, rule first.' })
  links: AuthorityLink[];
}
