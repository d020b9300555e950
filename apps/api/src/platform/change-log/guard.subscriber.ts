// Every write to a record that keeps a history must append its entry in the same transaction (record.ts): this
// subscriber notes the logged tables a transaction writes and refuses to commit one whose writes have no entry of
// their record type, so a write path that forgot the log fails in every test instead of leaving a hole in history.
// Writes outside the API's transactions (a data fixture, a script, TypeORM's own transaction around save()) are logged
// for them: in the same transaction as it commits, or in one of their own when there is none; a new record as CREATE,
// a child row as an UPDATE of its record. Bulk seeding can opt out and leave it to the baseline
// (baseline.ts), which logs each record once, complete.
import {
  EntitySubscriberInterface,
  EventSubscriber,
  InsertEvent,
  QueryRunner,
  RemoveEvent,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  UpdateEvent,
} from 'typeorm';
import type { DataSource, EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';
import { heldTransaction } from '../held-transaction';
import { AsyncLocalStorage } from 'node:async_hooks';
import { LOGGED_IN_TRANSACTION, lockRevision, recordChange } from './record';
import { loggedTypeOfTable } from './registry';

const WRITTEN_IN_TRANSACTION = Symbol('writtenInTransaction');
const TO_LOG_AT_COMMIT = Symbol('toLogAtCommit');

interface PendingEntry {
  recordType: string;
  table: string;
  id: number;
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
}

type RunnerData = {
  [WRITTEN_IN_TRANSACTION]?: Set<string>;
  [LOGGED_IN_TRANSACTION]?: Set<string>;
  [TO_LOG_AT_COMMIT]?: PendingEntry[];
};

const baselineLater = new AsyncLocalStorage<true>();

/** Runs `work` (bulk writes outside transactions) without logging each write; run the baseline afterwards. */
export function withoutAutoLog<T>(work: () => Promise<T>): Promise<T> {
  return baselineLater.run(true, work);
}

type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

async function note(
  event: { queryRunner?: QueryRunner; metadata?: EntityMetadata; connection: DataSource },
  operation: Operation,
  row: ObjectLiteral | undefined,
): Promise<void> {
  const { queryRunner, metadata } = event;
  if (!metadata) return;
  const type = loggedTypeOfTable(metadata.tableName);
  if (!type) return;
  const apiTransaction = heldTransaction.getStore()?.dataSource === event.connection;
  if (queryRunner?.isTransactionActive && apiTransaction) {
    const data = queryRunner.data as RunnerData;
    (data[WRITTEN_IN_TRANSACTION] ??= new Set()).add(type.recordType);
    return;
  }
  if (baselineLater.getStore()) return;
  const child = type.table !== metadata.tableName;
  const id = Number(child ? row?.[type.children?.column ?? ''] : row?.id);
  if (!Number.isInteger(id) || id <= 0) return;
  const pending: PendingEntry = { recordType: type.recordType, table: type.table, id, operation };
  if (queryRunner?.isTransactionActive) {
    // A transaction of TypeORM's own (save()) or of a script: its entries are appended as it commits.
    const data = queryRunner.data as RunnerData;
    (data[TO_LOG_AT_COMMIT] ??= []).push({ ...pending, operation: child ? 'UPDATE' : operation });
    return;
  }
  const entry = { ...pending, operation: child ? 'UPDATE' : operation } as PendingEntry;
  if (!queryRunner || queryRunner.isReleased) {
    await event.connection.transaction((em) => logPending(em, [entry]));
    return;
  }
  // On the connection that made the write (still held): a second one could wait for ever on a pool of one.
  await queryRunner.startTransaction();
  try {
    await logPending(queryRunner.manager, [entry]);
    await queryRunner.commitTransaction();
  } catch (error) {
    await queryRunner.rollbackTransaction();
    throw error;
  }
}

/** Appends the entries of writes made outside the API's transactions (one per record, the record as it is now). */
async function logPending(em: EntityManager, pending: readonly PendingEntry[]): Promise<void> {
  await lockRevision(em);
  const seen = new Set<string>();
  for (const p of pending) {
    const key = `${p.recordType}:${p.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const exists = (await em.query(`SELECT 1 AS found FROM ${p.table} WHERE id = ?`, [p.id])) as unknown[];
    const op: Operation = exists.length ? p.operation : 'DELETE';
    if (op === 'DELETE' && p.operation === 'CREATE') continue; // created and removed again: never existed
    await recordChange(em, { principal: null, requestId: null }, p.recordType, p.id, op);
  }
}

export class UnloggedWriteError extends Error {
  constructor(recordTypes: string[]) {
    super(`a transaction wrote ${recordTypes.join(', ')} without appending to the change log`);
    this.name = 'UnloggedWriteError';
  }
}

// Registered through the data source options; TypeORM takes only classes marked @EventSubscriber.
@EventSubscriber()
export class ChangeLogGuardSubscriber implements EntitySubscriberInterface {
  afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    return note(event, 'CREATE', event.entity);
  }

  afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    return note(event, 'UPDATE', event.databaseEntity ?? (event.entity as ObjectLiteral | undefined));
  }

  afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const row = event.databaseEntity ?? event.entity;
    return note(event, 'DELETE', row && event.entityId !== undefined ? { ...row, id: event.entityId } : row);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const data = event.queryRunner.data as RunnerData;
    const pending = data[TO_LOG_AT_COMMIT];
    data[TO_LOG_AT_COMMIT] = undefined;
    if (pending?.length) await logPending(event.queryRunner.manager, pending);
    const written = data[WRITTEN_IN_TRANSACTION];
    const logged = data[LOGGED_IN_TRANSACTION];
    data[WRITTEN_IN_TRANSACTION] = undefined;
    data[LOGGED_IN_TRANSACTION] = undefined;
    if (!written) return;
    const missing = [...written].filter((t) => !logged?.has(t));
    if (missing.length) throw new UnloggedWriteError(missing);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const data = event.queryRunner.data as RunnerData;
    data[WRITTEN_IN_TRANSACTION] = undefined;
    data[LOGGED_IN_TRANSACTION] = undefined;
    data[TO_LOG_AT_COMMIT] = undefined;
  }
}
