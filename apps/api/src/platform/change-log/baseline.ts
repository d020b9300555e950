// Records present without any entry (data from before the history was kept, demo data written at seed time) get a
// CREATE entry: known since the record's createdAt, holding since the record began. Run at every start (cheap when
// nothing is missing) and after seeding; several processes starting at once take the revision row first.
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { AuthorityChange } from './change.entity';
import { AUTHORITY_ROW, CASE_ROW, encodeRows, lockRevision, readRevision, REVISION_ROW, revisionSetTo } from './record';
import { LOGGED_TYPES, LoggedType } from './registry';

const CHUNK = 500;

async function missingIds(em: EntityManager, type: LoggedType): Promise<number[]> {
  const rows = (await em.query(
    `SELECT t.id AS id FROM ${type.table} t WHERE NOT EXISTS ` +
      '(SELECT 1 FROM authority_changes c WHERE c.recordType = ? AND c.recordId = t.id) ORDER BY t.id',
    [type.recordType],
  )) as Array<{ id: number | string }>;
  return rows.map((r) => Number(r.id));
}

/** Appends baseline entries for every logged record that has none; returns how many were written. */
export async function ensureChangeLogBaseline(dataSource: DataSource): Promise<number> {
  let missing = 0;
  for (const type of LOGGED_TYPES) missing += (await missingIds(dataSource.manager, type)).length;
  if (missing === 0) return 0;
  return dataSource.transaction(async (em) => {
    await lockRevision(em);
    let revision = BigInt(await readRevision(em));
    let written = 0;
    const touched = new Set<string>();
    for (const type of LOGGED_TYPES) {
      const ids = await missingIds(em, type);
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        const metadata = em.connection.entityMetadatas.find((m) => m.tableName === type.table);
        if (!metadata) throw new Error(`no entity is mapped to table ${type.table}`);
        const rows = await em.find(metadata.target, { where: { id: In(chunk) }, order: { id: 'ASC' } });
        const encoded = await encodeRows(em, type, rows);
        const entries: AuthorityChange[] = [];
        for (const [i, row] of rows.entries()) {
          const id = Number((row as { id: number }).id);
          const after = encoded[i] as Record<string, unknown>;
          revision += 1n;
          const createdAt = (row as { createdAt?: Date }).createdAt;
          entries.push({
            revision: revision.toString(),
            recordType: type.recordType,
            recordId: id,
            recordVersion: Number(after.version ?? 1),
            operation: 'CREATE',
            effectiveFrom: null,
            recordedAt: createdAt instanceof Date ? createdAt : new Date(),
            actorKind: 'SYSTEM',
            actorId: null,
            actorLabel: null,
            correction: false,
            reason: null,
            before: null,
            after,
            requestId: null,
          });
        }
        if (entries.length) await em.insert(AuthorityChange, entries as never);
        written += entries.length;
        if (entries.length) touched.add(type.group);
      }
    }
    const value = revision.toString();
    await em.query('UPDATE authority_state SET changeCount = ? WHERE id = ?', [value, REVISION_ROW]);
    revisionSetTo(em, value);
    if (touched.has('authority'))
      await em.query('UPDATE authority_state SET changeCount = ? WHERE id = ?', [value, AUTHORITY_ROW]);
    if (touched.has('case'))
      await em.query('UPDATE authority_state SET changeCount = ? WHERE id = ?', [value, CASE_ROW]);
    return written;
  });
}
