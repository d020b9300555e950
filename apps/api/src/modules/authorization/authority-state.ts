// Loads the authority state from the database and keeps its index per data source, moved forward by the change log's
// entries when the authority counter moved: one cheap read per request, safe across processes.
import {
  parseQuorum,
  AuthorityState,
  buildOrgTree,
  indexAuthorityState,
  indexAuthorityStateSteps,
  SLICE_ITEMS,
  OrgTree,
} from '@iron-triangle/domain';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import type { Context } from '../../platform/context';
import {
  AuthorityChange,
  decodeRecord,
  heldAuthorityCount,
  lockRevision,
  loggedInTransaction,
} from '../../platform/change-log';
import { Advanced, advanceSnapshot, authorityEntriesBetween, MAX_DELTA_ENTRIES } from './incremental';
import { OrgUnit, toOrgUnitRecord } from '../org-unit';
import { Person } from '../person';
import { PositionAssignment, toAuthorityPosition } from '../position-assignment';
import { AuthorityRule, toDomainAuthorityRule } from '../authority-rule';
import { DecisionBody, DecisionBodySeat, seatsByBody, toAuthorityBody } from '../decision-body';
import { Delegation, toDomainDelegation } from '../delegation';
import { Assessment, toCertification } from '../assessment';

export type { AuthoritySnapshot } from './authority-snapshot';
import type { AuthoritySnapshot } from './authority-snapshot';

const READ_COUNTER_SQL = 'SELECT changeCount FROM authority_state WHERE id = 1';

/** The columns of an assessment the engine reads (its certification). */
const CERTIFICATION_COLUMNS = {
  id: true,
  personId: true,
  role: true,
  levelReached: true,
  assessedAt: true,
  validUntil: true,
  certifies: true,
  frameworkId: true,
} as const;

/** The rows of every table the engine reads, as entities. */
export interface AuthorityRows {
  units: OrgUnit[];
  people: Array<Pick<Person, 'id' | 'name'>>;
  positions: PositionAssignment[];
  bodies: DecisionBody[];
  seats: DecisionBodySeat[];
  rules: AuthorityRule[];
  delegations: Delegation[];
  assessments: Assessment[];
}

/** Reads every table the engine needs (a handful of statements, only when the counter moved). */
export async function loadAuthorityRows(em: EntityManager): Promise<AuthorityRows> {
  const [units, people, positions, bodies, seats, rules, delegations, assessments] = await Promise.all([
    em.find(OrgUnit),
    em.find(Person, { select: { id: true, name: true } }),
    em.find(PositionAssignment),
    em.find(DecisionBody),
    em.find(DecisionBodySeat, { order: { sortOrder: 'ASC', id: 'ASC' } }),
    em.find(AuthorityRule),
    em.find(Delegation),
    em.find(Assessment, { select: CERTIFICATION_COLUMNS }),
  ]);
  return { units, people, positions, bodies, seats, rules, delegations, assessments };
}

/**
 * Rows per statement when the index is rebuilt in the background. Rows are read raw (no entity hydration) and mapped
 * in slices of SLICE_MS, so that neither a page's statement nor its mapping keeps requests (health checks included)
 * waiting for long (issue #13: 5,000 hydrated delegations were hundreds of milliseconds of uninterrupted work).
 */
export const PAGE_ROWS = 1_000;

/** The time a background rebuild works before it lets requests run (they wait at most about this long for it). */
const SLICE_MS = 8;

/**
 * The most items of index work (the domain's count, SLICE_ITEMS between its own pauses) a background build does
 * before it lets requests run, however fast the clock says it goes: a bound in work, not in time.
 */
export const BUILD_ITEMS_PER_PAUSE = 8 * SLICE_ITEMS;

/** How many rows are mapped between two looks at the clock. */
const ROWS_PER_CLOCK_LOOK = 128;

const letRequestsRun = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Every row of an entity with a numeric `id`, read raw in pages by id (keyset) and mapped as the entity would be
 * hydrated (the driver's conversions and the columns' transformers, no entity objects), letting requests run between
 * pages and between slices of the mapping. `select`: the properties to read (default every column).
 */
async function readInPages<T extends ObjectLiteral & { id: number }, R>(
  em: EntityManager,
  pause: () => Promise<void>,
  entity: new () => T,
  map: (row: T) => R,
  select?: Record<string, true>,
): Promise<R[]> {
  const metadata = em.connection.getMetadata(entity);
  const driver = em.connection.driver;
  const columns = metadata.columns.filter((c) => !select || select[c.propertyName]);
  const list = columns.map((c) => `${driver.escape(c.databaseName)} AS ${driver.escape(c.propertyName)}`).join(', ');
  const sql =
    `SELECT ${list} FROM ${driver.escape(metadata.tableName)} WHERE ${driver.escape('id')} > ? ` +
    `ORDER BY ${driver.escape('id')} LIMIT ${PAGE_ROWS}`;
  const all: R[] = [];
  let last = 0;
  for (;;) {
    const page = (await em.query(sql, [last])) as Array<Record<string, unknown>>;
    let sliceStart = performance.now();
    for (let i = 0; i < page.length; i++) {
      const raw = page[i] as Record<string, unknown>;
      const row: Record<string, unknown> = {};
      for (const c of columns) row[c.propertyName] = driver.prepareHydratedValue(raw[c.propertyName], c);
      all.push(map(row as T));
      if (i % ROWS_PER_CLOCK_LOOK === 0 && performance.now() - sliceStart >= SLICE_MS) {
        await pause();
        sliceStart = performance.now();
      }
    }
    if (page.length < PAGE_ROWS) return all;
    last = Number((page[page.length - 1] as Record<string, unknown>).id);
    await pause();
  }
}

/**
 * loadAuthorityState for a background rebuild: the large tables in pages, one table after another, so that requests
 * are answered in between. Like loadAuthorityRows (separate statements, no transaction), every row is at least as new
 * as the counter read before; the entries after it are applied again on top (applying a record's final version twice
 * changes nothing).
 */
async function loadAuthorityStateInPages(
  em: EntityManager,
  pause: () => Promise<void>,
): Promise<ReturnType<typeof stateFromRows>> {
  const units = await em.find(OrgUnit);
  const small = stateFromRows({
    units,
    people: [],
    positions: [],
    bodies: await em.find(DecisionBody),
    seats: await em.find(DecisionBodySeat, { order: { sortOrder: 'ASC', id: 'ASC' } }),
    rules: [],
    delegations: [],
    assessments: [],
  });
  const rules = await readInPages(em, pause, AuthorityRule, toDomainAuthorityRule);
  const people = await readInPages(em, pause, Person, (p) => [String(p.id), p.name] as const, {
    id: true,
    name: true,
  });
  const positions = await readInPages(em, pause, PositionAssignment, toAuthorityPosition);
  const delegations = await readInPages(em, pause, Delegation, toDomainDelegation);
  const certifications = await readInPages(em, pause, Assessment, toCertification, CERTIFICATION_COLUMNS);
  return {
    state: { ...small.state, rules, positions, delegations, certifications },
    unitLabels: small.unitLabels,
    personNames: new Map(people),
  };
}

/**
 * buildSnapshot in slices of about SLICE_MS, letting requests run between them: a process rebuilding its index goes on
 * answering (health checks included) from the index it has.
 */
export async function buildSnapshotInSlices(
  changeCount: string,
  loaded: ReturnType<typeof stateFromRows>,
  pause: () => Promise<void> = letRequestsRun,
  meter?: BuildMeter,
): Promise<AuthoritySnapshot> {
  const steps = indexAuthorityStateSteps(loaded.state);
  let sliceStart = performance.now();
  let items = 0;
  for (;;) {
    const next = steps.next();
    if (!next.done) {
      items += next.value;
      if (meter) {
        meter.items += next.value;
        meter.steps += 1;
        meter.largestStep = Math.max(meter.largestStep, next.value);
      }
    }
    if (next.done) {
      if (!next.value.ok) throw new Error(`authority state has an invalid org tree: ${next.value.error.code}`);
      return {
        changeCount,
        index: next.value.value,
        unitLabels: loaded.unitLabels,
        personNames: loaded.personNames,
      };
    }
    if (items >= BUILD_ITEMS_PER_PAUSE || performance.now() - sliceStart >= SLICE_MS) {
      if (meter) {
        meter.pauses += 1;
        meter.largestSlice = Math.max(meter.largestSlice, items);
      }
      await pause();
      sliceStart = performance.now();
      items = 0;
    }
  }
}

/** What a build in slices did: its domain steps and their items, and the slices between its pauses (in items). */
export interface BuildMeter {
  steps: number;
  items: number;
  /** The most items of one domain step (between two of its own pauses). */
  largestStep: number;
  pauses: number;
  /** The most items the build did between two pauses (what a request arriving meanwhile waits for, in work). */
  largestSlice: number;
}

export const emptyBuildMeter = (): BuildMeter => ({ steps: 0, items: 0, largestStep: 0, pauses: 0, largestSlice: 0 });

/** The engine's state and the names its messages use, from the rows. */
export function stateFromRows(rows: AuthorityRows): {
  state: AuthorityState;
  unitLabels: Map<string, string>;
  personNames: Map<string, string>;
} {
  const bodySeats = seatsByBody(rows.seats);
  const state: AuthorityState = {
    orgUnits: rows.units.map(toOrgUnitRecord),
    positions: rows.positions.map(toAuthorityPosition),
    bodies: rows.bodies.map((b) => {
      const ofBody = bodySeats.get(b.id) ?? [];
      return toAuthorityBody(b, ofBody, parseQuorum(b.quorum, ofBody.length));
    }),
    rules: rows.rules.map(toDomainAuthorityRule),
    delegations: rows.delegations.map(toDomainDelegation),
    certifications: rows.assessments.map(toCertification),
  };
  return {
    state,
    unitLabels: new Map(rows.units.map((u) => [String(u.id), u.code])),
    personNames: new Map(rows.people.map((p) => [String(p.id), p.name])),
  };
}

/** Reads every table the engine needs and makes the engine's state. */
export async function loadAuthorityState(em: EntityManager): Promise<ReturnType<typeof stateFromRows>> {
  return stateFromRows(await loadAuthorityRows(em));
}

export function buildSnapshot(changeCount: string, loaded: ReturnType<typeof stateFromRows>): AuthoritySnapshot {
  const indexed = indexAuthorityState(loaded.state);
  if (!indexed.ok) throw new Error(`authority state has an invalid org tree: ${indexed.error.code}`);
  return { changeCount, index: indexed.value, unitLabels: loaded.unitLabels, personNames: loaded.personNames };
}

/**
 * The cached index of one data source (one per API process and database), kept at the authority counter's revision:
 * built in full at start, then moved forward by applying the change log's entries since its revision (incremental.ts).
 * A rebuild the domain advises, or one for an index too far behind, runs in the background; requests meanwhile are
 * answered from the index moved forward by deltas (or, when too far behind, from the last one until the rebuild is
 * in). Requests that read an older counter than the cached one are answered from the cached one (never older state).
 */
/** Entries applied to the index between two pauses when a large delta is applied (applyEntriesInSlices). */
export const APPLY_SLICE_ENTRIES = 64;

/** How many times further than a read a write's transaction moves the index entry by entry (snapshotWithin). */
export const WRITE_DELTA_FACTOR = 10;

export class AuthorityCache {
  private current: { changeCount: string; snapshot: Promise<AuthoritySnapshot>; at: number } | null = null;
  private rebuilding: Promise<void> | null = null;
  /** The newest snapshot that is built (not a promise still working): what a transaction starts from. */
  private settled: AuthoritySnapshot | null = null;
  /** Beyond this many entries behind, the index is rebuilt (in the background) instead of moved entry by entry. */
  maxDeltaEntries = MAX_DELTA_ENTRIES;
  /** Statistics for the health endpoint and benchmarks. */
  readonly stats = {
    fullBuilds: 0,
    deltas: 0,
    entriesApplied: 0,
    /** Moves that took, or built on, a version another request had already moved forward (applyEntries). */
    deltasShared: 0,
    backgroundRebuilds: 0,
    rebuildPauses: 0,
    /** The index builds in slices (background rebuilds), summed. */
    rebuildBuild: emptyBuildMeter(),
    /** Pauses between two pages of change-log entries read for a delta (authorityEntriesBetween). */
    entryPauses: 0,
  };

  /** Lets requests run between two pages of entries (a large delta is read in pages). */
  private readonly entryPause = (): Promise<void> => {
    this.stats.entryPauses += 1;
    return letRequestsRun();
  };

  constructor(private readonly dataSource: DataSource) {}

  private decode = (entry: AuthorityChange) => decodeRecord(this.dataSource, entry.recordType, entry.after ?? {});

  /** The version each snapshot was moved forward to first (see applyEntries). */
  private readonly derived = new WeakMap<AuthoritySnapshot, AuthoritySnapshot>();

  /**
   * `base` moved to `changeCount` by `entries` (the log's entries after base's count, up to `changeCount`). A write's
   * transaction and the reads after its commit move the same version by the same entries: whoever comes second builds
   * on what the first made (or takes it as it is), so that one version of the index follows another, appending in
   * place. Two versions made from one would fork it, and the second would copy the index's link columns: work in
   * proportion to the state, not to the change.
   */
  applyEntries(base: AuthoritySnapshot, entries: readonly AuthorityChange[], changeCount: string): Advanced {
    const target = BigInt(changeCount);
    let from = base;
    for (let next = this.derived.get(from); next && BigInt(next.changeCount) <= target; next = this.derived.get(from))
      from = next;
    if (from !== base && from.changeCount === changeCount) {
      this.stats.deltasShared += 1;
      return { snapshot: from, rebuildAdvised: false };
    }
    const since = BigInt(from.changeCount);
    const rest = from === base ? entries : entries.filter((e) => BigInt(e.revision) > since);
    this.stats.deltas += 1;
    this.stats.entriesApplied += rest.length;
    if (from !== base) this.stats.deltasShared += 1;
    const advanced = advanceSnapshot(from, rest, changeCount, this.decode);
    if (!this.derived.has(from)) this.derived.set(from, advanced.snapshot);
    return advanced;
  }

  /**
   * applyEntries for a delta of any size: more than APPLY_SLICE_ENTRIES entries the engine reads (not people's) are
   * applied a slice at a time, each slice a version of its own (at its last entry's revision, chained as applyEntries
   * chains them), with a pause between two slices, so that applying thousands of changes (an import of delegations:
   * 1,000 of them were 70–200 ms in one stretch of the event loop, 4,900 up to a second) never holds it for long; the
   * result is the same index.
   */
  async applyEntriesInSlices(
    base: AuthoritySnapshot,
    entries: readonly AuthorityChange[],
    changeCount: string,
  ): Promise<Advanced> {
    // Slices end after APPLY_SLICE_ENTRIES entries the engine reads (a person's entry only renames: it costs nothing).
    const cuts: number[] = [];
    let engine = 0;
    entries.forEach((entry, i) => {
      if (entry.recordType !== 'Person') engine += 1;
      if (engine === APPLY_SLICE_ENTRIES) {
        cuts.push(i + 1);
        engine = 0;
      }
    });
    if (cuts[cuts.length - 1] !== entries.length) cuts.push(entries.length);
    if (cuts.length === 1) return this.applyEntries(base, entries, changeCount);
    let snapshot = base;
    let rebuildAdvised = false;
    let from = 0;
    for (const cut of cuts) {
      if (from > 0) await this.entryPause();
      const slice = entries.slice(from, cut);
      const last = cut === entries.length;
      const advanced = this.applyEntries(snapshot, slice, last ? changeCount : slice[slice.length - 1]!.revision);
      snapshot = advanced.snapshot;
      rebuildAdvised ||= advanced.rebuildAdvised;
      from = cut;
    }
    return { snapshot, rebuildAdvised };
  }

  private build(em: EntityManager, changeCount: string): Promise<AuthoritySnapshot> {
    this.stats.fullBuilds += 1;
    return loadAuthorityState(em).then((loaded) => buildSnapshot(changeCount, loaded));
  }

  /** A full build that lets requests run between its slices (for rebuilds while the process is serving). */
  private async buildInSlices(changeCount: string): Promise<AuthoritySnapshot> {
    this.stats.fullBuilds += 1;
    const pause = () => {
      this.stats.rebuildPauses += 1;
      return letRequestsRun();
    };
    const loaded = await loadAuthorityStateInPages(this.dataSource.manager, pause);
    await pause();
    return buildSnapshotInSlices(changeCount, loaded, pause, this.stats.rebuildBuild);
  }

  /** Builds the index at start, before the process answers its first request. */
  async warmUp(): Promise<void> {
    await this.snapshot();
  }

  /** Keeps `snapshot` as the newest built one, unless a newer one is. */
  private remember(snapshot: AuthoritySnapshot): AuthoritySnapshot {
    if (!this.settled || BigInt(snapshot.changeCount) >= BigInt(this.settled.changeCount)) this.settled = snapshot;
    return snapshot;
  }

  /** A snapshot made by a transaction becomes the cache's when nothing newer is there or on its way. */
  private offer(snapshot: AuthoritySnapshot): void {
    const current = this.current;
    if (!current || BigInt(current.changeCount) < BigInt(snapshot.changeCount))
      this.current = { changeCount: snapshot.changeCount, snapshot: Promise.resolve(snapshot), at: Date.now() };
    this.remember(snapshot);
  }

  /**
   * Waits until the built index reflects `revision` (true), or `waitMs` passed (false): for a question that asks for
   * at least a revision while the index is being rebuilt.
   */
  async caughtUp(revision: string, waitMs: number): Promise<boolean> {
    const deadline = Date.now() + waitMs;
    const target = BigInt(revision);
    for (;;) {
      if (this.settled && BigInt(this.settled.changeCount) >= target) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(25, Math.max(1, deadline - Date.now()))));
    }
  }

  /** Rebuilds now in the background (as when too far behind), at the counter read now; resolves when swapped in. */
  async rebuild(): Promise<void> {
    this.rebuildInBackground(await this.readChangeCount());
    await this.rebuilding;
  }

  private rebuildInBackground(changeCount: string): void {
    if (this.rebuilding) return;
    this.stats.backgroundRebuilds += 1;
    this.rebuilding = (async () => {
      try {
        const rebuilt = await this.buildInSlices(changeCount);
        const current = this.current;
        if (!current || BigInt(current.changeCount) <= BigInt(changeCount)) {
          this.current = { changeCount, snapshot: Promise.resolve(rebuilt), at: Date.now() };
          this.remember(rebuilt);
          return;
        }
        // Deltas moved the cache past the rebuild meanwhile: bring the rebuild up to it.
        const entries = await authorityEntriesBetween(
          this.dataSource.manager,
          changeCount,
          current.changeCount,
          this.maxDeltaEntries,
          this.entryPause,
        );
        if (entries === null || this.current !== current) return;
        const advanced = advanceSnapshot(rebuilt, entries, current.changeCount, this.decode);
        if (this.current === current) {
          this.current = {
            changeCount: current.changeCount,
            snapshot: Promise.resolve(advanced.snapshot),
            at: current.at,
          };
          this.remember(advanced.snapshot);
        }
      } catch {
        // The delta-maintained index goes on answering; the next advice tries again.
      } finally {
        this.rebuilding = null;
      }
    })();
  }

  /** The snapshot at `changeCount`, from `previous` (at an older count) and the entries in between, read via `em`. */
  private async advance(
    em: EntityManager,
    previous: AuthoritySnapshot,
    changeCount: string,
  ): Promise<AuthoritySnapshot> {
    const entries = await authorityEntriesBetween(
      em,
      previous.changeCount,
      changeCount,
      this.maxDeltaEntries,
      this.entryPause,
    );
    if (entries === null) {
      // Too far behind to apply change by change: rebuild in the background, answer from what we have meanwhile.
      this.rebuildInBackground(changeCount);
      return previous;
    }
    const advanced = await this.applyEntriesInSlices(previous, entries, changeCount);
    if (advanced.rebuildAdvised) this.rebuildInBackground(changeCount);
    return advanced.snapshot;
  }

  /** Moves the cache to `changeCount` (never back): a full build only when there is nothing to start from. */
  private moveTo(em: EntityManager, changeCount: string): Promise<AuthoritySnapshot> {
    const current = this.current;
    if (current && current.changeCount === changeCount) return current.snapshot;
    // An older counter than the cache's: a read that raced a write (answered from the newer index), or, when the
    // cache has stood for a while, a database restored from a backup (rebuilt).
    const restored = current !== null && BigInt(changeCount) < BigInt(current.changeCount);
    if (restored && Date.now() - current.at < 5_000) return current.snapshot;
    const snapshot = (
      current && !restored
        ? current.snapshot.then(
            (previous) => this.advance(em, previous, changeCount),
            // The step before failed (a connection timed out): move on from the newest built index, if any.
            () => (this.settled ? this.advance(em, this.settled, changeCount) : this.build(em, changeCount)),
          )
        : this.build(em, changeCount)
    ).then((built) => this.remember(built));
    const entry = { changeCount, snapshot, at: Date.now() };
    this.current = entry;
    snapshot.catch(() => {
      if (this.current === entry) this.current = null;
    });
    return snapshot;
  }

  /**
   * Reads the counter. In a MySQL transaction, 'share' keeps authority writers out until the caller commits (for
   * judgments that write elsewhere); 'update' is for transactions that will change the authority state themselves
   * (taking the row first avoids two shared holders deadlocking on their later bump).
   */
  async readChangeCount(
    em: EntityManager = this.dataSource.manager,
    lock: 'none' | 'share' | 'update' = 'none',
  ): Promise<string> {
    const mysql = em.connection.options.type === 'mysql';
    const sql =
      mysql && lock === 'share'
        ? `${READ_COUNTER_SQL} LOCK IN SHARE MODE`
        : mysql && lock === 'update'
          ? `${READ_COUNTER_SQL} FOR UPDATE`
          : READ_COUNTER_SQL;
    // A transaction that will append to the change log takes the revision row before anything else, and the counter's
    // row with it (record.ts: one round trip for both; once per transaction).
    if (lock === 'update') {
      await lockRevision(em, true);
      const held = heldAuthorityCount(em);
      if (held !== undefined) return held;
    }
    const rows = (await em.query(sql)) as Array<{ changeCount: string | number | bigint }>;
    return rows.length ? String(rows[0]?.changeCount) : '0';
  }

  /** The index as of the counter read now; rebuilt when another request (in any process) changed the state. */
  async snapshot(): Promise<AuthoritySnapshot> {
    return this.snapshotFor(await this.readChangeCount());
  }

  /** The index for a counter value the caller has just read (e.g. alongside other data in one statement). */
  snapshotFor(changeCount: string): Promise<AuthoritySnapshot> {
    return this.moveTo(this.dataSource.manager, changeCount);
  }

  /**
   * The state as seen inside a transaction, for writes that must judge what they are about to change: the counter is
   * read with a lock, and the cache is moved to it through the transaction (the entries it reads are committed).
   */
  async snapshotWithin(em: EntityManager, lock: 'share' | 'update' = 'share'): Promise<AuthoritySnapshot> {
    const changeCount = await this.readChangeCount(em, lock);
    // A transaction that has logged changes of its own (an import, row after row) sees entries no other transaction
    // may see yet, and a dry run rolls them back: its index is its own, never the cache's.
    const own = loggedInTransaction(em);
    // Never wait here for the cache's own work: a step still working may need a pooled connection, and writers
    // holding theirs while they wait would starve it (the pool drained at ten writes a second). Start from the newest
    // built index and move it through this transaction.
    const base = this.settled;
    if (base && base.changeCount === changeCount) return base;
    if (base && BigInt(base.changeCount) < BigInt(changeCount)) {
      // A write holds the counter's row: other writers wait for it. Entry by entry, even ten times further than a read
      // goes, costs a fraction of a full build (seconds at 50,000 delegations), which it would otherwise make here.
      const limit = this.maxDeltaEntries * WRITE_DELTA_FACTOR;
      const entries = await authorityEntriesBetween(em, base.changeCount, changeCount, limit, this.entryPause);
      if (entries !== null) {
        // Its own entries: moved from the committed base, not remembered as the base's successor either.
        if (own) return advanceSnapshot(base, entries, changeCount, this.decode).snapshot;
        const advanced = await this.applyEntriesInSlices(base, entries, changeCount);
        this.offer(advanced.snapshot);
        if (advanced.rebuildAdvised) this.rebuildInBackground(changeCount);
        return advanced.snapshot;
      }
    }
    // Nothing built yet, too far behind, or the cache went past what this transaction sees: judge by its own build,
    // read through the transaction in pages and built in slices, so that requests (health checks included) go on being
    // answered meanwhile; a newer index than the cache's becomes the cache's.
    this.stats.fullBuilds += 1;
    const built = await buildSnapshotInSlices(changeCount, await loadAuthorityStateInPages(em, letRequestsRun));
    if (!own) this.offer(built);
    return built;
  }
}

const caches = new WeakMap<DataSource, AuthorityCache>();

export function authorityCache(ctx: Context): AuthorityCache {
  return authorityCacheOf(ctx.db.dataSource);
}

/** The cache of a data source (one per process and database). */
export function authorityCacheOf(dataSource: DataSource): AuthorityCache {
  let cache = caches.get(dataSource);
  if (!cache) {
    cache = new AuthorityCache(dataSource);
    caches.set(dataSource, cache);
  }
  return cache;
}

// Kept on the context itself: Apollo shallow-copies the context per operation, so a WeakMap would miss it.
const SNAPSHOT = Symbol('authoritySnapshot');

/**
 * The authority snapshot for this request: the counter is read once per request (with the caller's session when
 * signed in, see context.ts; otherwise here).
 */
export function authoritySnapshot(ctx: Context): Promise<AuthoritySnapshot> {
  const holder = ctx as Context & { [SNAPSHOT]?: Promise<AuthoritySnapshot> };
  holder[SNAPSHOT] ??=
    ctx.authorityChangeCount !== undefined
      ? authorityCache(ctx).snapshotFor(ctx.authorityChangeCount)
      : authorityCache(ctx)
          .readChangeCount()
          .then((count) => {
            ctx.authorityChangeCount = count;
            return authorityCache(ctx).snapshotFor(count);
          });
  return holder[SNAPSHOT];
}

/**
 * The request's snapshot, reflecting at least the authority counter the request read: while the index is rebuilt
 * after falling far behind, the cache answers from the index it has (older); a question that asked for at least a
 * revision the older index does not reflect waits for the rebuild (up to `waitMs`, else SERVICE_UNAVAILABLE), and any
 * other is answered from the older index, reporting the revision that index reflects.
 */
export async function authoritySnapshotReflecting(
  ctx: Context,
  atLeast: string | undefined,
  waitMs: number,
  notReached: (target: string, current: string) => Error,
): Promise<AuthoritySnapshot> {
  const snapshot = await authoritySnapshot(ctx);
  if (atLeast === undefined || BigInt(snapshot.changeCount) >= BigInt(atLeast)) return snapshot;
  const requested = ctx.authorityChangeCount;
  // Changes after the index that the engine cannot see (the counter did not move for them) need no wait.
  if (requested === undefined || BigInt(requested) <= BigInt(snapshot.changeCount)) return snapshot;
  const goal = BigInt(atLeast) < BigInt(requested) ? atLeast : requested;
  if (!(await authorityCache(ctx).caughtUp(goal, waitMs))) throw notReached(goal, snapshot.changeCount);
  const holder = ctx as Context & { [SNAPSHOT]?: Promise<AuthoritySnapshot> };
  delete holder[SNAPSHOT];
  return authoritySnapshot(ctx);
}

/** The request's snapshot when the counter came with another query; a snapshot already taken this request wins. */
export function authoritySnapshotFor(ctx: Context, changeCount: string): Promise<AuthoritySnapshot> {
  const holder = ctx as Context & { [SNAPSHOT]?: Promise<AuthoritySnapshot> };
  holder[SNAPSHOT] ??= authorityCache(ctx).snapshotFor(changeCount);
  return holder[SNAPSHOT];
}

/** The SQL expression that reads the counter inside another SELECT. */
export const CHANGE_COUNT_SUBQUERY =
  '(SELECT authority_state.changeCount FROM authority_state WHERE authority_state.id = 1)';

/** Reads the org units through `em` and builds the tree. */
export async function readOrgTree(em: EntityManager): Promise<OrgTree> {
  const units = await em.find(OrgUnit, { select: { id: true, parentId: true } });
  const built = buildOrgTree(
    units.map((u) => ({ id: String(u.id), parentId: u.parentId === null ? null : String(u.parentId) })),
  );
  if (!built.ok) throw new Error(`org tree is inconsistent: ${built.error.code}`);
  return built.value;
}

/**
 * The request's org tree (the context's `orgTree()`, for org scope and subtree filters): the tree of the request's
 * authority snapshot, so that it is read and built once, and shared by every request that read the same counter.
 * Inside a transaction before the snapshot was taken, the snapshot cannot be loaded (that would need a second
 * connection): the tree is then read through the transaction, as the snapshot would read it.
 */
export function requestOrgTree(ctx: Context): Promise<OrgTree> {
  const taken = (ctx as Context & { [SNAPSHOT]?: Promise<AuthoritySnapshot> })[SNAPSHOT];
  if (taken) return taken.then((snapshot) => snapshot.index.tree);
  if (ctx.db.inTransaction) return readOrgTree(ctx.db.manager);
  return authoritySnapshot(ctx).then((snapshot) => snapshot.index.tree);
}
