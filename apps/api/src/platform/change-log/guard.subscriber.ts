// Every write to a record that keeps a history must append its entry in the same transaction (record.ts): this
// subscriber notes the logged tables a transaction writes and refuses to commit one whose writes have no entry of
// their record type, so a write path that forgot the log fails in every test instead of leaving a hole in history.
// A write outside any transaction (a data fixture, a script) is logged on its own, in a transaction of its own: a new
// record as CREATE, a child row as an UPDATE of its record. Bulk seeding can opt out and leave it to the baseline
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
import type { DataSource, EntityMetadata, ObjectLiteral } from 'typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { LOGGED_IN_TRANSACTION, lockRevision, recordChange } from './record';
import { loggedTypeOfTable } from './registry';

const WRITTEN_IN_TRANSACTION = Symbol('writtenInTransaction');

type RunnerData = { [WRITTEN_IN_TRANSACTION]?: Set<string>; [LOGGED_IN_TRANSACTION]?: Set<string> };

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
  if (queryRunner?.isTransactionActive) {
    const data = queryRunner.data as RunnerData;
    (data[WRITTEN_IN_TRANSACTION] ??= new Set()).add(type.recordType);
    return;
  }
  if (baselineLater.getStore()) return;
  const child = type.table !== metadata.tableName;
  const id = Number(child ? row?.[type.children?.column ?? ''] : row?.id);
  if (!Number.isInteger(id) || id <= 0) return;
  await event.connection.transaction(async (em) => {
    await lockRevision(em);
    const exists = await em.query(`SELECT 1 AS found FROM ${type.table} WHERE id = ?`, [id]);
    const op: Operation = child ? 'UPDATE' : exists.length ? operation : 'DELETE';
    await recordChange(em, { principal: null, requestId: null }, type.recordType, id, op);
  });
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

  beforeTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as RunnerData;
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
  }
}
