import { Entity } from 'typeorm';
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
import { PoolMetricKindEnum, PoolStatusEnum, TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar, JSONScalar, MoneyScalar } from '../../platform/scalars';
import { moneyString } from '../../platform/money';

@ObjectType({
  description:
    "A team's shared bonus pool for a period: funded from orders, revenue and cash collected, allocated " +
    'across the team.',
})
@Entity('incentive_pools')
export class IncentivePool extends BaseRecord {
  @Field({ description: 'Name of the pool.' })
  @StringColumn(200)
  name: string;

  @Field(() => PoolStatusEnum, { description: 'DRAFT → FUNDED → ALLOCATED → APPROVED → LOCKED.' })
  @StringColumn(16)
  status: string;

  @Field({ description: 'Currency of every amount of the pool.' })
  @StringColumn(3)
  currency: string;

  @Field({ description: 'PROJECT or SYSTEM_DEPT: whose team the pool is for.' })
  @StringColumn(16)
  teamKind: string;

  @Field(() => ID, { nullable: true, description: 'The project (for a project pool).' })
  @IdColumn({ nullable: true })
  projectId: number | null;

  @Field(() => ID, { description: 'The org unit (system department, or the project’s unit).' })
  @IdColumn()
  orgUnitId: number;

  @Field(() => DateTimeScalar, { description: 'Start of the period (inclusive).' })
  @DateTimeColumn()
  periodFrom: Date;

  @Field(() => DateTimeScalar, { description: 'End of the period (exclusive).' })
  @DateTimeColumn()
  periodTo: Date;

  @MoneyColumn()
  baseAmountMinor: bigint;

  @Field(() => MoneyScalar, { name: 'baseAmount', description: 'Base amount funded at 100% attainment.' })
  get baseAmount(): string {
    return moneyString(this.baseAmountMinor, this.currency) as string;
  }

  @MoneyColumn({ nullable: true })
  fundedAmountMinor: bigint | null;

  @Field(() => MoneyScalar, { name: 'fundedAmount', nullable: true, description: 'Amount funded; null until funded.' })
  get fundedAmount(): string | null {
    return moneyString(this.fundedAmountMinor, this.currency);
  }

  @Field({ description: 'Attainment below which nothing is funded, as a decimal string (e.g. "0.6").' })
  @StringColumn(16, { default: '0.6' })
  attainmentGate: string;

  @Field({ description: 'Cap as a multiple of the base amount (e.g. "2").' })
  @StringColumn(16, { default: '2' })
  capMultiplier: string;

  @Field({ description: 'Acceleration coefficient applied above 100% attainment (e.g. "1.5").' })
  @StringColumn(16, { default: '1.5' })
  acceleration: string;

  @Field(() => JSONScalar, { nullable: true, description: 'How the funded amount was computed.' })
  @JsonColumn()
  fundingTrace: Record<string, unknown> | null;

  @Field(() => JSONScalar, { nullable: true, description: 'How the allocation was computed.' })
  @JsonColumn()
  allocationTrace: Record<string, unknown> | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the pool was funded (DRAFT → FUNDED, fundPool); null until then.',
  })
  @DateTimeColumn({ nullable: true })
  fundedAt: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the funded amount was allocated to the members (FUNDED → ALLOCATED, allocatePool); null until then.',
  })
  @DateTimeColumn({ nullable: true })
  allocatedAt: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The person who approved the pool (the POOL_APPROVAL decision of approvePool); null until approved.',
  })
  @IdColumn({ nullable: true })
  approvedById: number | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the pool was approved (ALLOCATED → APPROVED); null until then.',
  })
  @DateTimeColumn({ nullable: true })
  approvedAt: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the pool was locked (APPROVED → LOCKED, final: the shares may be paid); null until then.',
  })
  @DateTimeColumn({ nullable: true })
  lockedAt: Date | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'For an adjustment pool (createAdjustmentPool): the locked pool it corrects, whose shares its ' +
      'allocation replaces. Null for an original pool.',
  })
  @IdColumn({ nullable: true })
  adjustmentOfId: number | null;
}

@ObjectType({ description: 'A metric of a pool: target, actual and weight of orders, revenue or cash collected.' })
@Entity('pool_metrics')
export class PoolMetric extends BaseRecord {
  @Field(() => ID, { description: 'The pool.' })
  @IdColumn()
  poolId: number;

  @Field(() => PoolMetricKindEnum, { description: 'ORDERS, REVENUE or CASH.' })
  @KeyColumn(16)
  metric: string;

  @Field({ description: 'Currency of target and actual (the pool’s).' })
  @StringColumn(3)
  currency: string;

  @MoneyColumn()
  targetMinor: bigint;

  @Field(() => MoneyScalar, { name: 'target', description: 'Target for the period.' })
  get target(): string {
    return moneyString(this.targetMinor, this.currency) as string;
  }

  @MoneyColumn()
  actualMinor: bigint;

  @Field(() => MoneyScalar, { name: 'actual', description: 'Actual so far.' })
  get actual(): string {
    return moneyString(this.actualMinor, this.currency) as string;
  }

  @Field({ description: 'Weight of the metric, as a decimal string (weights of a pool sum to 1).' })
  @StringColumn(16)
  weight: string;
}

@ObjectType({
  description:
    'A member of a pool with role weight, performance coefficient and participation; share after allocation.',
})
@Entity('pool_members')
export class PoolMember extends BaseRecord {
  @Field(() => ID, { description: 'The pool.' })
  @IdColumn()
  poolId: number;

  @Field(() => ID, { description: 'The member.' })
  @IdColumn()
  personId: number;

  @Field(() => TriangleRoleEnum, { description: 'Role on the team.' })
  @StringColumn(16)
  role: string;

  @Field({ description: 'Role weight, decimal string.' })
  @StringColumn(16)
  weight: string;

  @Field({ description: 'Performance coefficient, decimal string.' })
  @StringColumn(16)
  coefficient: string;

  @Field({ description: 'Participation in the period (0..1), decimal string.' })
  @StringColumn(16)
  participation: string;

  @Field({ description: 'Currency of the share (the pool’s).' })
  @StringColumn(3)
  currency: string;

  @MoneyColumn({ nullable: true })
  shareMinor: bigint | null;

  @Field(() => MoneyScalar, { name: 'share', nullable: true, description: 'Allocated share; null until allocated.' })
  get share(): string | null {
    return moneyString(this.shareMinor, this.currency);
  }
}
