// What the notification module keeps per data source while a server runs: the server's Database (its transactions,
// serialized on SQLite) and the mail outbox. Set by the composition root (startNotifications).
import type { DataSource } from 'typeorm';
import { Database } from '../../platform/db';
import type { MailOutbox } from './mail-outbox';

export interface NotificationRuntime {
  db: Database;
  outbox: MailOutbox;
}

const runtimes = new WeakMap<DataSource, NotificationRuntime>();

export function setRuntime(dataSource: DataSource, runtime: NotificationRuntime | null): void {
  if (runtime) runtimes.set(dataSource, runtime);
  else runtimes.delete(dataSource);
}

export function runtimeOf(dataSource: DataSource): NotificationRuntime | undefined {
  return runtimes.get(dataSource);
}

/** The server's Database for `dataSource` (its transactions queue behind the requests' on SQLite), or a new one. */
export function databaseOf(dataSource: DataSource): Database {
  return runtimes.get(dataSource)?.db ?? new Database(dataSource);
}
