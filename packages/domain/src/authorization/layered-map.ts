// A map read through a small layer of changes over a large base that is never written: how an incrementally
// maintained index shares the maps of the index it was made from (incremental.ts).

/** Marks a key the layer removes. */
const GONE: unique symbol = Symbol('gone');
type Layered<V> = V | typeof GONE;

/**
 * `over` first (a value, or GONE), then `base`. Immutable once made: a change makes a new LayeredMap with a copy of the
 * layer (MapDraft), so whoever holds this one keeps reading the same contents. Values are never undefined.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  private merged: Map<K, V> | null = null;

  constructor(
    readonly base: ReadonlyMap<K, V>,
    readonly over: ReadonlyMap<K, Layered<V>>,
  ) {}

  get(key: K): V | undefined {
    const own = this.over.get(key);
    if (own === undefined) return this.base.get(key);
    return own === GONE ? undefined : own;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** The keys the layer changes (set or removed). */
  changedKeys(): IterableIterator<K> {
    return this.over.keys();
  }

  /** The base and the layer merged: built on first use, for the rare whole-map reads (size, iteration). */
  private all(): Map<K, V> {
    if (this.merged === null) {
      const merged = new Map(this.base);
      for (const [key, value] of this.over) {
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

/**
 * The changes being made to a map, copied on the first write: `result()` is the source itself when nothing was
 * written, else a new LayeredMap over the same base.
 */
export class MapDraft<K, V> {
  private readonly base: ReadonlyMap<K, V>;
  private readonly source: ReadonlyMap<K, Layered<V>>;
  private layer: Map<K, Layered<V>> | null = null;

  constructor(private readonly from: ReadonlyMap<K, V>) {
    if (from instanceof LayeredMap) {
      this.base = from.base as ReadonlyMap<K, V>;
      this.source = from.over as ReadonlyMap<K, Layered<V>>;
    } else {
      this.base = from;
      this.source = new Map();
    }
  }

  get(key: K): V | undefined {
    const own = (this.layer ?? this.source).get(key);
    if (own === undefined) return this.base.get(key);
    return own === GONE ? undefined : own;
  }

  private writable(): Map<K, Layered<V>> {
    return (this.layer ??= new Map(this.source));
  }

  set(key: K, value: V): void {
    this.writable().set(key, value);
  }

  delete(key: K): void {
    if (this.get(key) !== undefined) this.writable().set(key, GONE);
  }

  /** Sets, or deletes when `value` is undefined. */
  put(key: K, value: V | undefined): void {
    if (value === undefined) this.delete(key);
    else this.set(key, value);
  }

  /** How many keys the layer changes. */
  get layerSize(): number {
    return (this.layer ?? this.source).size;
  }

  result(): ReadonlyMap<K, V> {
    return this.layer === null ? this.from : new LayeredMap(this.base, this.layer);
  }
}
