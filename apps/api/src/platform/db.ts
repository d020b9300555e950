// The data source (embedded SQLite or MySQL/MariaDB), serialized transactions, start-up retry and
// per-request SQL statement counting.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions, EntityManager, Logger as TypeOrmLogger } from 'typeorm';
import type { RuntimeConfig } from '@iron-triangle/config';
import { ENTITIES } from '../modules/entities';
import { MIGRATIONS } from '../migrations';
import { AuthorityChangeSubscriber } from '../modules/authorization/authority-change.subscriber';
import { isConnectionError } from './errors';

/** Per-request statistics; the logger counts statements into the store of the current request. */
export interface RequestStats {
  statements: number;
}
export const requestStats = new AsyncLocalStorage<RequestStats>();

class StatementCounter implements TypeOrmLogger {
  logQuery() {
    const stats = requestStats.getStore();
    if (stats) stats.statements += 1;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

export function dataSourceOptions(config: Pick<RuntimeConfig, 'database'>): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    subscribers: [AuthorityChangeSubscriber],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logger: new StatementCounter(),
  };
  const db = config.database;
  if (db.kind === 'sqlite') {
    if (db.file !== ':memory:') mkdirSync(path.dirname(db.file), { recursive: true });
    return { type: 'better-sqlite3', database: db.file, enableWAL: db.file !== ':memory:', ...common };
  }
  return {
    type: 'mysql',
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.database,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    connectTimeout: 5000,
    poolSize: 10,
    extra: { queueLimit: 100, enableKeepAlive: true, keepAliveInitialDelay: 10_000, waitForConnections: true },
    ...common,
  };
}

/** A data source plus the one way the API writes: `transaction`, serialized on the embedded database. */
export class Database {
  private tail: Promise<unknown> = Promise.resolve();
  readonly serializeTransactions: boolean;

  constructor(readonly dataSource: DataSource) {
    this.serializeTransactions = dataSource.options.type === 'better-sqlite3';
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  get dialect(): 'sqlite' | 'mysql' {
    return this.serializeTransactions ? 'sqlite' : 'mysql';
  }

  /** Runs `work` in a transaction. SQLite shares one connection, so transactions queue behind each other. */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serializeTransactions) return this.dataSource.transaction(work);
    const run = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** True when a trivial query answers. */
  async ping(timeoutMs = 2000): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('ping timed out')), timeoutMs);
        }),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}

export interface ConnectOptions {
  attempts?: number;
  delayMs?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** Initializes the data source, retrying while the database is unreachable (it may still be starting). */
export async function connectWithRetry(dataSource: DataSource, options: ConnectOptions = {}): Promise<DataSource> {
  const attempts = options.attempts ?? 30;
  const delayMs = options.delayMs ?? 2000;
  for (let attempt = 1; ; attempt++) {
    try {
      await dataSource.initialize();
      if (dataSource.options.type === 'mysql') {
        await dataSource.query("SET time_zone = '+00:00'");
        // Every pooled connection speaks UTC.
        const pool = (dataSource.driver as unknown as { pool?: { on(event: string, cb: (c: { query(sql: string): void }) => void): void } }).pool;
        pool?.on('connection', (connection) => connection.query("SET time_zone = '+00:00'"));
      }
      return dataSource;
    } catch (error) {
      if (attempt >= attempts || !isConnectionError(error)) throw error;
      options.log?.(`database not reachable (attempt ${attempt} of ${attempts}); retrying in ${delayMs / 1000}s`, {
        error: error instanceof Error ? error.message : String(error),
      });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
