// Delegations judged by the engine: create and change only what stays inside the source, revoke with every
// delegation derived from it (one transaction), and the impact of a revocation without revoking.
import { Arg, Ctx, ID, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import { EntityManager, In } from 'typeorm';
import { DelegationDraftError, revocationImpact, validateDelegation } from '@iron-triangle/domain';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { AppError, badInput, conflict, forbidden, notFound } from '../../platform/errors';
import { toId, WriteContext } from '../../platform/crud';
import { writeAudits } from '../../platform/audit';
import { refusal } from '../../platform/refusal';
import { assertReadable, assertWritable, readableRows } from '../../platform/scope';
import { DateTimeScalar } from '../../platform/scalars';
import { Delegation } from './delegation.entity';
import { toDelegationDraft } from './delegation.mapper';
import { authorityCache, AuthoritySnapshot, authoritySnapshotAsOf, reasonWriter } from '../authorization';
import { jsonSafe } from '../../platform/json-safe';
import { together } from '../../platform/together';
import { delegationCreatedPayload, delegationRevokedPayloads, notify, notifyAll } from '../notification';
import {
  changeOptionsOf,
  CORRECTION_TOLERANCE_MS,
  currentChangeOptions,
  recordChanges,
  withChangeOptions,
} from '../../platform/change-log';

/** The argument of createDelegation / updateDelegation each of the engine's refusals is about. */
const DELEGATION_FIELD: Readonly<Record<DelegationDraftError['code'], string | null>> = {
  'DELEGATION.EXCEEDS_LIMIT': 'limit',
  'DELEGATION.EXCEEDS_SCOPE': 'scopeOrgUnitId',
  'DELEGATION.EXCEEDS_POINTS': 'decisionPoints',
  'DELEGATION.EXCEEDS_GRADES': 'grades',
  'DELEGATION.CURRENCY_MISMATCH': 'currency',
  'DELEGATION.INVALID_WINDOW': 'validTo',
  'DELEGATION.WINDOW_OUTSIDE_SOURCE': 'validFrom',
  'DELEGATION.DELEGATE_NOT_QUALIFIED': 'delegateId',
  'DELEGATION.SELF_DELEGATION': 'delegateId',
  'DELEGATION.DELEGATOR_NOT_HOLDER': 'delegatorId',
  'DELEGATION.EXCEEDS_DEPTH': 'redelegableDepth',
  'DELEGATION.INVALID_DEPTH': 'redelegableDepth',
  'DELEGATION.DEPTH_EXHAUSTED': 'sourceDelegationId',
  'DELEGATION.CHAIN_TOO_DEEP': 'sourceDelegationId',
  'DELEGATION.CYCLE': 'delegateId',
  'DELEGATION.MISSING_REASON': 'reason',
  'DELEGATION.UNKNOWN_SOURCE': 'sourceRuleId',
};

/** The engine's refusals as one BAD_USER_INPUT refusal with every reason (platform/refusal.ts). */
function refused(ctx: Context, snapshot: AuthoritySnapshot, errors: readonly DelegationDraftError[]): AppError {
  const writer = reasonWriter(ctx, snapshot);
  return refusal(
    'BAD_USER_INPUT',
    null,
    errors.map((e) => ({
      code: e.code,
      message: writer.draft(e),
      data: jsonSafe(e.data),
      field: DELEGATION_FIELD[e.code] ?? null,
    })),
  );
}

/** A LEADER delegates only from an authority their own Person holds; administrators and tokens act for anyone. */
function assertMayDelegateFor(ctx: Context, delegatorId: number): void {
  const p = ctx.principal;
  if (p?.kind === 'user' && p.role === 'LEADER' && p.personId !== delegatorId) {
    throw forbidden(
      `As a LEADER you may delegate only an authority you hold yourself: delegatorId must be your own ` +
        `person (${p.personId ?? 'none linked'}), not ${delegatorId}.`,
    );
  }
}

/** The delegation must be judged at its start when that is later than now. */
const judgedAt = (ctx: Context, from: Date | undefined) =>
  from && from.getTime() > ctx.now.getTime() ? from : ctx.now;

/** createDelegation: after the shape checks, the engine decides. */
export async function checkNewDelegation(
  values: Partial<Delegation>,
  { em, ctx }: WriteContext<Delegation>,
): Promise<void> {
  assertMayDelegateFor(ctx, values.delegatorId as number);
  const snapshot = await authorityCache(ctx).snapshotWithin(em, 'update');
  const checked = validateDelegation(toDelegationDraft(values), judgedAt(ctx, values.validFrom), snapshot.index);
  if (!checked.ok) throw refused(ctx, snapshot, checked.error);
  inheritRevocation(
    values,
    values.sourceDelegationId ? await em.findOneBy(Delegation, { id: values.sourceDelegationId }) : null,
  );
}

/**
 * A delegation derived from one whose revocation is already recorded (from a moment after this one is judged, or the
 * engine would have refused it) ends with it: the record says so, as revokeDelegation's cascade would have written.
 */
function inheritRevocation(values: Partial<Delegation>, source: Delegation | null): void {
  if (!source?.revokedAt) return;
  values.revokedAt = source.revokedAt;
  values.revokeReason = `revoked with delegation ${source.id}: ${source.revokeReason ?? ''}`.trim();
}

/** updateDelegation: a revoked delegation never changes; a new window must stay inside the source. */
export async function checkDelegationChange(
  patch: Partial<Delegation>,
  { em, ctx, before }: WriteContext<Delegation>,
): Promise<void> {
  const current = before as Delegation;
  if (current.revokedAt)
    throw new AppError(
      'BAD_USER_INPUT',
      `Delegation ${current.id} was revoked at ${current.revokedAt.toISOString()}; create a new delegation instead.`,
    );
  assertMayDelegateFor(ctx, current.delegatorId);
  if (patch.validTo === undefined) return;
  const snapshot = await authorityCache(ctx).snapshotWithin(em, 'update');
  const checked = validateDelegation(
    toDelegationDraft({ ...current, ...patch }),
    judgedAt(ctx, current.validFrom),
    snapshot.index,
  );
  if (!checked.ok) throw refused(ctx, snapshot, checked.error);
}

/** The delegate learns of a new delegation to them (in the creating transaction; not when it is born revoked). */
export async function notifyDelegationCreated(em: EntityManager, ctx: Context, d: Delegation): Promise<void> {
  if (d.revokedAt) return;
  // The payload's names are read while the recipients are (notify awaits both together).
  await notify(em, [{ personId: d.delegateId }], 'DELEGATION_CREATED', delegationCreatedPayload(em, d), {
    at: ctx.now,
    link: { recordType: 'Delegation', recordId: d.id },
    key: `delegation:${d.id}:created`,
    newRecord: true,
  });
}

/** The delegate learns that a delegation to them was revoked (`d` as revoked). */
export function notifyDelegationRevoked(em: EntityManager, ctx: Context, d: Delegation): Promise<void> {
  return notifyDelegationsRevoked(em, ctx, [d]);
}

/** Each delegate learns that a delegation to them was revoked (`ds` as revoked), in a few statements for all. */
async function notifyDelegationsRevoked(em: EntityManager, ctx: Context, ds: readonly Delegation[]): Promise<void> {
  // The payloads' names are read while the recipients are (notifyAll awaits both together).
  const payloads = delegationRevokedPayloads(em, ds);
  await notifyAll(
    em,
    ds.map((d, i) => ({
      recipients: [{ personId: d.delegateId }],
      kind: 'DELEGATION_REVOKED' as const,
      payload: payloads.then((all) => all[i]!),
      options: {
        at: ctx.now,
        link: { recordType: 'Delegation', recordId: d.id },
        key: `delegation:${d.id}:revoked`,
      },
    })),
  );
}

/**
 * Revokes `rows` (as read, at their versions; the root first) from `when` in one statement; every row must still be
 * at the version read (else CONFLICT, nothing changed). Returns them as they now are (nothing read back: the statement
 * sets exactly these columns).
 */
async function revokeRows(
  em: EntityManager,
  ctx: Context,
  rows: readonly Delegation[],
  rootId: number,
  reason: string,
  when: Date,
): Promise<Delegation[]> {
  if (rows.length === 0) return [];
  const cascade = `revoked with delegation ${rootId}: ${reason}`;
  const params: Record<string, unknown> = { rootId, reason, cascade };
  const matches = rows.map((d, i) => {
    params[`id${i}`] = d.id;
    params[`version${i}`] = d.version;
    return `(id = :id${i} AND version = :version${i})`;
  });
  const updated = await em
    .createQueryBuilder()
    .update(Delegation)
    .set({
      revokedAt: when,
      revokeReason: () => 'CASE WHEN id = :rootId THEN :reason ELSE :cascade END',
      updatedAt: ctx.now,
      version: () => 'version + 1',
    })
    .where(matches.join(' OR '), params)
    .execute();
  if (updated.affected !== rows.length) {
    // Someone changed one of them since it was read: the statement is undone with the transaction.
    const current = new Map((await em.findBy(Delegation, { id: In(rows.map((d) => d.id)) })).map((d) => [d.id, d]));
    for (const d of rows) {
      const now = current.get(d.id);
      if (!now) throw notFound('Delegation', d.id);
      if (now.version !== d.version) throw conflict('Delegation', d.id, d.version, now.version);
    }
    throw conflict('Delegation', rootId, rows[0]!.version, rows[0]!.version);
  }
  return rows.map((d) =>
    Object.assign(new Delegation(), d, {
      revokedAt: when,
      revokeReason: d.id === rootId ? reason : cascade,
      updatedAt: ctx.now,
      version: d.version + 1,
    }),
  );
}

async function loadInOrder(em: EntityManager, ids: readonly string[]): Promise<Delegation[]> {
  if (ids.length === 0) return [];
  const rows = await em.findBy(Delegation, { id: In(ids.map(Number)) });
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as Delegation] : []));
}

function impactOrThrow(ctx: Context, snapshot: AuthoritySnapshot, id: number, at: Date): string[] {
  const impact = revocationImpact(String(id), at, snapshot.index);
  if (impact.ok) return impact.value.map((d) => d.id);
  if (impact.error.code === 'DELEGATION.UNKNOWN') throw notFound('Delegation', id);
  const revokedAt = impact.error.data.revokedAt;
  throw refusal(
    'BAD_USER_INPUT',
    `Delegation ${id} was already revoked at ${revokedAt.toISOString()}, before ${at.toISOString()}.`,
    [
      {
        code: impact.error.code,
        message: `Delegation ${id} was already revoked at ${revokedAt.toISOString()}.`,
        data: jsonSafe(impact.error.data),
        field: 'id',
      },
    ],
  );
}

@Resolver(() => Delegation)
export class DelegationOperationsResolver {
  @Mutation(() => [Delegation], {
    description:
      'Revokes from `at` (default now); returns every delegation that ends with it, this one first. One ' +
      'transaction, each change audited.',
  })
  @UseMiddleware(allow('authority', 'write'))
  async revokeDelegation(
    @Arg('id', () => ID, { description: 'The delegation.' }) id: string,
    @Arg('reason', { description: 'Why it is revoked (at least 3 characters).' }) reason: string,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'From when (default now).' }) at: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<Delegation[]> {
    if (reason.trim().length < 3) throw badInput({ reason: 'give a reason (at least 3 characters)' });
    const when = at ?? ctx.now;
    const rootId = toId(id);
    // Revoking from a moment in the past changes what was true then: a correction (ADMIN, the reason given).
    const past = when.getTime() < ctx.now.getTime() - CORRECTION_TOLERANCE_MS;
    const options = past
      ? changeOptionsOf(ctx, { effectiveFrom: when, correction: true, reason })
      : changeOptionsOf(ctx, { reason });
    return withChangeOptions(options, () => this.revoke(ctx, rootId, reason, when));
  }

  private revoke(ctx: Context, rootId: number, reason: string, when: Date): Promise<Delegation[]> {
    return ctx.db.transaction(async (em) => {
      const snapshot = await authorityCache(ctx).snapshotWithin(em, 'update');
      // What would end with it, by the engine; the rows (it first) read in one statement.
      let impact: string[] | AppError;
      try {
        impact = impactOrThrow(ctx, snapshot, rootId, when);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        impact = error;
      }
      const affected = await loadInOrder(em, Array.isArray(impact) ? impact : [String(rootId)]);
      // Org scope first: a delegation the caller cannot see answers NOT_FOUND, whatever state it is in.
      const root = affected[0]?.id === rootId ? affected[0] : null;
      await assertReadable(ctx, em, Delegation, root, rootId);
      await assertWritable(ctx, em, Delegation, 'delegation', root, root);
      if (!Array.isArray(impact)) throw impact;
      const result = await revokeRows(em, ctx, affected, rootId, reason, when);
      const action = currentChangeOptions()?.kind === 'correction' ? 'correct-revoke' : 'revoke';
      // The history entries, the audit entries and the notifications: independent, their statements sent together.
      await together(
        recordChanges(em, ctx, 'Delegation', 'UPDATE', result),
        writeAudits(
          em,
          ctx,
          result.map((after, i) => ({
            action,
            entityType: 'Delegation',
            entityId: after.id,
            before: affected[i],
            after,
            note: after.id === rootId ? reason : `cascade from delegation ${rootId}`,
          })),
        ),
        notifyDelegationsRevoked(em, ctx, result),
      );
      // Everything derived from it ends with it; the answer lists what the caller may see.
      return readableRows(ctx, em, Delegation, result);
    });
  }

  @Query(() => [Delegation], {
    description:
      'The delegations that would end if this one were revoked at `at` (default now): it first, then ' +
      'everything derived from it.',
  })
  @UseMiddleware(allow('authority', 'read'))
  async delegationImpact(
    @Arg('id', () => ID, { description: 'The delegation.' }) id: string,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'The moment (default now).' }) at: Date | undefined,
    @Arg('asKnownAt', () => DateTimeScalar, {
      nullable: true,
      description: 'Answer with what the system knew at this moment (default now).',
    })
    asKnownAt: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<Delegation[]> {
    const rootId = toId(id);
    if (asKnownAt && asKnownAt.getTime() > ctx.now.getTime())
      throw badInput({ asKnownAt: 'is in the future: the system cannot know yet what it will know then' });
    await assertReadable(
      ctx,
      ctx.db.manager,
      Delegation,
      await ctx.db.manager.findOneBy(Delegation, { id: rootId }),
      rootId,
    );
    const asOf = await authoritySnapshotAsOf(ctx, at, asKnownAt);
    ctx.revisions.read = asOf.revision;
    const ids = impactOrThrow(ctx, asOf.snapshot, rootId, asOf.at);
    return readableRows(ctx, ctx.db.manager, Delegation, await loadInOrder(ctx.db.manager, ids));
  }
}
