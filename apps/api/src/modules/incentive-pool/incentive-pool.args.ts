import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { BaseFilter, UpdateArgsBase } from '../../platform/args';
import { PoolMetricKindEnum, PoolStatusEnum, TriangleRoleEnum } from '../../platform/enums';
import { DateTimeScalar, MoneyScalar } from '../../platform/scalars';

const DECIMAL = /^(0|[1-9]\d{0,5})(\.\d{1,6})?$/;
const DECIMAL_MESSAGE = 'must be a non-negative decimal string such as "1.5"';
const CURRENCY = /^[A-Z]{3}$/;

@ArgsType()
export class CreateIncentivePoolArgs {
  @Field({ description: 'Name.' })
  @Length(1, 200)
  name: string;

  @Field({ description: 'Currency of every amount.' })
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;

  @Field({ description: 'PROJECT or SYSTEM_DEPT.' })
  @IsIn(['PROJECT', 'SYSTEM_DEPT'])
  teamKind: string;

  @Field(() => ID, { nullable: true, description: 'The project (project pool).' })
  projectId?: string | null;

  @Field(() => ID, { description: 'The org unit.' })
  orgUnitId: string;

  @Field(() => DateTimeScalar, { description: 'Period start.' })
  periodFrom: Date;

  @Field(() => DateTimeScalar, { description: 'Period end (exclusive).' })
  periodTo: Date;

  @Field(() => MoneyScalar, { description: 'Base amount at 100% attainment.' })
  baseAmount: string;

  @Field({ nullable: true, description: 'Attainment gate (default "0.6").' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  attainmentGate?: string;

  @Field({ nullable: true, description: 'Cap as a multiple of the base (default "2").' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  capMultiplier?: string;

  @Field({ nullable: true, description: 'Acceleration above 100% (default "1.5").' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  acceleration?: string;
}

@ArgsType()
export class UpdateIncentivePoolArgs extends UpdateArgsBase {
  @Field({ nullable: true, description: 'Name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Period start.' })
  periodFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Period end (exclusive).' })
  periodTo?: Date;

  @Field(() => MoneyScalar, { nullable: true, description: 'Base amount.' })
  baseAmount?: string;

  @Field({ nullable: true, description: 'Attainment gate.' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  attainmentGate?: string;

  @Field({ nullable: true, description: 'Cap multiple.' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  capMultiplier?: string;

  @Field({ nullable: true, description: 'Acceleration.' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  acceleration?: string;
}

@InputType('IncentivePoolFilter', { description: 'Filter for incentive pools (from/to apply to periodFrom).' })
export class IncentivePoolFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this org unit or below.' })
  orgUnitId?: string;

  @Field(() => ID, { nullable: true, description: 'Of this project.' })
  projectId?: string;

  @Field(() => [PoolStatusEnum], { nullable: true, description: 'In these statuses.' })
  status?: string[];

  @Field(() => ID, { nullable: true, description: 'Adjustment pools correcting this locked pool.' })
  adjustmentOfId?: string;
}

@ArgsType()
export class CreatePoolMetricArgs {
  @Field(() => ID, { description: 'The pool.' })
  poolId: string;

  @Field(() => PoolMetricKindEnum, { description: 'ORDERS, REVENUE or CASH.' })
  metric: string;

  @Field(() => MoneyScalar, { description: 'Target.' })
  target: string;

  @Field(() => MoneyScalar, { description: 'Actual.' })
  actual: string;

  @Field({ description: 'Weight, decimal string.' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  weight: string;
}

@ArgsType()
export class UpdatePoolMetricArgs extends UpdateArgsBase {
  @Field(() => MoneyScalar, { nullable: true, description: 'Target.' })
  target?: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Actual.' })
  actual?: string;

  @Field({ nullable: true, description: 'Weight.' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  weight?: string;
}

@InputType('PoolMetricFilter', { description: 'Filter for pool metrics.' })
export class PoolMetricFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this pool.' })
  poolId?: string;
}

@ArgsType()
export class CreatePoolMemberArgs {
  @Field(() => ID, { description: 'The pool.' })
  poolId: string;

  @Field(() => ID, { description: 'The member.' })
  personId: string;

  @Field(() => TriangleRoleEnum, { description: 'Role on the team.' })
  role: string;

  @Field({ description: 'Role weight.' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  weight: string;

  @Field({ description: 'Performance coefficient.' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  coefficient: string;

  @Field({ description: 'Participation 0..1.' })
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  participation: string;
}

@ArgsType()
export class UpdatePoolMemberArgs extends UpdateArgsBase {
  @Field(() => TriangleRoleEnum, { nullable: true, description: 'Role on the team.' })
  role?: string;

  @Field({ nullable: true, description: 'Role weight.' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  weight?: string;

  @Field({ nullable: true, description: 'Performance coefficient.' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  coefficient?: string;

  @Field({ nullable: true, description: 'Participation 0..1.' })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  participation?: string;
}

@InputType('PoolMemberFilter', { description: 'Filter for pool members.' })
export class PoolMemberFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Of this pool.' })
  poolId?: string;

  @Field(() => ID, { nullable: true, description: 'This person.' })
  personId?: string;
}
