// Appending to the change log, in the writer's transaction. A revision is allocated by bumping row 3 of
// authority_state, whose lock the transaction keeps until it commits: revisions therefore commit in their order and
// the log has no gaps. The counters the caches compare (row 1: authority index, row 2: project cases) are set to the
// revision of the last change that concerned them.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ChangeOperation } from '@iron-triangle/domain';
import { In } from 'typeorm';
import type { DataSource, EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';
import type { Principal } from '../permissions';
import { bigintTransformer } from '../columns';
import { insertRow } from '../insert-row';
import { together } from '../together';
import { AuthorityChange } from './change.entity';
import { LOGGED_BY_TYPE, LoggedType, touchesEngine } from './registry';

export const REVISION_ROW = 3;
export const AUTHORITY_ROW = 1;
export const CASE_ROW = 2;

/** How the writes of the current operation are recorded: set by the mutation from its `change` argument. */
export interface ChangeOptions {
  /**
   * Ordinary (takes effect when recorded), a correction of the past, or dated: written now for the moment the writer
   * works at (the demo seed replays its story at its moments: a stage moved by a decision takes effect with it), not
   * marked as a correction. Dated changes are never asked for through the API.
   */
  kind: 'ordinary' | 'correction' | 'dated';
  /** For a correction: from when it holds; null: since the record began. For a dated change: its moment. */
  effectiveFrom: Date | null;
  reason: string | null;
}

const changeOptions = new AsyncLocalStorage<ChangeOptions>();

/** Runs `work` with its logged writes recorded as `options` say. */
export function withChangeOptions<T>(options: ChangeOptions, work: () => Promise<T>): Promise<T> {
  return changeOptions.run(options, work);
}

export function currentChangeOptions(): ChangeOptions | undefined {
  return changeOptions.getStore();
}

/** The revision row as the transaction holding its lock last saw it (kept in the query runner's data). */
const HELD_REVISION = Symbol('heldRevision');
interface HeldRevision {
  revision: bigint;
  /** The authority counter (row 1), when the transaction took it too (locked; kept current by its own bumps). */
  authority?: string;
}

function heldRevision(em: EntityManager): HeldRevision | undefined {
  const runner = em.queryRunner;
  return runner?.isTransactionActive ? (runner.data as { [HELD_REVISION]?: HeldRevision })[HELD_REVISION] : undefined;
}

/**
 * Takes the revision row first (MySQL/MariaDB; SQLite runs one transaction at a time): every transaction that will
 * append to the log locks it before anything else, so writers never wait on each other in a circle. Once per
 * transaction: the transaction remembers the revision it read with the lock (nobody else moves it until it commits),
 * so that allocating the next one costs no read (allocateRevision). `authority`: the authority counter's row is taken
 * too, right after it (asked for together: one round trip), for a write the engine judges (heldAuthorityCount).
 */
export async function lockRevision(em: EntityManager, authority = false): Promise<void> {
  if (em.connection.options.type !== 'mysql') return;
  const runner = em.queryRunner;
  const active = runner?.isTransactionActive === true;
  const held = heldRevision(em);
  const lockRow = (row: number) =>
    em.query('SELECT changeCount FROM authority_state WHERE id = ? FOR UPDATE', [row]) as Promise<
      Array<{ changeCount: string | number }>
    >;
  if (held) {
    if (authority && held.authority === undefined)
      held.authority = String((await lockRow(AUTHORITY_ROW))[0]?.changeCount ?? '0');
    return;
  }
  // One connection runs its statements in the order they were asked for: the revision row is taken first.
  const [revision, counter] = await together(lockRow(REVISION_ROW), authority ? lockRow(AUTHORITY_ROW) : undefined);
  if (active && revision.length)
    (runner!.data as { [HELD_REVISION]?: HeldRevision })[HELD_REVISION] = {
      revision: BigInt(revision[0]!.changeCount),
      ...(counter ? { authority: String(counter[0]?.changeCount ?? '0') } : {}),
    };
}

/**
 * The authority counter as the transaction holding its row (lockRevision with `authority`) knows it, its own bumps
 * included; undefined when it does not hold it.
 */
export function heldAuthorityCount(em: EntityManager): string | undefined {
  return heldRevision(em)?.authority;
}

/** The transaction that holds the revision row set it to `revision` itself (e.g. a bulk import of entries). */
export function revisionSetTo(em: EntityManager, revision: string): void {
  const held = heldRevision(em);
  if (held) held.revision = BigInt(revision);
}

/** The revision of the last committed change (as seen by `em`). */
export async function readRevision(em: EntityManager, row = REVISION_ROW): Promise<string> {
  const rows = (await em.query('SELECT changeCount FROM authority_state WHERE id = ?', [row])) as Array<{
    changeCount: string | number;
  }>;
  return rows.length ? String(rows[0]?.changeCount) : '0';
}

function metadataOfTable(dataSource: DataSource, table: string): EntityMetadata {
  const found = dataSource.entityMetadatas.find((m) => m.tableName === table);
  if (!found) throw new Error(`no entity is mapped to table ${table}`);
  return found;
}

function encodeValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** A row as an entry keeps it: column values, instants as ISO strings, money as decimal strings of minor units. */
function encodeRow(metadata: EntityMetadata, row: ObjectLiteral): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of metadata.columns) out[column.propertyName] = encodeValue(row[column.propertyName]);
  return out;
}

function decodeRow(metadata: EntityMetadata, json: Record<string, unknown>): ObjectLiteral {
  const out: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    const value = json[column.propertyName];
    if (value === null || value === undefined) out[column.propertyName] = null;
    else if (column.transformer === bigintTransformer) out[column.propertyName] = BigInt(value as string);
    else if (column.type === 'datetime' || column.type === Date) out[column.propertyName] = new Date(value as string);
    else out[column.propertyName] = value;
  }
  return out;
}

/**
 * The record (with its child rows) as an entry keeps it; null when it does not exist. `given`: the record as the
 * transaction has just read it (after its last change), not read again.
 */
export async function encodeRecord(
  em: EntityManager,
  type: LoggedType,
  id: number,
  given?: ObjectLiteral,
): Promise<Record<string, unknown> | null> {
  const metadata = metadataOfTable(em.connection, type.table);
  // A row read as another entity on the same table may lack columns: read as the log's own entity.
  const usable = given !== undefined && typeof metadata.target === 'function' && given instanceof metadata.target;
  const row = usable ? given : await em.findOne(metadata.target, { where: { id } });
  if (!row) return null;
  const encoded = encodeRow(metadata, row);
  if (type.children) {
    const childMetadata = metadataOfTable(em.connection, type.children.table);
    const children = await em.find(childMetadata.target, {
      where: { [type.children.column]: id },
      order: { id: 'ASC' },
    });
    encoded[type.children.property] = children.map((child) => encodeRow(childMetadata, child));
  }
  return encoded;
}

/**
 * Rows of `type` (as read by `em`) as entries keep them, their child rows read in one statement: what encodeRecord
 * gives for each, without a statement per row.
 */
export async function encodeRows(
  em: EntityManager,
  type: LoggedType,
  rows: readonly ObjectLiteral[],
): Promise<Array<Record<string, unknown>>> {
  const metadata = metadataOfTable(em.connection, type.table);
  const encoded = rows.map((row) => encodeRow(metadata, row));
  if (type.children && rows.length) {
    const { table, column, property } = type.children;
    const childMetadata = metadataOfTable(em.connection, table);
    const children = await em.find(childMetadata.target, {
      where: { [column]: In(rows.map((row) => row.id as number)) },
      order: { id: 'ASC' },
    });
    const byParent = new Map<unknown, Array<Record<string, unknown>>>();
    for (const child of children) {
      const list = byParent.get(child[column]) ?? [];
      list.push(encodeRow(childMetadata, child));
      byParent.set(child[column], list);
    }
    encoded.forEach((e, i) => (e[property] = byParent.get(rows[i]?.id) ?? []));
  }
  return encoded;
}

/** An entry's record as the entity (children as entities of their own type under the children's property). */
export function decodeRecord(
  dataSource: DataSource,
  recordType: string,
  json: Record<string, unknown>,
): ObjectLiteral & { id: number } {
  const type = LOGGED_BY_TYPE.get(recordType);
  if (!type) throw new Error(`${recordType} keeps no history`);
  const decoded = decodeRow(metadataOfTable(dataSource, type.table), json);
  if (type.children) {
    const childMetadata = metadataOfTable(dataSource, type.children.table);
    const children = (json[type.children.property] as Array<Record<string, unknown>> | undefined) ?? [];
    decoded[type.children.property] = children.map((child) => decodeRow(childMetadata, child));
  }
  return decoded as ObjectLiteral & { id: number };
}

/** Record types a transaction has appended entries for (checked by the change-log guard before it commits). */
export const LOGGED_IN_TRANSACTION = Symbol('loggedInTransaction');

/**
 * Whether `em`'s transaction has appended entries of its own (not committed yet, and rolled back by a dry run): what
 * it reads of the log is not for other transactions to see (e.g. as a cached index).
 */
export function loggedInTransaction(em: EntityManager): boolean {
  const data = em.queryRunner?.data as { [LOGGED_IN_TRANSACTION]?: Set<string> } | undefined;
  return (data?.[LOGGED_IN_TRANSACTION]?.size ?? 0) > 0;
}

function markLogged(em: EntityManager, recordType: string): void {
  const runner = em.queryRunner;
  if (!runner) return;
  const data = runner.data as { [LOGGED_IN_TRANSACTION]?: Set<string> };
  (data[LOGGED_IN_TRANSACTION] ??= new Set()).add(recordType);
}

/** Who makes a change, and where the request keeps the revision it committed. */
export interface ChangeActor {
  principal: Principal | null;
  requestId: string | null;
  revisions?: { committed: string | null };
}

export interface RecordedChange {
  revision: string;
  entry: AuthorityChange;
}

/**
 * Appends the entry of a change to record `recordType` `id` (after the write, in its transaction): the record as it
 * is now (null once deleted; `row`: as the write has just read it back, else read here), the one before from its
 * previous entry, the effective moment (now for an ordinary change, the correction's moment, or since the record
 * began for a new record) and the actor.
 */
export async function recordChange(
  em: EntityManager,
  ctx: ChangeActor,
  recordType: string,
  id: number,
  operation: ChangeOperation,
  row?: ObjectLiteral,
): Promise<RecordedChange> {
  const type = LOGGED_BY_TYPE.get(recordType);
  if (!type) throw new Error(`${recordType} keeps no history`);
  const after = operation === 'DELETE' ? null : await encodeRecord(em, type, id, row);
  if (operation !== 'DELETE' && after === null)
    throw new Error(`${recordType} ${id} vanished before its change was logged`);
  // A record being created has no version before it (an entry of an earlier record with its id, were the id used
  // again, would be its deletion, which keeps none): no statement for it.
  const previous =
    operation === 'CREATE' ? null : await (takePrefetched(em, recordType, id) ?? latestEntry(em, recordType, id));
  const before = previous?.after ?? null;
  // Only a change the engine can see moves the counter its caches compare (issue #13: a phone number does not).
  const allocated = await allocateRevisions(em, type, touchesEngine(type, previous ? before : null, after), 1);
  const revision = allocated.revisions[0] as string;
  const recordedAt = new Date();
  const options = changeOptions.getStore();
  const correction = options?.kind === 'correction';
  const dated = options?.kind === 'dated' && options.effectiveFrom !== null ? options.effectiveFrom : null;
  const effectiveFrom =
    operation === 'CREATE' ? null : correction ? (options?.effectiveFrom ?? null) : (dated ?? recordedAt);
  const p = ctx.principal;
  const entry: AuthorityChange = {
    revision,
    recordType,
    recordId: id,
    recordVersion: Number((after ?? previous?.after ?? {}).version ?? 0),
    operation,
    effectiveFrom,
    recordedAt,
    actorKind: p ? (p.kind === 'user' ? 'USER' : 'API_TOKEN') : 'SYSTEM',
    actorId: p ? (p.kind === 'user' ? p.userId : p.tokenId) : null,
    actorLabel: p ? (p.kind === 'user' ? p.email : p.name) : null,
    correction,
    reason: options?.reason ?? null,
    before,
    after,
    requestId: ctx.requestId,
  };
  // The entry is complete as written: nothing to read back. Sent with the counters' update (one round trip).
  await together(allocated.counters, insertRow(em, AuthorityChange, entry));
  markLogged(em, recordType);
  if (ctx.revisions) ctx.revisions.committed = revision;
  return { revision, entry };
}

/** The latest entry of record `recordType` `id` (as `em` reads it). */
function latestEntry(em: EntityManager, recordType: string, id: number): Promise<AuthorityChange | null> {
  return em.findOne(AuthorityChange, { where: { recordType, recordId: id }, order: { revision: 'DESC' } });
}

/** Latest entries read ahead by the transaction (prefetchLatestEntry), by record type and id. */
const PREFETCHED = Symbol('prefetchedEntries');

function prefetched(em: EntityManager): Map<string, Promise<AuthorityChange | null>> | undefined {
  const runner = em.queryRunner;
  if (!runner?.isTransactionActive) return undefined;
  const data = runner.data as { [PREFETCHED]?: Map<string, Promise<AuthorityChange | null>> };
  return (data[PREFETCHED] ??= new Map());
}

/**
 * Reads ahead, in the writer's transaction, the latest entry of a record it is about to change (issue #13: the read
 * rides along with the record's own, instead of taking a round trip of its own before the entry is appended). Ask for
 * it only once the revision row is held (lockRevision: nobody else appends an entry until the transaction ends) and
 * await the promise returned. recordChange for the record uses it; any entry appended for the record meanwhile
 * (recordChanges) drops it.
 */
export function prefetchLatestEntry(
  em: EntityManager,
  recordType: string,
  id: number,
): Promise<AuthorityChange | null> {
  const read = latestEntry(em, recordType, id);
  prefetched(em)?.set(`${recordType}:${id}`, read);
  return read;
}

/** The read-ahead latest entry of the record, if any (used once). */
function takePrefetched(
  em: EntityManager,
  recordType: string,
  id: number,
): Promise<AuthorityChange | null> | undefined {
  const map = prefetched(em);
  const key = `${recordType}:${id}`;
  const read = map?.get(key);
  map?.delete(key);
  return read;
}

/** Records per statement when reading previous entries or inserting entries (well within either database's limits). */
const READ_CHUNK = 500;
const INSERT_CHUNK = 200;

/**
 * recordChange for many records of one type written by one operation (a revocation and its cascade, an import's new
 * rows), in a constant number of statements per few hundred records: their previous entries in one read (none for
 * a creation: a new record has no version before it), the revisions in one update, the entries in multi-row inserts.
 * Entries follow `rows`' order, each with its own revision. `rows`: the records as the write has just read them back
 * (never a deletion). One record alone is recorded as recordChange records it.
 */
export async function recordChanges(
  em: EntityManager,
  ctx: ChangeActor,
  recordType: string,
  operation: Exclude<ChangeOperation, 'DELETE'>,
  rows: readonly ObjectLiteral[],
): Promise<RecordedChange[]> {
  if (rows.length <= 1)
    return Promise.all(rows.map((row) => recordChange(em, ctx, recordType, row.id as number, operation, row)));
  const type = LOGGED_BY_TYPE.get(recordType);
  if (!type) throw new Error(`${recordType} keeps no history`);
  const ids = rows.map((row) => row.id as number);
  // Entries read ahead for these records would no longer be their latest.
  const ahead = prefetched(em);
  for (const id of ids) ahead?.delete(`${recordType}:${id}`);
  const afters = await encodeRows(em, type, rows);
  const latest = new Map<number, AuthorityChange>();
  if (operation !== 'CREATE') {
    for (let i = 0; i < ids.length; i += READ_CHUNK) {
      const previous = await em
        .createQueryBuilder(AuthorityChange, 'c')
        .where('c.recordType = :recordType AND c.recordId IN (:...ids)', {
          recordType,
          ids: ids.slice(i, i + READ_CHUNK),
        })
        .andWhere(
          'c.revision = (SELECT MAX(d.revision) FROM authority_changes d ' +
            'WHERE d.recordType = c.recordType AND d.recordId = c.recordId)',
        )
        .getMany();
      for (const entry of previous) latest.set(Number(entry.recordId), entry);
    }
  }
  const befores = ids.map((id) => latest.get(id)?.after ?? null);
  const moves = afters.some((after, i) =>
    touchesEngine(type, latest.has(ids[i] as number) ? befores[i]! : null, after),
  );
  const { revisions, counters } = await allocateRevisions(em, type, moves, rows.length);
  const recordedAt = new Date();
  const options = changeOptions.getStore();
  const correction = options?.kind === 'correction';
  const dated = options?.kind === 'dated' && options.effectiveFrom !== null ? options.effectiveFrom : null;
  const effectiveFrom =
    operation === 'CREATE' ? null : correction ? (options?.effectiveFrom ?? null) : (dated ?? recordedAt);
  const p = ctx.principal;
  const entries: AuthorityChange[] = rows.map((_row, i) => ({
    revision: revisions[i] as string,
    recordType,
    recordId: ids[i] as number,
    recordVersion: Number((afters[i] as Record<string, unknown>).version ?? 0),
    operation,
    effectiveFrom,
    recordedAt,
    actorKind: p ? (p.kind === 'user' ? 'USER' : 'API_TOKEN') : 'SYSTEM',
    actorId: p ? (p.kind === 'user' ? p.userId : p.tokenId) : null,
    actorLabel: p ? (p.kind === 'user' ? p.email : p.name) : null,
    correction,
    reason: options?.reason ?? null,
    before: befores[i] ?? null,
    after: afters[i] as Record<string, unknown>,
    requestId: ctx.requestId,
  }));
  const insertEntries = async () => {
    for (let i = 0; i < entries.length; i += INSERT_CHUNK)
      await em
        .createQueryBuilder()
        .insert()
        .into(AuthorityChange)
        .values(entries.slice(i, i + INSERT_CHUNK) as never)
        .updateEntity(false)
        .execute();
  };
  await together(counters, insertEntries());
  markLogged(em, recordType);
  if (ctx.revisions) ctx.revisions.committed = revisions[revisions.length - 1] as string;
  return entries.map((entry) => ({ revision: entry.revision, entry }));
}

/** Revisions allocated to a transaction's entries, and the counters' update that records them. */
interface Allocated {
  revisions: string[];
  /**
   * The counters' update: already awaited, or (when the transaction holds the revision row and so knows the next
   * revisions without reading) sent but not yet awaited, to be awaited with the entries' insert (issue #13: one round
   * trip less per logged write). Statements on one connection run in the order they were sent.
   */
  counters: Promise<unknown>;
}

/**
 * `count` consecutive revisions for a transaction's entries. A revision is allocated by bumping the revision row;
 * `moves`: the counter the caches of the type's group compare (authority or case) is set to the last one too.
 */
async function allocateRevisions(
  em: EntityManager,
  type: LoggedType,
  moves: boolean,
  count: number,
): Promise<Allocated> {
  const counter = !moves ? null : type.group === 'authority' ? AUTHORITY_ROW : type.group === 'case' ? CASE_ROW : null;
  const held = heldRevision(em);
  let last: bigint;
  let counters: Promise<unknown>;
  if (held) {
    // The row is this transaction's since it was read: the next revisions are known, one statement sets both
    // counters (the revision row is held already, so the counter's row is still taken after it).
    held.revision += BigInt(count);
    last = held.revision;
    if (counter === AUTHORITY_ROW && held.authority !== undefined) held.authority = last.toString();
    counters =
      counter === null
        ? em.query('UPDATE authority_state SET changeCount = ? WHERE id = ?', [last.toString(), REVISION_ROW])
        : em.query('UPDATE authority_state SET changeCount = ? WHERE id IN (?, ?)', [
            last.toString(),
            REVISION_ROW,
            counter,
          ]);
  } else {
    await em.query('UPDATE authority_state SET changeCount = changeCount + ? WHERE id = ?', [count, REVISION_ROW]);
    last = BigInt(await readRevision(em));
    if (counter !== null)
      await em.query('UPDATE authority_state SET changeCount = ? WHERE id = ?', [last.toString(), counter]);
    counters = Promise.resolve();
  }
  return {
    revisions: Array.from({ length: count }, (_x, i) => (last - BigInt(count - 1 - i)).toString()),
    counters,
  };
}
