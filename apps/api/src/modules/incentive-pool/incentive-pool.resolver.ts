import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { poolInputsEditable, PoolStatus } from '@iron-triangle/domain';
import { argsToColumns, createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { badInput } from '../../platform/errors';
import { singleRefusal } from '../../platform/refusal';
import { localeOf } from '../../platform/locale';
import { POOL_MESSAGES } from './pool.messages';
import { checkWindow, mustExist } from '../../platform/validation';
import { IncentivePool, PoolMember, PoolMetric } from './incentive-pool.entity';
import * as A from './incentive-pool.args';
import { allocationTraceOf, fundingTraceOf } from './pool.mapper';
import { PoolAllocationTraceType, PoolFundingTraceType } from './pool-trace.types';
import { OrgUnit } from '../org-unit';
import { Project } from '../project';
import { Person } from '../person';

/** Metrics and members change only while the pool is a draft; they carry the pool's currency. */
async function draftPool(em: EntityManager, ctx: Context, poolId: number): Promise<IncentivePool> {
  const pool = await em.findOneBy(IncentivePool, { id: poolId });
  if (!pool) throw badInput({ poolId: `incentive pool ${poolId} does not exist` });
  if (!poolInputsEditable(pool.status as PoolStatus)) throw notDraft(ctx, pool, 'parts');
  return pool;
}

/** POOL.NOT_DRAFT (platform/refusal.ts): the pool, or its metrics and members, change only while it is DRAFT. */
const notDraft = (ctx: Context, pool: IncentivePool, what: 'pool' | 'parts') =>
  singleRefusal('POOL.NOT_DRAFT', POOL_MESSAGES[localeOf(ctx)].notDraft(pool.id, pool.status, what), {
    poolId: String(pool.id),
    status: pool.status,
  });

export const poolSpec: CrudSpec<IncentivePool> = {
  entity: IncentivePool,
  name: 'IncentivePool',
  plural: 'IncentivePools',
  label: 'incentive pool',
  filter: A.IncentivePoolFilter,
  createArgs: A.CreateIncentivePoolArgs,
  updateArgs: A.UpdateIncentivePoolArgs,
  remove: 'hard',
  search: ['name'],
  scope: { kind: 'orgUnit', column: 'orgUnitId' },
  references: { projectId: () => Project },
  dateColumn: 'periodFrom',
  money: [{ arg: 'baseAmount', column: 'baseAmountMinor', currencyColumn: 'currency' }],
  readOnlyColumns: [
    'status',
    'fundedAmountMinor',
    'fundingTrace',
    'allocationTrace',
    'fundedAt',
    'allocatedAt',
    'approvedById',
    'approvedAt',
    'lockedAt',
    'adjustmentOfId',
  ],
  dependents: [
    { entity: PoolMetric, column: 'poolId', label: 'metrics' },
    { entity: PoolMember, column: 'poolId', label: 'members' },
    { entity: IncentivePool, column: 'adjustmentOfId', label: 'adjustment pools' },
  ],
  hooks: {
    async beforeCreate(values, { em }) {
      checkWindow(values.periodFrom, values.periodTo, 'periodTo');
      values.status = 'DRAFT';
      await mustExist(em, OrgUnit, values.orgUnitId, 'orgUnitId', 'org unit');
      await mustExist(em, Project, values.projectId, 'projectId', 'project');
      if (values.teamKind === 'PROJECT' && !values.projectId)
        throw badInput({ projectId: 'is required for a PROJECT pool' });
    },
    beforeUpdate(patch, { before, ctx }) {
      if (!poolInputsEditable(before!.status as PoolStatus)) throw notDraft(ctx, before!, 'pool');
      checkWindow(patch.periodFrom ?? before!.periodFrom, patch.periodTo ?? before!.periodTo, 'periodTo');
    },
  },
};

export const poolMetricSpec: CrudSpec<PoolMetric> = {
  entity: PoolMetric,
  name: 'PoolMetric',
  plural: 'PoolMetrics',
  label: 'pool metric',
  filter: A.PoolMetricFilter,
  createArgs: A.CreatePoolMetricArgs,
  updateArgs: A.UpdatePoolMetricArgs,
  remove: 'hard',
  parent: { entity: IncentivePool, column: 'poolId' },
  scope: { kind: 'through', column: 'poolId', parent: () => IncentivePool },
  money: [
    { arg: 'target', column: 'targetMinor', currencyColumn: 'currency' },
    { arg: 'actual', column: 'actualMinor', currencyColumn: 'currency' },
  ],
  readOnlyColumns: ['currency'],
  hooks: {
    async beforeCreate(values, { em, ctx, args }) {
      const pool = await draftPool(em, ctx, values.poolId as number);
      values.currency = pool.currency;
      Object.assign(values, argsToColumns(em, poolMetricSpec as never, args, values));
    },
    async beforeUpdate(_patch, { em, ctx, before }) {
      await draftPool(em, ctx, before!.poolId);
    },
    async beforeDelete({ em, ctx, before }) {
      await draftPool(em, ctx, before!.poolId);
    },
  },
};

export const poolMemberSpec: CrudSpec<PoolMember> = {
  entity: PoolMember,
  name: 'PoolMember',
  plural: 'PoolMembers',
  label: 'pool member',
  filter: A.PoolMemberFilter,
  createArgs: A.CreatePoolMemberArgs,
  updateArgs: A.UpdatePoolMemberArgs,
  remove: 'hard',
  parent: { entity: IncentivePool, column: 'poolId' },
  readOnlyColumns: ['currency', 'shareMinor'],
  scope: { kind: 'through', column: 'poolId', parent: () => IncentivePool },
  hooks: {
    async beforeCreate(values, { em, ctx }) {
      const pool = await draftPool(em, ctx, values.poolId as number);
      values.currency = pool.currency;
      values.shareMinor = null;
      await mustExist(em, Person, values.personId, 'personId', 'person');
    },
    async beforeUpdate(_patch, { em, ctx, before }) {
      await draftPool(em, ctx, before!.poolId);
    },
    async beforeDelete({ em, ctx, before }) {
      await draftPool(em, ctx, before!.poolId);
    },
  },
};

export const IncentivePoolCrudResolver = createCrudResolver(poolSpec);
export const PoolMetricCrudResolver = createCrudResolver(poolMetricSpec);
export const PoolMemberCrudResolver = createCrudResolver(poolMemberSpec);

@Resolver(() => IncentivePool)
export class IncentivePoolFieldResolver {
  @FieldResolver(() => [PoolMember], { description: 'Members with weights, coefficients and shares.' })
  members(@Root() p: IncentivePool, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(PoolMember, 'poolId').load(p.id);
  }

  @FieldResolver(() => [PoolMetric], { description: 'Targets and actuals.' })
  metrics(@Root() p: IncentivePool, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(PoolMetric, 'poolId').load(p.id);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The person who approved the pool; null until approved.',
  })
  approvedBy(@Root() p: IncentivePool, @Ctx() ctx: Context) {
    return p.approvedById === null ? null : ctx.loaders.byId(Person).load(p.approvedById);
  }

  @FieldResolver(() => PoolFundingTraceType, {
    nullable: true,
    description: 'How the funded amount was computed (fundingTrace as a typed object); null until funded.',
  })
  funding(@Root() p: IncentivePool): PoolFundingTraceType | null {
    return fundingTraceOf(p.fundingTrace);
  }

  @FieldResolver(() => PoolAllocationTraceType, {
    nullable: true,
    description:
      'How the funded amount was shared (allocationTrace as a typed object); null until allocated or previewed.',
  })
  allocation(@Root() p: IncentivePool): PoolAllocationTraceType | null {
    return allocationTraceOf(p.allocationTrace);
  }

  @FieldResolver(() => IncentivePool, {
    nullable: true,
    description: 'For an adjustment pool: the locked pool it corrects (null when outside your scope).',
  })
  adjustmentOf(@Root() p: IncentivePool, @Ctx() ctx: Context) {
    return p.adjustmentOfId === null ? null : ctx.loaders.byId(IncentivePool).load(p.adjustmentOfId);
  }
}
