// The data source (embedded SQLite or MySQL/MariaDB), transactions that every read inside them follows,
// a bounded wait for pooled connections, start-up retry and per-request SQL statement counting.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  DataSource,
  DataSourceOptions,
  EntityManager,
  EntitySubscriberInterface,
  EntityTarget,
  EventSubscriber,
  ObjectLiteral,
  Logger as TypeOrmLogger,
} from 'typeorm';
import type { AfterQueryEvent, BeforeQueryEvent } from 'typeorm';
import type { RuntimeConfig } from '@iron-triangle/config';
import { MIGRATIONS } from '../migrations';
import { ChangeLogGuardSubscriber } from './change-log/guard.subscriber';
import { heldTransaction } from './held-transaction';
import { DatabaseBusyError, isConnectionError, TransactionLeakError } from './errors';

/** Per-request statistics; the logger counts statements into the store of the current request. */
export interface RequestStats {
  statements: number;
  /** Round trips to MySQL/MariaDB (RoundTripCounter): statements sent together (platform/together.ts) share one. */
  roundTrips?: number;
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

/** Per query runner: whether an answer has come back since its last statement was asked for. */
const answeredSinceAsked = new WeakMap<object, boolean>();

/**
 * Counts a request's round trips to the database (issue #13: under load, each one waits its turn in the event loop):
 * a statement asked for after an answer came back (or the first of its connection) starts one; statements asked for
 * before any further answer, such as those sent together (platform/together.ts), ride along. With pieces running in
 * parallel, two answers read at once count once. Meaningful for MySQL/MariaDB, whose driver answers over a socket.
 */
@EventSubscriber()
export class RoundTripCounter implements EntitySubscriberInterface {
  beforeQuery(event: BeforeQueryEvent): void {
    const runner = event.queryRunner;
    if (answeredSinceAsked.get(runner) ?? true) {
      const stats = requestStats.getStore();
      if (stats) stats.roundTrips = (stats.roundTrips ?? 0) + 1;
    }
    answeredSinceAsked.set(runner, false);
  }

  afterQuery(event: AfterQueryEvent): void {
    answeredSinceAsked.set(event.queryRunner, true);
  }
}

/**
 * The data source options for `config`, with the record types the server passes in (platform imports no feature
 * module: see src/composition.ts, which names them).
 */
export function dataSourceOptionsWith(
  config: Pick<RuntimeConfig, 'database'> & Partial<Pick<RuntimeConfig, 'databasePoolSize'>>,
  entities: NonNullable<DataSourceOptions['entities']>,
): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    subscribers: [ChangeLogGuardSubscriber, RoundTripCounter],
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
    poolSize: config.databasePoolSize ?? 10,
    // Waiting requests are bounded twice: by this queue and by Database's acquire timeout. No call-site stack captured
    // for every statement (`trace`, 2% of the CPU under load): a database error keeps its code and message.
    extra: {
      queueLimit: 1000,
      enableKeepAlive: true,
      keepAliveInitialDelay: 10_000,
      waitForConnections: true,
      trace: false,
    },
    ...common,
  };
}

interface PooledConnection {
  release(): void;
}
interface PoolingDriver {
  obtainMasterConnection(): Promise<PooledConnection>;
}

export interface DatabaseOptions {
  /** How long a request waits for a pooled connection before it is answered SERVICE_UNAVAILABLE. */
  acquireTimeoutMs?: number;
}

/**
 * A data source plus the one way the API writes: `transaction`. Inside a transaction, `manager` is the transaction's
 * manager and a nested `transaction` joins it; on MySQL/MariaDB a pooled connection asked for while the async context
 * holds a transaction is refused (TransactionLeakError), so a read that bypasses the transaction fails loudly in every
 * test instead of waiting for ever once the pool is exhausted. Waiting for a connection is bounded by
 * `acquireTimeoutMs`.
 */
export class Database {
  private tail: Promise<unknown> = Promise.resolve();
  readonly serializeTransactions: boolean;
  readonly acquireTimeoutMs: number;

  constructor(
    readonly dataSource: DataSource,
    options: DatabaseOptions = {},
  ) {
    this.serializeTransactions = dataSource.options.type === 'better-sqlite3';
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 10_000;
    if (dataSource.options.type === 'mysql') guardPool(dataSource, this.acquireTimeoutMs);
  }

  /** The transaction's manager inside `transaction`, the data source's (pooled) manager elsewhere. */
  get manager(): EntityManager {
    const held = heldTransaction.getStore();
    return held && held.dataSource === this.dataSource ? held.em : this.dataSource.manager;
  }

  /** True while the current async context runs inside a transaction of this database. */
  get inTransaction(): boolean {
    return heldTransaction.getStore()?.dataSource === this.dataSource;
  }

  get dialect(): 'sqlite' | 'mysql' {
    return this.serializeTransactions ? 'sqlite' : 'mysql';
  }

  /**
   * Runs `work` in a transaction; inside one already, `work` joins it. SQLite shares one connection, so its
   * transactions queue behind each other.
   */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const held = heldTransaction.getStore();
    if (held && held.dataSource === this.dataSource) return work(held.em);
    const run = () =>
      this.dataSource.transaction((em) => heldTransaction.run({ dataSource: this.dataSource, em }, () => work(em)));
    if (!this.serializeTransactions) return retryDeadlocks(run);
    const queued = this.tail.then(run);
    this.tail = queued.catch(() => undefined);
    return queued;
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

/** MariaDB rolls back one of two transactions that wait for each other's locks: that one runs again (up to 3 times). */
async function retryDeadlocks<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code =
        (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ??
        (error as { code?: unknown }).code;
      if (code !== 'ER_LOCK_DEADLOCK' || attempt >= 3) throw error;
    }
  }
}

/**
 * Reads one row with a locking read (SELECT … FOR UPDATE) on MySQL/MariaDB: it sees the latest committed row and keeps
 * it until the transaction ends. Under REPEATABLE READ the first plain read fixes the transaction's snapshot, so a
 * write takes its locks before it reads anything else. SQLite runs one transaction at a time: a plain read there.
 */
export function lockedRow<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  id: number,
): Promise<T | null> {
  return em.findOne(entity, { where: { id } as never, ...forUpdate(em) });
}

/** The find option of a locking read (FOR UPDATE) on MySQL/MariaDB; nothing on SQLite (see lockedRow). */
export function forUpdate(em: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  return em.connection.options.type === 'mysql' ? { lock: { mode: 'pessimistic_write' } } : {};
}

const guarded = new WeakSet<object>();

/**
 * Wraps the MySQL driver's connection checkout: refused inside a held transaction (a second connection for one
 * request is how N parallel transactions wedge a pool of N), and bounded in time (mysql2's pool waits for ever).
 * A connection that arrives after its waiter gave up goes straight back to the pool.
 */
function guardPool(dataSource: DataSource, acquireTimeoutMs: number): void {
  const driver = dataSource.driver as unknown as PoolingDriver;
  if (guarded.has(driver)) return;
  guarded.add(driver);
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = () => {
    if (heldTransaction.getStore()?.dataSource === dataSource) {
      return Promise.reject(new TransactionLeakError());
    }
    return new Promise<PooledConnection>((resolve, reject) => {
      let waiting = true;
      const timer = setTimeout(() => {
        waiting = false;
        reject(new DatabaseBusyError(acquireTimeoutMs));
      }, acquireTimeoutMs);
      obtain().then(
        (connection) => {
          clearTimeout(timer);
          if (waiting) resolve(connection);
          else connection.release();
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (waiting) reject(error);
        },
      );
    });
  };
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
        const pool = (
          dataSource.driver as unknown as {
            pool?: { on(event: string, cb: (c: { query(sql: string): void }) => void): void };
          }
        ).pool;
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
