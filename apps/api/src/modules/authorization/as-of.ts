// The authority state at an effective moment as known at a recorded moment (issue #12). The tables hold every record
// as it is in force now, as known now; a record whose history holds an entry that the question must not see
// (recorded after `knownAt`, or effective after `at`) is replaced by its version from the change log (the domain's
// `decidingEntries`). Questions about now, as known now, are answered from the cached index as before.
import { decidingEntries, indexAuthorityState, VersionEntry } from '@iron-triangle/domain';
import { Brackets, EntityManager, In } from 'typeorm';
import type { Context } from '../../platform/context';
import {
  AUTHORITY_RECORD_TYPES,
  AuthorityChange,
  decodeRecord,
  readRevision,
  revisionKnownAt,
  versionEntryOf,
} from '../../platform/change-log';
import {
  AuthorityRows,
  AuthoritySnapshot,
  authoritySnapshotReflecting,
  loadAuthorityRows,
  stateFromRows,
} from './authority-state';
import { revisionNotReached } from '../../platform/change-feed';
import { MAX_DELTA_ENTRIES } from './incremental';

/** A snapshot with the two times it answers for, the revision it reads, and the corrections that decide it. */
export interface AsOfSnapshot {
  readonly snapshot: AuthoritySnapshot;
  readonly at: Date;
  readonly knownAt: Date;
  /** The revision answered from: every change up to it counts (as known at `knownAt`), none after it. */
  readonly revision: string;
  /** Corrections that decide a record's version at `at` (as known at `knownAt`). */
  readonly corrections: readonly AuthorityChange[];
}

/** Orders revisions (decimal strings of any length) numerically. */
export function compareRevisions(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export const entryKey = (recordType: string, recordId: number | string) => `${recordType}:${recordId}`;

/**
 * Corrections that decide their record now (the record's latest entry is a correction), as of a revision of the log,
 * by record. Moved forward by the entries since (a correction starts its reign; any later entry of its record ends
 * it), not read again from the whole log.
 */
interface HeldCorrections {
  readonly revision: string;
  readonly byRecord: ReadonlyMap<string, AuthorityChange>;
  readonly list: readonly AuthorityChange[];
}
const currentCorrections = new WeakMap<object, HeldCorrections>();
const pendingCorrections = new WeakMap<object, { revision: string; found: Promise<HeldCorrections> }>();

async function readCurrentCorrections(em: EntityManager, revision: string): Promise<HeldCorrections> {
  const found = await em
    .getRepository(AuthorityChange)
    .createQueryBuilder('c')
    .where('c.correction = :yes', { yes: true })
    .andWhere('c.recordType IN (:...types)', { types: [...AUTHORITY_RECORD_TYPES] })
    .andWhere('c.revision <= :revision', { revision })
    .andWhere(
      'NOT EXISTS (SELECT 1 FROM authority_changes d WHERE d.recordType = c.recordType AND ' +
        'd.recordId = c.recordId AND d.revision > c.revision AND d.revision <= :revision)',
      { revision },
    )
    .orderBy('c.revision', 'ASC')
    .getMany();
  return { revision, byRecord: new Map(found.map((c) => [entryKey(c.recordType, c.recordId), c])), list: found };
}

/** `held` moved to `revision` by the entries in between (null: too many, read the whole log instead). */
async function advanceCorrections(
  em: EntityManager,
  held: HeldCorrections,
  revision: string,
): Promise<HeldCorrections | null> {
  if (BigInt(revision) - BigInt(held.revision) > BigInt(MAX_DELTA_ENTRIES)) return null;
  const entries = await em
    .getRepository(AuthorityChange)
    .createQueryBuilder('c')
    .where('c.recordType IN (:...types)', { types: [...AUTHORITY_RECORD_TYPES] })
    .andWhere('c.revision > :from AND c.revision <= :to', { from: held.revision, to: revision })
    .orderBy('c.revision', 'ASC')
    .limit(MAX_DELTA_ENTRIES + 1)
    .getMany();
  if (entries.length > MAX_DELTA_ENTRIES) return null;
  if (!entries.length) return { ...held, revision };
  const byRecord = new Map(held.byRecord);
  for (const e of entries) {
    const key = entryKey(e.recordType, e.recordId);
    if (e.correction) byRecord.set(key, e);
    else byRecord.delete(key);
  }
  const list = [...byRecord.values()].sort((a, b) => compareRevisions(a.revision, b.revision));
  return { revision, byRecord, list };
}

function correctionsNow(ctx: Context, revision: string): Promise<readonly AuthorityChange[]> {
  const source = ctx.db.dataSource;
  const held = currentCorrections.get(source);
  // The same revision, or a newer one (a read that raced a write: answered with the newer corrections).
  if (held && compareRevisions(held.revision, revision) >= 0) return Promise.resolve(held.list);
  // Inside a transaction nothing waits for another request's read (it may need a pooled connection).
  const pending = ctx.db.inTransaction ? undefined : pendingCorrections.get(source);
  if (pending && pending.revision === revision) return pending.found.then((h) => h.list);
  const em = ctx.db.manager;
  const found = (async () => {
    const moved = held ? await advanceCorrections(em, held, revision) : null;
    const next = moved ?? (await readCurrentCorrections(em, revision));
    const latest = currentCorrections.get(source);
    if (!latest || compareRevisions(latest.revision, next.revision) < 0) currentCorrections.set(source, next);
    return next;
  })();
  if (!ctx.db.inTransaction) {
    pendingCorrections.set(source, { revision, found });
    const clear = () => {
      if (pendingCorrections.get(source)?.found === found) pendingCorrections.delete(source);
    };
    found.then(clear, clear);
  }
  return found.then((h) => h.list);
}

/** Historical snapshots, a few per data source, keyed by the versions they replaced. */
const historical = new WeakMap<object, Map<string, Promise<AuthoritySnapshot>>>();
const HISTORICAL_KEPT = 8;

function replaceRows<T extends { id: number }>(
  rows: T[],
  type: string,
  replaced: ReadonlySet<string>,
  versions: ReadonlyMap<string, VersionEntry<AuthorityChange>>,
  decode: (entry: AuthorityChange) => T,
): T[] {
  const kept = rows.filter((r) => !replaced.has(entryKey(type, r.id)));
  for (const [key, entry] of versions) {
    if (key.startsWith(`${type}:`) && entry.after) kept.push(decode(entry.after));
  }
  return kept;
}

function rowsAsOf(
  ctx: Context,
  rows: AuthorityRows,
  replaced: ReadonlySet<string>,
  versions: ReadonlyMap<string, VersionEntry<AuthorityChange>>,
): AuthorityRows {
  const ds = ctx.db.dataSource;
  const decode = <T>(entry: AuthorityChange) => decodeRecord(ds, entry.recordType, entry.after ?? {}) as T;
  const bodies = replaceRows(rows.bodies, 'DecisionBody', replaced, versions, (e) =>
    decode<(typeof rows.bodies)[0]>(e),
  );
  // A body's seats travel with the body: replaced bodies bring the seats of their version.
  const seats = rows.seats.filter((s) => !replaced.has(entryKey('DecisionBody', s.decisionBodyId)));
  for (const [key, entry] of versions) {
    if (!key.startsWith('DecisionBody:') || !entry.after) continue;
    const body = decode<{ seats?: Array<(typeof rows.seats)[0]> }>(entry.after);
    seats.push(...(body.seats ?? []));
  }
  seats.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  return {
    units: replaceRows(rows.units, 'OrgUnit', replaced, versions, (e) => decode(e)),
    people: replaceRows(rows.people, 'Person', replaced, versions, (e) => decode(e)),
    positions: replaceRows(rows.positions, 'PositionAssignment', replaced, versions, (e) => decode(e)),
    bodies,
    seats,
    rules: replaceRows(rows.rules, 'AuthorityRule', replaced, versions, (e) => decode(e)),
    delegations: replaceRows(rows.delegations, 'Delegation', replaced, versions, (e) => decode(e)),
    assessments: replaceRows(rows.assessments, 'Assessment', replaced, versions, (e) => decode(e)),
  };
}

/** Entries of the records whose version at (`at`, `knownAt`) may differ from the tables (as seen by `em`). */
async function divergentEntries(
  em: EntityManager,
  types: readonly string[],
  sinceRevision: string,
  at: Date,
  knownAt: Date,
): Promise<AuthorityChange[]> {
  const keys = (await em
    .getRepository(AuthorityChange)
    .createQueryBuilder('c')
    .select('c.recordType', 'recordType')
    .addSelect('c.recordId', 'recordId')
    .distinct(true)
    .where('c.recordType IN (:...types)', { types: [...types] })
    .andWhere(
      new Brackets((q) =>
        q
          .where('c.revision > :since', { since: sinceRevision })
          .orWhere('c.recordedAt > :knownAt', { knownAt })
          .orWhere('c.effectiveFrom > :at', { at }),
      ),
    )
    .getRawMany()) as Array<{ recordType: string; recordId: number | string }>;
  if (!keys.length) return [];
  const byType = new Map<string, number[]>();
  for (const k of keys) {
    const ids = byType.get(k.recordType) ?? [];
    ids.push(Number(k.recordId));
    byType.set(k.recordType, ids);
  }
  const entries: AuthorityChange[] = [];
  for (const [recordType, ids] of byType) {
    for (let i = 0; i < ids.length; i += 500) {
      entries.push(
        ...(await em.find(AuthorityChange, {
          where: { recordType, recordId: In(ids.slice(i, i + 500)) },
          order: { revision: 'ASC' },
        })),
      );
    }
  }
  return entries;
}

/**
 * The authority snapshot at `at` as known at `knownAt` (both default to the request's now). Now-as-known-now is the
 * cached index; anything else replaces the records whose history says otherwise.
 */
export async function authoritySnapshotAsOf(
  ctx: Context,
  atArg: Date | null | undefined,
  knownAtArg: Date | null | undefined,
): Promise<AsOfSnapshot> {
  const at = atArg ?? ctx.now;
  const knownAt = knownAtArg ?? ctx.now;
  const waitMs = ctx.config.revisionWaitMs;
  const current = await authoritySnapshotReflecting(ctx, ctx.atLeastRevision, waitMs, (target, reached) =>
    revisionNotReached(target, reached, waitMs),
  );
  // Keyed by the log's revision, not the authority counter: a later change the engine cannot see (a phone number)
  // still ends a correction's reign over its record.
  const nowCorrections = await correctionsNow(ctx, ctx.revision ?? (await readRevision(ctx.db.manager)));
  const isNow = at.getTime() >= ctx.now.getTime() && knownAt.getTime() >= ctx.now.getTime();
  const em = ctx.db.manager;
  const entries = isNow ? [] : await divergentEntries(em, AUTHORITY_RECORD_TYPES, current.changeCount, at, knownAt);
  // The index fell behind the authority counter this request read (it is being rebuilt): the answer reflects the
  // index's revision, and says so.
  const behind =
    ctx.authorityChangeCount !== undefined && BigInt(current.changeCount) < BigInt(ctx.authorityChangeCount);
  if (!entries.length) {
    const revision = behind
      ? current.changeCount
      : isNow && ctx.revision !== undefined
        ? ctx.revision
        : await revisionKnownAt(em, knownAt);
    return { snapshot: current, at, knownAt, revision, corrections: nowCorrections };
  }
  const versionEntries = entries.map(versionEntryOf);
  const versions = decidingEntries(versionEntries, at, knownAt);
  const replaced = new Set(versionEntries.map((e) => e.key));
  const revision = await revisionKnownAt(em, knownAt);
  // In revision order, as the corrections deciding now are listed: the same answer whichever way it is read.
  const corrections = [
    ...nowCorrections.filter((c) => !replaced.has(entryKey(c.recordType, c.recordId))),
    ...[...versions.values()].filter((v) => v.correction && v.after).map((v) => v.after as AuthorityChange),
  ].sort((a, b) => compareRevisions(a.revision, b.revision));
  const cacheKey = `${current.changeCount}|${[...versions.values()]
    .map((v) => v.revision.toString())
    .sort()
    .join(',')}|${[...replaced].sort().join(',')}`;
  let cache = historical.get(ctx.db.dataSource);
  if (!cache) {
    cache = new Map();
    historical.set(ctx.db.dataSource, cache);
  }
  let snapshot = cache.get(cacheKey);
  if (!snapshot) {
    snapshot = loadAuthorityRows(em).then((rows) => {
      const loaded = stateFromRows(rowsAsOf(ctx, rows, replaced, versions));
      const indexed = indexAuthorityState(loaded.state);
      if (!indexed.ok) throw new Error(`authority state has an invalid org tree: ${indexed.error.code}`);
      return {
        changeCount: revision,
        index: indexed.value,
        unitLabels: loaded.unitLabels,
        personNames: loaded.personNames,
      };
    });
    if (cache.size >= HISTORICAL_KEPT) cache.delete(cache.keys().next().value as string);
    cache.set(cacheKey, snapshot);
    const held = cache;
    snapshot.catch(() => held.delete(cacheKey));
  }
  return { snapshot: await snapshot, at, knownAt, revision, corrections };
}
