// Maps shared between the versions of an incrementally maintained index (incremental.ts): never written once made,
// each change makes a new version that shares most of the old one.

/** What a reader needs of a map. */
export interface Lookup<K, V> {
  get(key: K): V | undefined;
}

const NONE: ReadonlyMap<unknown, never> = new Map<unknown, never>();

/**
 * How large the recent level may grow over a settled level of `settled` entries, for changes of `changed` entries,
 * before it is merged into it.
 */
const recentCap = (settled: number, changed: number): number =>
  Math.max(128, 4 * changed, Math.ceil(4 * Math.sqrt(settled)));

/**
 * An immutable map in two levels: `recent` (at most about max(4√n, 4c) entries) over `settled` (n entries). A new
 * version copies the recent level with the c changed entries added; once that outgrows its cap, it is merged into a
 * copy of the settled level instead, which costs n but happens only once per cap entries written: a change of c
 * entries costs O(√n + c) plus O(c·√n / 4) amortized, not O(n). A lookup reads two maps.
 */
export class StackedMap<K, V> implements Lookup<K, V> {
  static empty<K, V>(): StackedMap<K, V> {
    return new StackedMap<K, V>(NONE as ReadonlyMap<K, V>, NONE as ReadonlyMap<K, V>);
  }

  private constructor(
    private readonly recent: ReadonlyMap<K, V>,
    private readonly settled: ReadonlyMap<K, V>,
  ) {}

  get(key: K): V | undefined {
    const v = this.recent.get(key);
    return v !== undefined ? v : this.settled.get(key);
  }

  get size(): number {
    let size = this.settled.size;
    for (const key of this.recent.keys()) if (!this.settled.has(key)) size++;
    return size;
  }

  /** Every entry, the recent level's winning. */
  *entries(): IterableIterator<[K, V]> {
    for (const entry of this.settled) if (!this.recent.has(entry[0])) yield entry;
    yield* this.recent;
  }

  /** A new version with `changes` set (the values undefined-free). */
  with(changes: ReadonlyMap<K, V>): StackedMap<K, V> {
    if (changes.size === 0) return this;
    const recent = new Map(this.recent);
    for (const [key, value] of changes) recent.set(key, value);
    if (recent.size <= recentCap(this.settled.size, changes.size)) return new StackedMap(recent, this.settled);
    const settled = new Map(this.settled);
    for (const [key, value] of recent) settled.set(key, value);
    return new StackedMap(NONE as ReadonlyMap<K, V>, settled);
  }
}

/** Writes to a StackedMap, gathered: `result()` makes the new version (the same one when nothing was written). */
export class StackedDraft<K, V> implements Lookup<K, V> {
  private readonly pending = new Map<K, V>();

  constructor(private readonly source: StackedMap<K, V>) {}

  get(key: K): V | undefined {
    const v = this.pending.get(key);
    return v !== undefined ? v : this.source.get(key);
  }

  set(key: K, value: V): void {
    this.pending.set(key, value);
  }

  result(): StackedMap<K, V> {
    return this.source.with(this.pending);
  }
}

/** Marks a key the layer removes. */
const GONE: unique symbol = Symbol('gone');
type Layered<V> = V | typeof GONE;

/**
 * `over` first (a value, or GONE), then `base`. Immutable once made: a change makes a new LayeredMap (MapDraft), so
 * whoever holds this one keeps reading the same contents. Values are never undefined.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  private merged: Map<K, V> | null = null;

  constructor(
    readonly base: ReadonlyMap<K, V>,
    readonly over: StackedMap<K, Layered<V>>,
  ) {}

  get(key: K): V | undefined {
    const own = this.over.get(key);
    if (own === undefined) return this.base.get(key);
    return own === GONE ? undefined : own;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** The base and the layer merged: built on first use, for the rare whole-map reads (size, iteration). */
  private all(): Map<K, V> {
    if (this.merged === null) {
      const merged = new Map(this.base);
      for (const [key, value] of this.over.entries()) {
        if (value === GONE) merged.delete(key);
        else merged.set(key, value);
      }
      this.merged = merged;
    }
    return this.merged;
  }

  get size(): number {
    return this.all().size;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.all()) callback(value, key, this);
  }

  entries(): MapIterator<[K, V]> {
    return this.all().entries();
  }

  keys(): MapIterator<K> {
    return this.all().keys();
  }

  values(): MapIterator<V> {
    return this.all().values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.all().entries();
  }
}

/** The changes being made to a map (built, or layered): `result()` is a LayeredMap over the same base. */
export class MapDraft<K, V> {
  private readonly base: ReadonlyMap<K, V>;
  private readonly layer: StackedDraft<K, Layered<V>>;
  private written = false;

  constructor(private readonly from: ReadonlyMap<K, V>) {
    if (from instanceof LayeredMap) {
      this.base = from.base as ReadonlyMap<K, V>;
      this.layer = new StackedDraft(from.over as StackedMap<K, Layered<V>>);
    } else {
      this.base = from;
      this.layer = new StackedDraft(StackedMap.empty());
    }
  }

  get(key: K): V | undefined {
    const own = this.layer.get(key);
    if (own === undefined) return this.base.get(key);
    return own === GONE ? undefined : own;
  }

  set(key: K, value: V): void {
    this.layer.set(key, value);
    this.written = true;
  }

  delete(key: K): void {
    if (this.get(key) === undefined) return;
    this.layer.set(key, GONE);
    this.written = true;
  }

  /** Deletes a key known to be present (no lookup first). */
  remove(key: K): void {
    this.layer.set(key, GONE);
    this.written = true;
  }

  /** Sets, or deletes when `value` is undefined. */
  put(key: K, value: V | undefined): void {
    if (value === undefined) this.delete(key);
    else this.set(key, value);
  }

  result(): ReadonlyMap<K, V> {
    return this.written ? new LayeredMap(this.base, this.layer.result()) : this.from;
  }
}
