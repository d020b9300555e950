// The rows of one record type as they were at an effective moment, as known at a recorded moment: the rows now, with
// every record whose history says otherwise replaced by its version from the change log (or left out).
import { decidingEntries, VersionEntry } from '@iron-triangle/domain';
import { Brackets, EntityManager, In } from 'typeorm';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { AuthorityChange } from './change.entity';
import { decodeRecord } from './record';

export function versionEntryOf(entry: AuthorityChange): VersionEntry<AuthorityChange> {
  return {
    revision: BigInt(entry.revision),
    key: `${entry.recordType}:${entry.recordId}`,
    operation: entry.operation as VersionEntry<unknown>['operation'],
    effectiveFrom: entry.effectiveFrom,
    recordedAt: entry.recordedAt,
    after: entry.after === null ? null : entry,
    correction: entry.correction,
  };
}

export interface RowsAsOf<T> {
  rows: T[];
  /** Corrections that decide one of the returned rows. */
  corrections: AuthorityChange[];
}

/**
 * `current` (the rows of `recordType` that `belongs` accepts, as they are now) at `at` as known at `knownAt`.
 * Only records with an entry recorded after `knownAt` or effective after `at` are looked up in the log.
 */
export async function rowsAsOf<T extends ObjectLiteral & { id: number }>(
  em: EntityManager,
  dataSource: DataSource,
  recordType: string,
  current: readonly T[],
  at: Date,
  knownAt: Date,
  belongs: (row: T) => boolean,
): Promise<RowsAsOf<T>> {
  const divergent = (await em
    .getRepository(AuthorityChange)
    .createQueryBuilder('c')
    .select('DISTINCT c.recordId', 'recordId')
    .where('c.recordType = :recordType', { recordType })
    .andWhere(
      new Brackets((q) => q.where('c.recordedAt > :knownAt', { knownAt }).orWhere('c.effectiveFrom > :at', { at })),
    )
    .getRawMany()) as Array<{ recordId: number | string }>;
  const replaced = new Set(divergent.map((d) => Number(d.recordId)));
  const rows = current.filter((r) => !replaced.has(r.id));
  const ids = [...replaced];
  const entries: AuthorityChange[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    entries.push(...(await em.find(AuthorityChange, { where: { recordType, recordId: In(ids.slice(i, i + 500)) } })));
  }
  // Rows taken as they are now: a correction decides one when it is the row's latest entry.
  const corrections = await latestCorrections(
    em,
    recordType,
    rows.filter(belongs).map((r) => r.id),
  );
  for (const version of decidingEntries(entries.map(versionEntryOf), at, knownAt).values()) {
    const entry = version.after as AuthorityChange;
    const row = decodeRecord(dataSource, recordType, entry.after ?? {}) as unknown as T;
    if (!belongs(row)) continue;
    rows.push(row);
    if (entry.correction) corrections.push(entry);
  }
  return { rows, corrections };
}

/** The corrections that are the latest entry of their record, among `ids` of `recordType`. */
export async function latestCorrections(
  em: EntityManager,
  recordType: string,
  ids: readonly number[],
): Promise<AuthorityChange[]> {
  if (!ids.length) return [];
  return em
    .getRepository(AuthorityChange)
    .createQueryBuilder('c')
    .where('c.recordType = :recordType AND c.correction = :yes', { recordType, yes: true })
    .andWhere('c.recordId IN (:...ids)', { ids: [...ids] })
    .andWhere(
      'NOT EXISTS (SELECT 1 FROM authority_changes d WHERE d.recordType = c.recordType AND ' +
        'd.recordId = c.recordId AND d.revision > c.revision)',
    )
    .orderBy('c.revision', 'ASC')
    .getMany();
}

/**
 * The revision an answer as known at `knownAt` reads: the highest recorded by then (every record type: one notion
 * of revision, the same the change feed and `extensions.revision` report).
 */
export async function revisionKnownAt(em: EntityManager, knownAt: Date): Promise<string> {
  const row = (await em
    .getRepository(AuthorityChange)
    .createQueryBuilder('c')
    .select('MAX(c.revision)', 'revision')
    .where('c.recordedAt <= :knownAt', { knownAt })
    .getRawOne()) as { revision: string | number | null } | undefined;
  return row?.revision === null || row?.revision === undefined ? '0' : String(row.revision);
}
