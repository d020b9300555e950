// Work that can pause. A long computation written as a generator yields between slices of its work; whoever drives it
// decides what happens in the pauses: nothing (run to the end at once), or let other work run (an API process keeps
// answering while it builds an index in the background). Pure: the pauses carry no value and read no clock.

/** A computation of T that yields between slices of work. */
export type Steps<T> = Generator<void, T, void>;

/** Items of a loop between two pauses: a slice is a fraction of a millisecond to a few milliseconds of work. */
export const SLICE_ITEMS = 4096;

/** Runs the computation to its end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
