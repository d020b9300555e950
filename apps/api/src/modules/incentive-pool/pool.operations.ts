// The pool lifecycle over the domain: fund, allocate (or preview), approve (an authorized POOL_APPROVAL decision
// by the signed-in user's person, never a member) and lock. Each step is one transaction and is audited.
import { Arg, Ctx, ID, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { EntityManager } from 'typeorm';
import {
  approvePool as approveDomainPool,
  createAdjustmentPool as createAdjustmentDomainPool,
  authorize,
  AuthorizationCase,
  IncentivePool as DomainPool,
  lockPool as lockDomainPool,
  PoolError,
  poolApprovalRequest,
  ProjectGrade,
  recordPoolAllocation,
  recordPoolFunding,
  TEAM_ROLES,
  whoMayDecide,
} from '@iron-triangle/domain';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { AppError, badInput, forbidden, notFound } from '../../platform/errors';
import { singleRefusal } from '../../platform/refusal';
import { guardedUpdate, toId } from '../../platform/crud';
import { writeAudit } from '../../platform/audit';
import { lockedRow } from '../../platform/db';
import { assertReadable, assertWritable } from '../../platform/scope';
import { IncentivePool, PoolMember, PoolMetric } from './incentive-pool.entity';
import { Project } from '../project';
import { authorityCache, denialRefusal, toChainView, toResultView } from '../authorization';
import { jsonSafe } from '../../platform/json-safe';
import { localeOf } from '../../platform/locale';
import { adjustmentRow, allocationTraceJson, resultColumns, sharesByMember, toDomainPool } from './pool.mapper';
import { POOL_MESSAGES } from './pool.messages';
import { notify } from '../notification';
import { OrgUnit } from '../org-unit';
import { moneyString } from '../../platform/money';

interface LoadedPool {
  row: IncentivePool;
  members: PoolMember[];
  metrics: PoolMetric[];
  pool: DomainPool;
}

/**
 * The pool with its members and metrics; `access`: what the caller does with it (org scope, platform/scope.ts). To
 * write, the pool row is read first with a locking read: every change of a pool, its members or its metrics takes that
 * row first (crud's `parent`), so a transition judges exactly the inputs it stores, never a snapshot that a concurrent
 * edit has since changed.
 */
async function loadPool(
  em: EntityManager,
  ctx: Context,
  id: number,
  access: 'read' | 'write' = 'write',
): Promise<LoadedPool> {
  const row = access === 'write' ? await lockedRow(em, IncentivePool, id) : await em.findOneBy(IncentivePool, { id });
  await assertReadable(ctx, em, IncentivePool, row, id);
  if (!row) throw notFound('IncentivePool', id);
  if (access === 'write') await assertWritable(ctx, em, IncentivePool, 'incentive pool', row, row);
  const [members, metrics] = await Promise.all([
    em.find(PoolMember, { where: { poolId: id }, order: { id: 'ASC' } }),
    em.find(PoolMetric, { where: { poolId: id }, order: { id: 'ASC' } }),
  ]);
  return { row, members, metrics, pool: toDomainPool(row, members, metrics) };
}

/** A domain refusal of a pool step (platform/refusal.ts), in the caller's language (pool.messages.ts). */
function poolError(ctx: Context, error: PoolError, poolId: number): AppError {
  const data = jsonSafe(error.data) as Record<string, unknown>;
  const words = POOL_MESSAGES[localeOf(ctx)];
  const sentence = words.refusal[error.code];
  return singleRefusal(error.code, sentence ? sentence(poolId, data) : words.fallback(poolId, error.code, data), data);
}

const update = (em: EntityManager, ctx: Context, row: IncentivePool, patch: Partial<IncentivePool>) =>
  guardedUpdate(em, { entity: IncentivePool, name: 'IncentivePool' }, row.id, row.version, patch, ctx.now);

const insertRow = async <T extends object>(
  em: EntityManager,
  ctx: Context,
  entity: new () => T,
  values: Partial<T>,
): Promise<T> => {
  const inserted = await em.insert(entity, { ...values, version: 1, createdAt: ctx.now, updatedAt: ctx.now } as never);
  return em.findOneByOrFail(entity, { id: Number(inserted.identifiers[0]?.id) } as never);
};

/**
 * A correction of a LOCKED pool: a new DRAFT pool with the locked pool's inputs (metrics and members copied, no
 * shares), pointing at it with adjustmentOfId. Only the latest pool of a chain is adjusted, so that what an
 * adjustment pays or recovers is always measured against what was really paid last.
 */
async function createAdjustment(
  em: EntityManager,
  ctx: Context,
  poolId: number,
  name: string | undefined,
): Promise<IncentivePool> {
  // Two requests adjusting the same pool at once: the second waits here and then sees the first's pool (MySQL;
  // SQLite runs one transaction at a time).
  const { row, members, metrics, pool } = await loadPool(em, ctx, poolId);
  const adjusted = createAdjustmentDomainPool(pool, { id: 'new', ...(name !== undefined ? { name } : {}) }, ctx.now);
  if (!adjusted.ok) throw poolError(ctx, adjusted.error, poolId);
  const existing = await em.findOne(IncentivePool, { where: { adjustmentOfId: poolId }, order: { id: 'ASC' } });
  if (existing) {
    throw singleRefusal(
      'POOL.ALREADY_ADJUSTED',
      POOL_MESSAGES[localeOf(ctx)].alreadyAdjusted(poolId, existing.id, existing.status),
      { poolId: String(poolId), adjustmentPoolId: String(existing.id), status: existing.status },
    );
  }
  const created = await insertRow(em, ctx, IncentivePool, adjustmentRow(row, adjusted.value));
  await writeAudit(em, ctx, {
    action: 'create',
    entityType: 'IncentivePool',
    entityId: created.id,
    after: { ...created, adjustmentOf: jsonSafe(adjusted.value.adjustmentOf) },
    note: `adjustment of locked pool ${poolId}`,
  });
  for (const m of metrics) {
    const copy = await insertRow(em, ctx, PoolMetric, {
      poolId: created.id,
      metric: m.metric,
      currency: m.currency,
      targetMinor: m.targetMinor,
      actualMinor: m.actualMinor,
      weight: m.weight,
    });
    await writeAudit(em, ctx, {
      action: 'create',
      entityType: 'PoolMetric',
      entityId: copy.id,
      after: copy,
      note: `copied from metric ${m.id} of locked pool ${poolId}`,
    });
  }
  for (const m of members) {
    const copy = await insertRow(em, ctx, PoolMember, {
      poolId: created.id,
      personId: m.personId,
      role: m.role,
      weight: m.weight,
      coefficient: m.coefficient,
      participation: m.participation,
      currency: m.currency,
      shareMinor: null,
    });
    await writeAudit(em, ctx, {
      action: 'create',
      entityType: 'PoolMember',
      entityId: copy.id,
      after: copy,
      note: `copied from member ${m.id} of locked pool ${poolId}`,
    });
  }
  return created;
}

/** The POOL_APPROVAL case of an allocated pool: its funded amount, judged with its members as the team. */
async function approvalCaseOf(
  em: EntityManager,
  row: IncentivePool,
  pool: DomainPool,
): Promise<{ approvalCase: AuthorizationCase; project: Project | null } | null> {
  const request = poolApprovalRequest(pool);
  if (!request.ok) return null;
  const project = row.projectId !== null ? await em.findOneBy(Project, { id: row.projectId }) : null;
  return {
    project,
    approvalCase: {
      ...(row.projectId !== null ? { projectId: String(row.projectId) } : {}),
      decisionPoint: 'POOL_APPROVAL',
      // A system-department pool has no project: it is judged as grade III.
      grade: (project?.grade ?? 'III') as ProjectGrade,
      orgUnitId: String(row.orgUnitId),
      amount: request.value.amount,
      team: pool.members.map((m) => ({ personId: m.personId, role: m.role })),
      // Whoever shares in the pool has a stake in it, whatever their role on a project team.
      conflictRoles: TEAM_ROLES,
    },
  };
}

/** An allocated pool waits for approval: everyone the engine lets approve it is notified (in this transaction). */
async function notifyApprovers(em: EntityManager, ctx: Context, row: IncentivePool, pool: DomainPool): Promise<void> {
  const found = await approvalCaseOf(em, row, pool);
  if (!found) return;
  const snapshot = await authorityCache(ctx).snapshotWithin(em);
  const approvers = whoMayDecide(found.approvalCase, ctx.now, snapshot.index).deciders;
  if (approvers.length === 0) return;
  const unit = await em.findOneBy(OrgUnit, { id: row.orgUnitId });
  await notify(
    em,
    approvers.map((d) => ({ personId: d.personId })),
    'POOL_APPROVAL_PENDING',
    {
      poolName: row.name,
      projectName: found.project?.name ?? null,
      orgUnitName: unit?.name ?? `#${row.orgUnitId}`,
      amount: moneyString(row.fundedAmountMinor, row.currency),
      currency: row.currency,
    },
    { at: ctx.now, link: { recordType: 'IncentivePool', recordId: row.id }, key: `pool:${row.id}:v${row.version}` },
  );
}

@Resolver(() => IncentivePool)
export class PoolOperationsResolver {
  @Mutation(() => IncentivePool, {
    description: 'DRAFT → FUNDED: computes the funded amount from attainment (fundingTrace explains it).',
  })
  @UseMiddleware(allow('pools', 'write'))
  fundPool(@Arg('id', () => ID, { description: 'The pool.' }) id: string, @Ctx() ctx: Context): Promise<IncentivePool> {
    const poolId = toId(id);
    return ctx.db.transaction(async (em) => {
      const { row, pool } = await loadPool(em, ctx, poolId);
      const funded = recordPoolFunding(pool, ctx.now);
      if (!funded.ok) throw poolError(ctx, funded.error, poolId);
      const after = await update(em, ctx, row, resultColumns(pool, funded.value));
      await writeAudit(em, ctx, { action: 'fund', entityType: 'IncentivePool', entityId: poolId, before: row, after });
      return after;
    });
  }

  @Mutation(() => IncentivePool, {
    description:
      'FUNDED → ALLOCATED: shares the funded amount across the members, exactly to the smallest unit ' +
      '(allocationTrace explains it). With preview: true, computes and returns the shares without storing ' +
      'anything.',
  })
  @UseMiddleware(allow('pools', 'write'))
  async allocatePool(
    @Arg('id', () => ID, { description: 'The pool.' }) id: string,
    @Arg('preview', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Compute and return without storing.',
    })
    preview: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<IncentivePool> {
    const poolId = toId(id);
    if (preview) {
      const { row, members, pool } = await loadPool(ctx.db.manager, ctx, poolId, 'read');
      // The same step as below, judged by the domain, but nothing is stored.
      const allocated = recordPoolAllocation(pool, ctx.now);
      if (!allocated.ok) throw poolError(ctx, allocated.error, poolId);
      const allocation = allocated.value.allocation!;
      const shares = sharesByMember(allocation);
      const previewMembers = members.map((m) =>
        Object.assign(new PoolMember(), m, { shareMinor: shares.get(String(m.id)) ?? null }),
      );
      // The members field reads through the request's loader: hand it the previewed members.
      ctx.loaders.manyBy(PoolMember, 'poolId').clear(poolId).prime(poolId, previewMembers);
      return Object.assign(new IncentivePool(), row, {
        allocationTrace: { ...allocationTraceJson(allocation), preview: true },
      });
    }
    const after = await ctx.db.transaction(async (em) => {
      const { row, members, pool } = await loadPool(em, ctx, poolId);
      const allocated = recordPoolAllocation(pool, ctx.now);
      if (!allocated.ok) throw poolError(ctx, allocated.error, poolId);
      const shares = sharesByMember(allocated.value.allocation!);
      for (const member of members) {
        const changed = await guardedUpdate(
          em,
          { entity: PoolMember, name: 'PoolMember' },
          member.id,
          member.version,
          { shareMinor: shares.get(String(member.id)) ?? null },
          ctx.now,
        );
        await writeAudit(em, ctx, {
          action: 'allocate',
          entityType: 'PoolMember',
          entityId: member.id,
          before: member,
          after: changed,
        });
      }
      const stored = await update(em, ctx, row, resultColumns(pool, allocated.value));
      await writeAudit(em, ctx, {
        action: 'allocate',
        entityType: 'IncentivePool',
        entityId: poolId,
        before: row,
        after: stored,
      });
      await notifyApprovers(em, ctx, stored, allocated.value);
      return stored;
    });
    ctx.loaders.manyBy(PoolMember, 'poolId').clear(poolId);
    return after;
  }

  @Mutation(() => IncentivePool, {
    description:
      "ALLOCATED → APPROVED by the signed-in user's person: a POOL_APPROVAL decision for the funded " +
      'amount, judged by the authorization engine; a member of the pool may not approve it. Refused with ' +
      'NOT_AUTHORIZED (reasons in extensions) or POOL.APPROVER_IS_MEMBER; refusals are audited.',
  })
  @UseMiddleware(allow('pools', 'write'))
  async approvePool(
    @Arg('id', () => ID, { description: 'The pool.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<IncentivePool> {
    const poolId = toId(id);
    const p = ctx.principal;
    if (p?.kind !== 'user' || p.personId === null)
      throw forbidden(
        'Approving a pool is a decision by a person: sign in as a user linked to a person (an API token ' +
          'cannot approve).',
      );
    const approverId = String(p.personId);
    const outcome = await ctx.db.transaction(async (em): Promise<{ pool: IncentivePool } | { refusal: AppError }> => {
      // The pool first (see loadPool), then the authority counter (shared).
      const { row, pool } = await loadPool(em, ctx, poolId);
      const snapshot = await authorityCache(ctx).snapshotWithin(em);
      const found = await approvalCaseOf(em, row, pool);
      if (!found)
        throw poolError(ctx, { code: 'POOL.INVALID_TRANSITION', data: { from: pool.status, to: 'APPROVED' } }, poolId);
      const { approvalCase } = found;
      const result = authorize(approverId, approvalCase, ctx.now, snapshot.index);
      const approved = approveDomainPool(
        pool,
        {
          approverId,
          authorized: result.allowed,
          denialCodes: result.reasons.map((r) => r.code),
          decisionPoint: 'POOL_APPROVAL',
          amount: approvalCase.amount as NonNullable<AuthorizationCase['amount']>,
        },
        ctx.now,
      );
      if (!approved.ok) {
        const view = toResultView(ctx, snapshot, approvalCase, result, undefined, String(approverId));
        const words = POOL_MESSAGES[localeOf(ctx)];
        const refusal =
          approved.error.code === 'POOL.NOT_AUTHORIZED'
            ? denialRefusal(words.mayNotApprove(poolId, approverId), view.reasons, null)
            : approved.error.code === 'POOL.APPROVER_IS_MEMBER'
              ? singleRefusal(
                  'POOL.APPROVER_IS_MEMBER',
                  words.approverIsMember(poolId, approverId),
                  jsonSafe(approved.error.data),
                )
              : poolError(ctx, approved.error, poolId);
        await writeAudit(em, ctx, {
          action: 'refuse',
          entityType: 'IncentivePool',
          entityId: poolId,
          before: row,
          after: { approverId, code: refusal.extensions.code, reasons: view.reasons.map((r) => r.code) },
          note: 'approval refused',
        });
        return { refusal };
      }
      const after = await update(em, ctx, row, resultColumns(pool, approved.value));
      const chain = result.allowed ? toChainView(result.chains[0]!) : null;
      await writeAudit(em, ctx, {
        action: 'approve',
        entityType: 'IncentivePool',
        entityId: poolId,
        before: row,
        after: { ...after, approverId, approvalChain: chain },
      });
      return { pool: after };
    });
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome.pool;
  }

  @Mutation(() => IncentivePool, {
    description:
      'Corrects a LOCKED pool: creates a DRAFT adjustment pool (adjustmentOfId) with its metrics and ' +
      'members, to be changed, funded, allocated, approved and locked like any pool. Refused with ' +
      'POOL.NOT_LOCKED before the pool is locked, and with POOL.ALREADY_ADJUSTED when it already has an ' +
      'adjustment pool (adjust the latest one).',
  })
  @UseMiddleware(allow('pools', 'write'))
  createAdjustmentPool(
    @Arg('id', () => ID, { description: 'The locked pool to correct.' }) id: string,
    @Arg('name', () => String, {
      nullable: true,
      description: "Name of the adjustment pool (default: the locked pool's name).",
    })
    name: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<IncentivePool> {
    const poolId = toId(id);
    const given = name === null || name === undefined ? undefined : name.trim();
    if (given !== undefined && (given.length === 0 || given.length > 200))
      throw badInput({ name: 'must be 1 to 200 characters (or omitted: the locked pool’s name)' });
    return ctx.db.transaction((em) => createAdjustment(em, ctx, poolId, given));
  }

  @Mutation(() => IncentivePool, { description: 'APPROVED → LOCKED: final; the shares may be paid.' })
  @UseMiddleware(allow('pools', 'write'))
  lockPool(@Arg('id', () => ID, { description: 'The pool.' }) id: string, @Ctx() ctx: Context): Promise<IncentivePool> {
    const poolId = toId(id);
    return ctx.db.transaction(async (em) => {
      const { row, pool } = await loadPool(em, ctx, poolId);
      const locked = lockDomainPool(pool, ctx.now);
      if (!locked.ok) throw poolError(ctx, locked.error, poolId);
      const after = await update(em, ctx, row, resultColumns(pool, locked.value));
      await writeAudit(em, ctx, { action: 'lock', entityType: 'IncentivePool', entityId: poolId, before: row, after });
      return after;
    });
  }
}
