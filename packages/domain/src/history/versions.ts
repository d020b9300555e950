// Bitemporal versions of records, read from a change log. Every entry says: "from `effectiveFrom` on (or since the
// record began, when null), the record is `after` (absent when null)", and it is known from `recordedAt` on. The
// version of a record in force at effective moment `at`, as known at `knownAt`, is the entry with the highest revision
// among those recorded by `knownAt` whose effective moment is not after `at`. A later entry therefore never changes
// what an earlier one said about the moments before its own effective moment, and asking with an earlier `knownAt`
// reproduces what was known then, whatever was corrected afterwards.

export type ChangeOperation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface VersionEntry<T> {
  /** Global, strictly increasing position in the log. */
  readonly revision: bigint;
  /** The record's type and id, e.g. "Delegation:12". */
  readonly key: string;
  readonly operation: ChangeOperation;
  /** From when the entry holds (effective time); null: since the record began. */
  readonly effectiveFrom: Date | null;
  /** When the system learnt it (recorded time). */
  readonly recordedAt: Date;
  /** The record from then on; null when it no longer exists. */
  readonly after: T | null;
  /** Whether the entry changed the past (recorded as a correction, with its reason). */
  readonly correction: boolean;
}

/** Whether `entry` was known at `knownAt` and speaks about `at`. */
export function entryApplies(entry: VersionEntry<unknown>, at: Date, knownAt: Date): boolean {
  if (entry.recordedAt.getTime() > knownAt.getTime()) return false;
  return entry.effectiveFrom === null || entry.effectiveFrom.getTime() <= at.getTime();
}

/**
 * The entry that decides one record's version at `at` as known at `knownAt` (null: no version then).
 * `entries` are the record's entries in any order.
 */
export function decidingEntry<T>(entries: readonly VersionEntry<T>[], at: Date, knownAt: Date): VersionEntry<T> | null {
  let best: VersionEntry<T> | null = null;
  for (const entry of entries) {
    if (!entryApplies(entry, at, knownAt)) continue;
    if (best === null || entry.revision > best.revision) best = entry;
  }
  return best;
}

/** The record's value at `at` as known at `knownAt`: the deciding entry's `after`, or null. */
export function versionAt<T>(entries: readonly VersionEntry<T>[], at: Date, knownAt: Date): T | null {
  return decidingEntry(entries, at, knownAt)?.after ?? null;
}

/**
 * Every record's deciding entry at `at` as known at `knownAt`, by key; records without a version then are absent.
 * Entries of many records, in any order.
 */
export function decidingEntries<T>(
  entries: readonly VersionEntry<T>[],
  at: Date,
  knownAt: Date,
): Map<string, VersionEntry<T>> {
  const byKey = new Map<string, VersionEntry<T>>();
  for (const entry of entries) {
    if (!entryApplies(entry, at, knownAt)) continue;
    const best = byKey.get(entry.key);
    if (best === undefined || entry.revision > best.revision) byKey.set(entry.key, entry);
  }
  for (const [key, entry] of byKey) if (entry.after === null) byKey.delete(key);
  return byKey;
}

/** The highest revision recorded by `knownAt` (0n when none): the revision an answer as known then reads. */
export function revisionKnownAt(entries: readonly VersionEntry<unknown>[], knownAt: Date): bigint {
  let revision = 0n;
  for (const entry of entries) {
    if (entry.recordedAt.getTime() <= knownAt.getTime() && entry.revision > revision) revision = entry.revision;
  }
  return revision;
}

export type EffectiveCheck =
  | { readonly kind: 'ordinary'; readonly effectiveFrom: Date }
  | { readonly kind: 'correction'; readonly effectiveFrom: Date | null }
  | { readonly kind: 'refused'; readonly code: 'EFFECTIVE_FROM_IN_FUTURE' | 'CORRECTION_REQUIRED' };

/**
 * How a write with an asked effective moment is recorded at `now`: an ordinary change takes effect now (an asked
 * moment within `toleranceMs` of now counts as now, for clocks that differ slightly); a moment further in the past
 * changes the past and must be a correction; a correction without a moment replaces the record since it began.
 * Future moments are refused: a change planned for later is a record with a validity window that starts later. A
 * correction asked from a moment within the tolerance after now holds from now: the record changes when written, so
 * an entry effective later would disagree with the record in the meantime.
 */
export function classifyEffectiveMoment(
  asked: Date | null,
  correction: boolean,
  now: Date,
  toleranceMs = 60_000,
): EffectiveCheck {
  if (asked !== null && asked.getTime() > now.getTime() + toleranceMs)
    return { kind: 'refused', code: 'EFFECTIVE_FROM_IN_FUTURE' };
  const past = asked !== null && asked.getTime() < now.getTime() - toleranceMs;
  if (correction)
    return { kind: 'correction', effectiveFrom: asked !== null && asked.getTime() > now.getTime() ? now : asked };
  if (past) return { kind: 'refused', code: 'CORRECTION_REQUIRED' };
  return { kind: 'ordinary', effectiveFrom: now };
}
