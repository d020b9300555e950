// The writes: each in one transaction, taking its locks before any plain read (counter → record → parent), checking
// the caller's org scope before and after the change, with optimistic locking, dependency checks and an audit entry.
import type { EntityManager } from 'typeorm';
import type { Context } from '../context';
import { AppError, conflict, notFound } from '../errors';
import { writeAudit } from '../audit';
import type { BaseRecord } from '../columns';
import { lockedRow } from '../db';
import { inOrder, together } from '../together';
import { insertRow } from '../insert-row';
import {
  currentChangeOptions,
  LOGGED_BY_TABLE,
  lockRevision,
  prefetchLatestEntry,
  recordChange,
  recordChanges,
} from '../change-log';
import { assertWritable } from '../scope';
import type { CrudSpec, WriteContext } from './spec';
import { argsToColumns, argsToColumnsShallow, toId } from './columns';
import { assertReferencesReadable } from './scope-checks';

export async function loadForWrite<E extends BaseRecord>(
  em: EntityManager,
  spec: Pick<CrudSpec<E>, 'entity' | 'name'>,
  id: number,
): Promise<E> {
  const record = (await lockedRow(em, spec.entity, id)) as E | null;
  if (!record) throw notFound(spec.name, id);
  return record;
}

/** The record type whose history a write of `spec` appends to, if it keeps one (change-log/registry.ts). */
function loggedTypeOf<E extends BaseRecord>(em: EntityManager, spec: CrudSpec<E>): string | null {
  return LOGGED_BY_TABLE.get(em.connection.getMetadata(spec.entity).tableName)?.recordType ?? null;
}

/**
 * What every write takes before it reads anything (REPEATABLE READ fixes a transaction's snapshot at its first plain
 * read): the change log's revision row when the record keeps a history, then the record itself, then its parent. The
 * same order everywhere keeps writers from waiting on each other in a circle; MariaDB's rare deadlock victim is run
 * again (db.ts).
 */
export async function lockCounterOf<E extends BaseRecord>(em: EntityManager, spec: CrudSpec<E>): Promise<void> {
  if (loggedTypeOf(em, spec) !== null) await lockRevision(em, spec.judged === true);
}

/** The latest history entry of the record about to change, read ahead for logChange (when its type keeps one). */
function readAheadLatestEntry<E extends BaseRecord>(
  em: EntityManager,
  spec: CrudSpec<E>,
  id: number,
): Promise<unknown> {
  const recordType = loggedTypeOf(em, spec);
  return recordType === null ? Promise.resolve(null) : prefetchLatestEntry(em, recordType, id);
}

/**
 * Appends the change to the record's history, when it keeps one (in the write's transaction); `row` is the record as
 * the write has just read it back (null: read it for the entry).
 */
export async function logChange<E extends BaseRecord>(
  em: EntityManager,
  spec: CrudSpec<E>,
  ctx: Context,
  id: number,
  operation: 'CREATE' | 'UPDATE' | 'DELETE',
  row: E | null,
): Promise<void> {
  const recordType = loggedTypeOf(em, spec);
  if (recordType !== null) await recordChange(em, ctx, recordType, id, operation, row ?? undefined);
}

/** Appends the CREATE entries of new records (as just read back) to their history, when it keeps one. */
export async function logCreations<E extends BaseRecord>(
  em: EntityManager,
  spec: CrudSpec<E>,
  ctx: Context,
  records: readonly E[],
): Promise<void> {
  const recordType = loggedTypeOf(em, spec);
  if (recordType !== null) await recordChanges(em, ctx, recordType, 'CREATE', records);
}

async function lockParentOf<E extends BaseRecord>(
  em: EntityManager,
  spec: CrudSpec<E>,
  record: Partial<E>,
): Promise<void> {
  if (!spec.parent) return;
  const parentId = (record as Record<string, unknown>)[spec.parent.column];
  if (typeof parentId === 'number') await lockedRow(em, spec.parent.entity, parentId);
}

/** `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`; exactly one row or CONFLICT. */
export async function guardedUpdate<E extends BaseRecord>(
  em: EntityManager,
  spec: Pick<CrudSpec<E>, 'entity' | 'name'>,
  id: number,
  expectedVersion: number,
  patch: Partial<E>,
  now: Date,
): Promise<E> {
  // The row is read back in the same round trip, asked for right behind the update on the transaction's one
  // connection (issue #13: each round trip of a write waits for the event loop under load).
  const [result, current] = await inOrder(
    em,
    () =>
      em
        .createQueryBuilder()
        .update(spec.entity)
        .set({ ...(patch as object), updatedAt: now, version: () => 'version + 1' } as never)
        .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
        .execute(),
    () => em.findOneBy(spec.entity, { id } as never) as Promise<E | null>,
  );
  if (result.affected !== 1) {
    if (!current) throw notFound(spec.name, id);
    throw conflict(spec.name, id, expectedVersion, current.version);
  }
  // The update matched the version read, so the newest committed version was expectedVersion, and the row is this
  // transaction's until it commits: a row at expectedVersion + 1 is the update's own. Anything else would have been
  // read before the update (inOrder makes that order; the check does not rely on it): read it again.
  if (current && current.version === expectedVersion + 1) return current;
  return (await em.findOneByOrFail(spec.entity, { id } as never)) as E;
}

async function assertNoDependents<E extends BaseRecord>(
  em: EntityManager,
  spec: CrudSpec<E>,
  id: number,
): Promise<void> {
  const found: string[] = [];
  for (const dependent of spec.dependents ?? []) {
    const count = await em.getRepository(dependent.entity).count({ where: { [dependent.column]: id } });
    if (count > 0) found.push(`${count} ${dependent.label}`);
  }
  if (found.length) {
    throw new AppError(
      'RECORD_IN_USE',
      `${spec.name} ${id} cannot be deleted: ${found.join(', ')} refer to it. Remove or re-point them first.`,
      { type: spec.name, id: String(id), dependents: found },
    );
  }
}

/** A correction is audited as one ("correct-update", …), with its reason as the note. */
function correctionAction(action: string): string {
  return currentChangeOptions()?.kind === 'correction' ? `correct-${action}` : action;
}

function correctionNote(): string | null {
  const options = currentChangeOptions();
  return options?.kind === 'correction' ? `correction: ${options.reason ?? ''}` : null;
}

/** Creates a record: locks first, references readable, hooks, scope after, audit. */
export async function createRecord<E extends BaseRecord>(
  spec: CrudSpec<E>,
  ctx: Context,
  args: Record<string, unknown>,
): Promise<E> {
  return ctx.db.transaction(async (em) => {
    const w: WriteContext<E> = { em, ctx, args, before: null };
    const values = argsToColumns<E>(em, spec as unknown as CrudSpec<BaseRecord>, args, null);
    await lockCounterOf(em, spec);
    await lockParentOf(em, spec, values);
    // What it points at must be readable before any hook looks at it; the new record, as the hooks completed
    // it (e.g. the engine's verdict on a delegation comes first), must belong to the caller's subtree.
    await assertReferencesReadable(spec, values, em, ctx);
    await spec.hooks?.beforeCreate?.(values, w);
    await assertWritable(ctx, em, spec.entity, spec.label, null, values);
    // The record is read once below (with its defaults): the insert reads nothing back.
    const id = Number(
      await insertRow(em, spec.entity, { ...values, version: 1, createdAt: ctx.now, updatedAt: ctx.now }),
    );
    let record = (await em.findOneByOrFail(spec.entity, { id } as never)) as E;
    if (spec.hooks?.afterWrite && (await spec.hooks.afterWrite(record, w)) !== 'unchanged')
      record = (await em.findOneByOrFail(spec.entity, { id } as never)) as E;
    await together(
      logChange(em, spec, ctx, id, 'CREATE', record),
      writeAudit(em, ctx, { action: 'create', entityType: spec.name, entityId: id, after: record }),
      spec.hooks?.alongside?.(record, w),
    );
    return record;
  });
}

/** Updates a record at the version the caller read: locks first, scope before and after, hooks, audit. */
export async function updateRecord<E extends BaseRecord>(
  spec: CrudSpec<E>,
  ctx: Context,
  args: Record<string, unknown>,
): Promise<E> {
  const id = toId(args.id);
  const expectedVersion = args.version as number;
  return ctx.db.transaction(async (em) => {
    // The counter's row, then the record and its latest history entry: one round trip, sent in that order (the
    // order every writer locks in).
    const [, [before]] = await inOrder(
      em,
      () => lockCounterOf(em, spec),
      () => together(loadForWrite(em, spec, id), readAheadLatestEntry(em, spec, id)),
    );
    await lockParentOf(em, spec, before);
    await assertWritable(ctx, em, spec.entity, spec.label, before, null);
    if (before.version !== expectedVersion) throw conflict(spec.name, id, expectedVersion, before.version);
    const w: WriteContext<E> = { em, ctx, args, before };
    const patch = argsToColumns<E>(em, spec as unknown as CrudSpec<BaseRecord>, args, {
      ...before,
      ...argsToColumnsShallow(args),
    } as Partial<E>);
    await assertReferencesReadable(spec, patch, em, ctx);
    await spec.hooks?.beforeUpdate?.(patch, w);
    await assertWritable(ctx, em, spec.entity, spec.label, null, { ...before, ...patch });
    let after = await guardedUpdate(em, spec, id, expectedVersion, patch, ctx.now);
    if (spec.hooks?.afterWrite && (await spec.hooks.afterWrite(after, w)) !== 'unchanged')
      after = (await em.findOneByOrFail(spec.entity, { id } as never)) as E;
    await together(
      logChange(em, spec, ctx, id, 'UPDATE', after),
      writeAudit(em, ctx, {
        action: correctionAction('update'),
        entityType: spec.name,
        entityId: id,
        before,
        after,
        note: correctionNote(),
      }),
      spec.hooks?.alongside?.(after, w),
    );
    return after;
  });
}

/** Deletes, archives, end-dates or revokes a record (spec.remove): locks first, scope, dependents, audit. */
export async function removeRecord<E extends BaseRecord>(spec: CrudSpec<E>, ctx: Context, rawId: unknown): Promise<E> {
  const id = toId(rawId);
  return ctx.db.transaction(async (em) => {
    // The counter's row, then the record and its latest history entry: one round trip, sent in that order (the
    // order every writer locks in).
    const [, [before]] = await inOrder(
      em,
      () => lockCounterOf(em, spec),
      () => together(loadForWrite(em, spec, id), readAheadLatestEntry(em, spec, id)),
    );
    await lockParentOf(em, spec, before);
    await assertWritable(ctx, em, spec.entity, spec.label, before, null);
    const w: WriteContext<E> = { em, ctx, args: { id: rawId }, before };
    await spec.hooks?.beforeDelete?.(w);
    let after: E | null = null;
    switch (spec.remove) {
      case 'none':
        throw new AppError('APPEND_ONLY', `${spec.name} records are append-only: they cannot be deleted.`);
      case 'hard':
        await assertNoDependents(em, spec, id);
        await em.delete(spec.entity, { id } as never);
        break;
      case 'archive': {
        const current = before as unknown as { archivedAt: Date | null };
        if (current.archivedAt) return before;
        after = await guardedUpdate(em, spec, id, before.version, { archivedAt: ctx.now } as never, ctx.now);
        break;
      }
      case 'end-date': {
        const current = before as unknown as { validTo: Date | null; validFrom: Date };
        if (current.validTo && current.validTo.getTime() <= ctx.now.getTime()) return before;
        const end = current.validFrom.getTime() > ctx.now.getTime() ? current.validFrom : ctx.now;
        after = await guardedUpdate(em, spec, id, before.version, { validTo: end } as never, ctx.now);
        break;
      }
      case 'revoke': {
        const current = before as unknown as { revokedAt: Date | null };
        if (current.revokedAt) return before;
        after = await guardedUpdate(
          em,
          spec,
          id,
          before.version,
          { revokedAt: ctx.now, revokeReason: 'deleted' } as never,
          ctx.now,
        );
        break;
      }
    }
    await together(
      logChange(em, spec, ctx, id, spec.remove === 'hard' ? 'DELETE' : 'UPDATE', after),
      writeAudit(em, ctx, {
        action: correctionAction(spec.remove === 'hard' ? 'delete' : spec.remove),
        entityType: spec.name,
        entityId: id,
        before,
        after,
        note: correctionNote(),
      }),
    );
    return after ?? before;
  });
}
