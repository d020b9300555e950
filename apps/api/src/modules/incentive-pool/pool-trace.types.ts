// The funding and allocation traces as GraphQL types (IncentivePool.funding and .allocation), read from the traces
// the domain computed and the pool stores (fundingTrace / allocationTrace, kept as JSON for the contract). Exact
// values are fractions with their integers as strings, so that no client has to parse "419/600".
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PoolMetricKindEnum, TriangleRoleEnum } from '../../platform/enums';
import { MoneyScalar } from '../../platform/scalars';

@ObjectType('ExactFraction', { description: 'An exact value: numerator / denominator (integers as strings).' })
export class ExactFractionType {
  @Field({ description: 'Integer numerator, as a string (may exceed 2^53; negative for a negative value).' })
  numerator: string;

  @Field({ description: 'Integer denominator ≥ 1, as a string; "1" for an integer. The fraction is in lowest terms.' })
  denominator: string;

  @Field({ description: 'Rounded half up to 4 decimals, for display ("0.6983").' })
  display: string;
}

@ObjectType('PoolFundingParameters', { description: 'The funding rule the pool was funded with.' })
export class PoolFundingParametersType {
  @Field(() => ExactFractionType, { description: 'Attainment below which nothing is funded.' })
  gate: ExactFractionType;

  @Field(() => ExactFractionType, { description: 'Cap on one metric’s attainment.' })
  metricCap: ExactFractionType;

  @Field(() => ExactFractionType, { description: 'Acceleration above 100% attainment.' })
  acceleration: ExactFractionType;

  @Field(() => ExactFractionType, { description: 'Cap on the multiplier.' })
  maxMultiplier: ExactFractionType;
}

@ObjectType('PoolMetricTrace', { description: 'One metric’s part in the funding.' })
export class PoolMetricTraceType {
  @Field(() => PoolMetricKindEnum, { description: 'ORDERS, REVENUE or CASH.' })
  metric: string;

  @Field(() => Float, { description: 'Weight of the metric in percent (40 = 40%).' })
  weight: number;

  @Field(() => MoneyScalar, { description: 'Target, in the pool’s currency.' })
  target: string;

  @Field(() => MoneyScalar, { description: 'Actual, in the pool’s currency.' })
  actual: string;

  @Field(() => ExactFractionType, { description: 'actual / target before the cap.' })
  rawAttainment: ExactFractionType;

  @Field({ description: 'Whether the metric cap applied.' })
  capped: boolean;

  @Field(() => ExactFractionType, { description: 'Attainment after the cap: what counts.' })
  attainment: ExactFractionType;

  @Field(() => ExactFractionType, { description: 'weight × attainment / 100.' })
  contribution: ExactFractionType;
}

@ObjectType('PoolFundingGate', { description: 'The attainment gate.' })
export class PoolFundingGateType {
  @Field(() => ExactFractionType, { description: 'The gate.' })
  threshold: ExactFractionType;

  @Field({ description: 'Whether the attainment reached it.' })
  passed: boolean;
}

@ObjectType('PoolFundingMultiplier', { description: 'The multiplier applied to the base amount.' })
export class PoolFundingMultiplierType {
  @Field(() => ExactFractionType, { description: 'The multiplier.' })
  value: ExactFractionType;

  @Field({ description: 'BELOW_GATE, LINEAR, ACCELERATED or CAPPED: which part of the rule gave it.' })
  branch: string;

  @Field(() => ExactFractionType, { nullable: true, description: 'Above 100%: the multiplier before its cap.' })
  uncapped: ExactFractionType | null;
}

@ObjectType('PoolFundingRounding', { description: 'How the exact amount became whole minor units.' })
export class PoolFundingRoundingType {
  @Field({ description: 'HALF_UP.' })
  mode: string;

  @Field(() => Int, { description: 'Decimal places of the currency.' })
  exponent: number;

  @Field({ description: 'The funded amount in minor units (integer string).' })
  roundedMinor: string;

  @Field(() => ExactFractionType, { description: 'rounded − exact, in minor units.' })
  adjustmentMinor: ExactFractionType;
}

@ObjectType('PoolFundingTrace', { description: 'How the funded amount was computed, step by step.' })
export class PoolFundingTraceType {
  @Field({ description: 'Currency of every amount.' })
  currency: string;

  @Field(() => MoneyScalar, { description: 'Base amount funded at 100% attainment.' })
  baseAmount: string;

  @Field(() => PoolFundingParametersType, { description: 'The funding rule applied.' })
  parameters: PoolFundingParametersType;

  @Field(() => [PoolMetricTraceType], { description: 'Each metric, in the domain’s order.' })
  metrics: PoolMetricTraceType[];

  @Field(() => ExactFractionType, { description: 'Σ contributions.' })
  attainment: ExactFractionType;

  @Field(() => PoolFundingGateType, { description: 'Whether the attainment reached the gate.' })
  gate: PoolFundingGateType;

  @Field(() => PoolFundingMultiplierType, { description: 'The multiplier and the part of the rule that gave it.' })
  multiplier: PoolFundingMultiplierType;

  @Field(() => ExactFractionType, { description: 'base × multiplier in minor units, exact.' })
  exactMinor: ExactFractionType;

  @Field(() => PoolFundingRoundingType, { description: 'Rounding to whole minor units.' })
  rounding: PoolFundingRoundingType;

  @Field(() => MoneyScalar, { description: 'The funded amount.' })
  fundedAmount: string;
}

@ObjectType('PoolShareTrace', { description: 'One member’s share and how it was reached.' })
export class PoolShareTraceType {
  @Field(() => ID, { description: 'The pool member.' })
  memberId: string;

  @Field(() => ID, { description: 'The person.' })
  personId: string;

  @Field(() => TriangleRoleEnum, { description: 'Role on the team.' })
  role: string;

  @Field({ description: 'Role weight (decimal string).' })
  weight: string;

  @Field(() => String, { nullable: true, description: 'The rating the coefficient came from, if any.' })
  rating: string | null;

  @Field({ description: 'Performance coefficient (decimal string).' })
  coefficient: string;

  @Field({ description: 'Participation in the period (decimal or fraction string).' })
  participation: string;

  @Field(() => ExactFractionType, { description: 'weight × coefficient × participation.' })
  score: ExactFractionType;

  @Field(() => ExactFractionType, { description: 'funded × score / Σ scores, in minor units.' })
  quotaMinor: ExactFractionType;

  @Field({ description: 'The quota rounded down, in minor units (integer string).' })
  floorMinor: string;

  @Field(() => ExactFractionType, { description: 'quota − floor.' })
  remainder: ExactFractionType;

  @Field({ description: 'Whether the member received one of the leftover units.' })
  remainderUnit: boolean;

  @Field({ description: 'The share in minor units (integer string).' })
  shareMinor: string;

  @Field(() => MoneyScalar, { description: 'The share.' })
  share: string;
}

@ObjectType('PoolAllocationTrace', { description: 'How the funded amount was shared, to the smallest unit.' })
export class PoolAllocationTraceType {
  @Field({ description: 'Currency of the shares.' })
  currency: string;

  @Field({ description: 'The funded amount in minor units (integer string).' })
  fundedMinor: string;

  @Field(() => ExactFractionType, { description: 'Σ scores.' })
  totalScore: ExactFractionType;

  @Field({ description: 'Σ floors, in minor units (integer string).' })
  floorTotalMinor: string;

  @Field({ description: 'Units handed out one each by largest remainder (integer string).' })
  leftoverUnits: string;

  @Field(() => [ID], { description: 'Member ids in the order remainder units were considered.' })
  remainderOrder: string[];

  @Field(() => [PoolShareTraceType], { description: 'Each member’s share, in the members’ order.' })
  shares: PoolShareTraceType[];

  @Field({ description: 'True for allocatePool(preview: true): computed, not stored.' })
  preview: boolean;
}
