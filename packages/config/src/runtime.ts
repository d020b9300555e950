// The product's runtime configuration: environment → defaults → validation → a frozen object.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string; url: string }
  | { kind: 'mysql'; url: string; host: string; port: number; user: string; password: string; database: string };

export interface RuntimeConfig {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  readonly dataDir: string;
  readonly database: Readonly<DatabaseConfig>;
  readonly tokenSecret: string;
  /** Where the secret came from: the environment, or a file generated in the data folder. */
  readonly tokenSecretSource: 'env' | 'file';
  readonly tokenTtlSeconds: number;
  readonly seedDemo: boolean;
  readonly introspection: boolean;
  /** Connections in the MySQL/MariaDB pool (DATABASE_POOL_SIZE). */
  readonly databasePoolSize: number;
  /** How long a request waits for a pooled connection before SERVICE_UNAVAILABLE (DATABASE_ACQUIRE_TIMEOUT_MS). */
  readonly databaseAcquireTimeoutMs: number;
  /** After SIGTERM, how long in-flight requests may take before the process exits anyway (SHUTDOWN_GRACE_MS). */
  readonly shutdownGraceMs: number;
  /** How often a process with change-feed subscribers reads new change-log entries (CHANGE_FEED_POLL_MS). */
  readonly changeFeedPollMs: number;
  /**
   * How long a request with `X-At-Least-Revision` waits for the database to reach that revision before it is answered
   * SERVICE_UNAVAILABLE (REVISION_WAIT_MS).
   */
  readonly revisionWaitMs: number;
  /**
   * The SMTP server reminders are e-mailed through (SMTP_URL: smtp://user:pass@host:587 or smtps://…:465); null: no
   * e-mail is sent (notifications stay in-app).
   */
  readonly smtpUrl: string | null;
  /** The sender of those e-mails (MAIL_FROM: "Name <address>" or an address). */
  readonly mailFrom: string;
  /** Seconds between two runs of the periodic jobs (reminders, the mail outbox) (TICK_SECONDS); 0: never. */
  readonly tickSeconds: number;
  /**
   * GraphQL reads a process handles at once (READ_CONCURRENCY; 0: no limit); the others wait in order, while
   * mutations and the health endpoints go ahead of them. Default: defaultReadConcurrency().
   */
  readonly readConcurrency: number;
  /**
   * While a mutation is being handled, reads are admitted one at a time (READ_WRITE_PRIORITY, default on), so that the
   * write's round trips to the database wait for one read's work at most; off: reads are admitted up to
   * READ_CONCURRENCY whatever the writes (the benchmark compares both in one run, BENCH_AB=1).
   */
  readonly readWritePriority: boolean;
  /**
   * Answers say what each request cost: its SQL statements (`x-sql-statements`) and the API's time
   * (`Server-Timing: app;dur=…`). REQUEST_STATS, default on outside production (benchmarks turn it on there).
   */
  readonly requestStats: boolean;
  /**
   * Queries are answered by a plan compiled once per query text (graphql-jit) instead of graphql-js's interpreter; an
   * answer with errors is asked again through graphql-js, which formats every error. COMPILED_QUERIES, default on;
   * off: every operation through graphql-js.
   */
  readonly compiledQueries: boolean;
}

/**
 * Reads handled at once by default: twice the CPUs the process may use, at least 2. One event loop runs them all; a
 * few keep it busy while others wait for the database (each read's caller statement is inside its turn), more only
 * lengthen the queue of callbacks that a write's round trips wait in. Benchmark, 2 CPUs, 20 connections: authorize
 * read-only ≈ the same req/s with 4 as without a limit, ≈ 20–25% fewer with 1 or 2; a write's p50 at 10 writes/s
 * 18 ms with 1, 39 with 2, 56 with 4, 107 without a limit.
 */
export function defaultReadConcurrency(): number {
  return Math.max(2, 2 * os.availableParallelism());
}

/** A configuration error that names the variable at fault. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Base directory for relative paths (default: process.cwd()). */
  cwd?: string;
}

const NODE_ENVS: readonly NodeEnv[] = ['development', 'production', 'test'];
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

function readEnum<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `is "${raw}"; expected one of ${allowed.join(', ')}`);
  }
  return raw as T;
}

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `is "${raw}"; expected a whole number`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `is ${value}; expected ${min}..${max}`);
  return value;
}

function readBool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `is "${raw}"; expected true or false`);
}

export function parseDatabaseUrl(raw: string, dataDir: string, cwd: string): DatabaseConfig {
  if (raw.startsWith('mysql://') || raw.startsWith('mariadb://')) {
    let url: URL;
    try {
      url = new URL(raw.replace(/^mariadb:/, 'mysql:'));
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid URL (expected mysql://user:password@host:3306/database)');
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (!database)
      throw new ConfigError('DATABASE_URL', 'names no database (expected mysql://user:password@host:3306/database)');
    if (!url.hostname) throw new ConfigError('DATABASE_URL', 'names no host');
    const port = url.port ? Number(url.port) : 3306;
    return {
      kind: 'mysql',
      url: raw,
      host: url.hostname,
      port,
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password),
      database,
    };
  }
  if (raw.startsWith('sqlite:') || raw.startsWith('file:')) {
    const file = raw.replace(/^(sqlite|file):(\/\/)?/, '');
    if (!file)
      throw new ConfigError('DATABASE_URL', 'names no SQLite file (expected sqlite:./data/iron-triangle.sqlite)');
    return { kind: 'sqlite', url: raw, file: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  throw new ConfigError(
    'DATABASE_URL',
    `has an unsupported scheme in "${raw.split(':')[0]}:"; use mysql://… or sqlite:…`,
  );
}

/** SMTP_URL: an smtp:// or smtps:// URL naming a host; empty or unset: e-mail is off. */
export function parseSmtpUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(
      'SMTP_URL',
      'is not a valid URL (expected smtp://user:password@host:587 or smtps://host:465)',
    );
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new ConfigError('SMTP_URL', `has the scheme "${url.protocol}"; use smtp:// or smtps://`);
  if (!url.hostname) throw new ConfigError('SMTP_URL', 'names no host (expected smtp://host:587)');
  return raw.trim();
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** MAIL_FROM: `address` or `Display Name <address>`. */
export function parseMailFrom(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') return 'Iron Triangle <no-reply@localhost>';
  const value = raw.trim();
  const named = /^[^<>]*<([^<>]+)>$/.exec(value);
  const address = named ? (named[1] as string).trim() : value;
  if (!ADDRESS.test(address))
    throw new ConfigError(
      'MAIL_FROM',
      `is "${value}"; expected an e-mail address, e.g. "Iron Triangle <it@example.com>"`,
    );
  return value;
}

function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'token-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/**
 * Reads the environment, applies defaults, validates and returns a frozen configuration.
 * Throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): RuntimeConfig {
  const cwd = options.cwd ?? process.cwd();
  const nodeEnv = readEnum(env, 'NODE_ENV', NODE_ENVS, 'development');
  const logLevel = readEnum(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info');
  const port = readInt(env, 'PORT', 4000, 0, 65535);
  // Loopback unless told otherwise: the demo seeds well-known passwords, so the default reaches no other machine.
  const host = env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1';
  const dataDir = path.resolve(cwd, env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : './data');
  const databaseUrl =
    env.DATABASE_URL && env.DATABASE_URL !== ''
      ? env.DATABASE_URL
      : `sqlite:${path.join(dataDir, 'iron-triangle.sqlite')}`;
  const database = parseDatabaseUrl(databaseUrl, dataDir, cwd);

  let tokenSecret: string;
  let tokenSecretSource: 'env' | 'file';
  const secretRaw = env.TOKEN_SECRET;
  if (secretRaw !== undefined && secretRaw !== '') {
    if (secretRaw.length < 32)
      throw new ConfigError(
        'TOKEN_SECRET',
        `is ${secretRaw.length} characters long; use at least 32 random characters`,
      );
    tokenSecret = secretRaw;
    tokenSecretSource = 'env';
  } else if (nodeEnv === 'production') {
    throw new ConfigError(
      'TOKEN_SECRET',
      'is required when NODE_ENV=production (at least 32 random characters, e.g. `openssl rand -base64 48`)',
    );
  } else {
    tokenSecret = loadOrCreateSecret(dataDir);
    tokenSecretSource = 'file';
  }

  const tokenTtlSeconds = readInt(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600);
  const seedDemo = readBool(env, 'SEED_DEMO', nodeEnv !== 'production');
  if (seedDemo && nodeEnv === 'production') {
    throw new ConfigError(
      'SEED_DEMO',
      'is true but demo data (with its known passwords) is refused when NODE_ENV=production',
    );
  }
  const introspection = readBool(env, 'GRAPHQL_INTROSPECTION', true);
  const databasePoolSize = readInt(env, 'DATABASE_POOL_SIZE', 10, 1, 500);
  const databaseAcquireTimeoutMs = readInt(env, 'DATABASE_ACQUIRE_TIMEOUT_MS', 10_000, 100, 600_000);
  const shutdownGraceMs = readInt(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000);
  const changeFeedPollMs = readInt(env, 'CHANGE_FEED_POLL_MS', 250, 10, 60_000);
  const revisionWaitMs = readInt(env, 'REVISION_WAIT_MS', 2_000, 0, 30_000);
  const smtpUrl = parseSmtpUrl(env.SMTP_URL);
  const mailFrom = parseMailFrom(env.MAIL_FROM);
  const tickSeconds = readInt(env, 'TICK_SECONDS', 300, 0, 86_400);
  const readConcurrency = readInt(env, 'READ_CONCURRENCY', defaultReadConcurrency(), 0, 10_000);
  const readWritePriority = readBool(env, 'READ_WRITE_PRIORITY', true);
  const requestStats = readBool(env, 'REQUEST_STATS', nodeEnv !== 'production');
  const compiledQueries = readBool(env, 'COMPILED_QUERIES', true);

  return Object.freeze({
    nodeEnv,
    port,
    host,
    logLevel,
    dataDir,
    database: Object.freeze(database),
    tokenSecret,
    tokenSecretSource,
    tokenTtlSeconds,
    seedDemo,
    introspection,
    databasePoolSize,
    databaseAcquireTimeoutMs,
    shutdownGraceMs,
    changeFeedPollMs,
    revisionWaitMs,
    smtpUrl,
    mailFrom,
    tickSeconds,
    readConcurrency,
    readWritePriority,
    requestStats,
    compiledQueries,
  });
}
