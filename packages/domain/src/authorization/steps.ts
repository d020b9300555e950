// Work that can pause. A long computation written as a generator yields between slices of its work; whoever drives it
// decides what happens in the pauses: nothing (run to the end at once), or let other work run (an API process keeps
// answering while it builds an index in the background). Pure: the pauses read no clock; each says how many items of
// work the slice it ends did (a bound its driver and tests can check, whatever the machine's speed).

/** A computation of T that yields between slices of work, each time the number of items the slice did. */
export type Steps<T> = Generator<number, T, void>;

/**
 * Items of work between two pauses: a slice is a fraction of a millisecond to a few milliseconds of work (an item
 * is one record visited by one pass: a delegation compiled, a link numbered, folded or ranked, a comparison of a sort).
 */
export const SLICE_ITEMS = 1024;

/**
 * Counts the items of the current slice: `if (slice.spend()) yield slice.take();` in each loop of a computation
 * written as Steps, and `yield slice.take()` between passes.
 */
export class Slice {
  private used = 0;

  constructor(private readonly size: number = SLICE_ITEMS) {}

  /** Counts `items` more: true once the slice is full (the caller pauses). */
  spend(items = 1): boolean {
    this.used += items;
    return this.used >= this.size;
  }

  /** The items of the slice ending now; starts the next. */
  take(): number {
    const used = this.used;
    this.used = 0;
    return used;
  }
}

/** Runs the computation to its end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Sorts `items` in place, stably, pausing between slices: runs of SLICE_ITEMS sorted apart (each counted as its
 * n·log₂n comparisons, in slices of its own), then merged pairwise, a slice of merged items at a time.
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number, slice: Slice): Steps<void> {
  const n = items.length;
  const run = Math.max(16, Math.floor(SLICE_ITEMS / 16));
  for (let from = 0; from < n; from += run) {
    const part = items.slice(from, Math.min(n, from + run)).sort(compare);
    for (let i = 0; i < part.length; i++) items[from + i] = part[i] as T;
    if (slice.spend(part.length * Math.max(1, Math.ceil(Math.log2(part.length))))) yield slice.take();
  }
  let source = items;
  let target: T[] = new Array<T>(n);
  for (let width = run; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(n, left + width);
      const end = Math.min(n, left + 2 * width);
      let i = left;
      let j = mid;
      for (let k = left; k < end; k++) {
        // Stable: on a tie, the left run first.
        if (i < mid && (j >= end || compare(source[i] as T, source[j] as T) <= 0)) target[k] = source[i++] as T;
        else target[k] = source[j++] as T;
        if (slice.spend()) yield slice.take();
      }
    }
    [source, target] = [target, source];
  }
  if (source !== items) for (let k = 0; k < n; k++) items[k] = source[k] as T;
}
