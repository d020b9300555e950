// The dashboard's figures (issue #15): what the portal's charts and cards show, computed by aggregate statements.
import { Field, Int, ObjectType } from 'type-graphql';
import { DecisionPointEnum, PoolStatusEnum, ProjectGradeEnum, TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';

@ObjectType('QualificationLevelCount', { description: 'How many people hold a level in a triangle role.' })
export class QualificationLevelCount {
  @Field(() => TriangleRoleEnum, { description: 'The role (AR, SR or FR).' })
  role: string;

  @Field(() => Int, { description: 'The level held.' })
  level: number;

  @Field(() => Int, { description: 'People holding exactly this level in the role (a current certification).' })
  people: number;
}

@ObjectType('TriangleCoverage', { description: 'Active projects of a grade, with and without a full triangle.' })
export class TriangleCoverage {
  @Field(() => ProjectGradeEnum, { description: 'The grade.' })
  grade: string;

  @Field(() => Int, { description: 'Active projects (not CLOSED) of the grade.' })
  projects: number;

  @Field(() => Int, { description: 'Of those, projects with an AR, an SR and an FR appointed.' })
  complete: number;

  @Field(() => Int, { description: 'Of those, projects missing at least one of the three roles.' })
  missing: number;
}

@ObjectType('PoolStatusTotal', { description: 'Incentive pools in a status and a currency, with their sum.' })
export class PoolStatusTotal {
  @Field(() => PoolStatusEnum, { description: 'The status.' })
  status: string;

  @Field({ description: 'ISO 4217 currency of the sum.' })
  currency: string;

  @Field(() => Int, { description: 'Number of pools.' })
  pools: number;

  /** Minor units. */
  amountMinor: bigint;

  @Field(() => MoneyScalar, {
    name: 'amount',
    description: 'Sum of the pools’ amounts: the funded amount once funded, the base amount before.',
  })
  amount: string;
}

@ObjectType('DecisionPointCount', { description: 'Decisions taken at a decision point.' })
export class DecisionPointCount {
  @Field(() => DecisionPointEnum, { description: 'The decision point.' })
  decisionPoint: string;

  @Field(() => Int, { description: 'Number of decisions.' })
  decisions: number;
}

@ObjectType('DecisionWeek', { description: 'Decisions of one week (Monday 00:00 UTC to the next Monday).' })
export class DecisionWeek {
  @Field(() => DateTimeScalar, { description: 'Start of the week (Monday 00:00 UTC, inclusive).' })
  weekStart: Date;

  @Field(() => DateTimeScalar, { description: 'End of the week (the next Monday 00:00 UTC, exclusive).' })
  weekEnd: Date;

  @Field(() => Int, { description: 'Decisions taken in the week (up to the dashboard’s moment).' })
  decisions: number;

  @Field(() => [DecisionPointCount], { description: 'By decision point (points without decisions left out).' })
  byPoint: DecisionPointCount[];
}

@ObjectType('Dashboard', {
  description:
    'What the dashboard shows, at one moment, within what the caller may read (a LEADER: their org subtree). ' +
    'Each field is one aggregate statement; ask only for the fields shown.',
})
export class Dashboard {
  @Field(() => DateTimeScalar, { description: 'The moment the figures are for.' })
  at: Date;
}
