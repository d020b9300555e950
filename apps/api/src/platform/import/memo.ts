// What an import's transaction already knows (issue #15): the records it has read or written, and reads that a hook
// would otherwise repeat row by row (a framework, a person's appointments). Only while an import runs (importRows
// starts and ends it around its transaction): every other write asks the database each time, as before. An import
// deletes nothing, so a record known to exist stays so until it commits.
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

const MEMO = Symbol('importMemo');

interface Memo {
  exists: Map<EntityTarget<ObjectLiteral>, Set<number>>;
  values: Map<string, Promise<unknown>>;
}

type WithMemo = { [MEMO]?: Memo };

function memoOf(em: EntityManager): Memo | undefined {
  const runner = em.queryRunner;
  return runner?.isTransactionActive ? (runner.data as WithMemo)[MEMO] : undefined;
}

/** Runs `work` (an import, in the transaction of `em`) with its memo; the memo ends with it. */
export async function withImportMemo<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
  const runner = em.queryRunner;
  if (!runner) return work();
  const data = runner.data as WithMemo;
  data[MEMO] = { exists: new Map(), values: new Map() };
  try {
    return await work();
  } finally {
    delete data[MEMO];
  }
}

/** Records of `entity` the import has read or written: they exist (no statement to ask again). */
export function markExisting(em: EntityManager, entity: EntityTarget<ObjectLiteral>, ids: Iterable<number>): void {
  const memo = memoOf(em);
  if (!memo) return;
  const known = memo.exists.get(entity) ?? new Set<number>();
  for (const id of ids) known.add(id);
  memo.exists.set(entity, known);
}

/** True when the running import knows that record `id` of `entity` exists. */
export function knownToExist(em: EntityManager, entity: EntityTarget<ObjectLiteral>, id: number): boolean {
  return memoOf(em)?.exists.get(entity)?.has(id) ?? false;
}

/**
 * `read()` once per `key` while an import runs (the same answer for every row that asks), every time otherwise. Only
 * for reads of what the import does not write (a framework while assessments are imported).
 */
export function memoized<T>(em: EntityManager, key: string, read: () => Promise<T>): Promise<T> {
  const memo = memoOf(em);
  if (!memo) return read();
  const held = memo.values.get(key) as Promise<T> | undefined;
  if (held) return held;
  const value = read();
  memo.values.set(key, value);
  // A failed read is asked again by the next row.
  value.catch(() => memo.values.delete(key));
  return value;
}

/** Gives `memoized` the answer for `key` read ahead (many rows' worth in one statement). */
export function remember<T>(em: EntityManager, key: string, value: T): void {
  memoOf(em)?.values.set(key, Promise.resolve(value));
}
