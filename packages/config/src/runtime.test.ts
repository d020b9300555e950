import { mkdtempSync, readFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, defaultReadConcurrency, loadConfig } from './runtime';

const SECRET = 's'.repeat(40);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'it-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function expectConfigError(env: NodeJS.ProcessEnv, variable: string, pattern?: RegExp) {
  try {
    loadConfig(env, { cwd: dir });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toContain(variable);
    if (pattern) expect((error as Error).message).toMatch(pattern);
    return;
  }
  throw new Error(`expected a ConfigError for ${variable}`);
}

describe('loadConfig defaults', () => {
  test('an empty environment gives an SQLite file under ./data, port 4000, development', () => {
    const config = loadConfig({}, { cwd: dir });
    expect(config.nodeEnv).toBe('development');
    expect(config.port).toBe(4000);
    expect(config.logLevel).toBe('info');
    expect(config.database).toEqual({
      kind: 'sqlite',
      url: `sqlite:${path.join(dir, 'data', 'iron-triangle.sqlite')}`,
      file: path.join(dir, 'data', 'iron-triangle.sqlite'),
    });
    expect(config.seedDemo).toBe(true);
    expect(config.host).toBe('127.0.0.1');
    expect(config.databasePoolSize).toBe(10);
    expect(config.databaseAcquireTimeoutMs).toBe(10_000);
    expect(config.shutdownGraceMs).toBe(10_000);
    expect(config.changeFeedPollMs).toBe(250);
    expect(config.revisionWaitMs).toBe(2_000);
    expect(config.smtpUrl).toBeNull();
    expect(config.mailFrom).toBe('Iron Triangle <no-reply@localhost>');
    expect(config.tickSeconds).toBe(300);
    expect(config.readConcurrency).toBe(defaultReadConcurrency());
    expect(defaultReadConcurrency()).toBeGreaterThanOrEqual(2);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
  });

  test('test mode is silent by default', () => {
    expect(loadConfig({ NODE_ENV: 'test' }, { cwd: dir }).logLevel).toBe('silent');
  });

  test('the token secret is generated once into the data folder and reused', () => {
    const first = loadConfig({}, { cwd: dir });
    expect(first.tokenSecretSource).toBe('file');
    expect(first.tokenSecret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, 'data', 'token-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.tokenSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(loadConfig({}, { cwd: dir }).tokenSecret).toBe(first.tokenSecret);
  });

  test('a secret from the environment wins', () => {
    const config = loadConfig({ TOKEN_SECRET: SECRET }, { cwd: dir });
    expect(config.tokenSecret).toBe(SECRET);
    expect(config.tokenSecretSource).toBe('env');
  });
});

describe('DATABASE_URL', () => {
  test('mysql:// selects MySQL/MariaDB with its parts decoded', () => {
    const config = loadConfig(
      { DATABASE_URL: 'mysql://app:p%40ss@db.internal:3307/iron', TOKEN_SECRET: SECRET },
      { cwd: dir },
    );
    expect(config.database).toEqual({
      kind: 'mysql',
      url: 'mysql://app:p%40ss@db.internal:3307/iron',
      host: 'db.internal',
      port: 3307,
      user: 'app',
      password: 'p@ss',
      database: 'iron',
    });
  });

  test('mysql:// without a port uses 3306', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1/test' }, { cwd: dir });
    expect(config.database).toMatchObject({ kind: 'mysql', port: 3306, user: 'root', password: '' });
  });

  test('sqlite: paths resolve against the working directory', () => {
    const config = loadConfig({ DATABASE_URL: 'sqlite:./x/db.sqlite' }, { cwd: dir });
    expect(config.database).toMatchObject({ kind: 'sqlite', file: path.join(dir, 'x', 'db.sqlite') });
  });

  test.each([
    ['postgres://x@y/z', /unsupported scheme/],
    ['mysql://root@127.0.0.1/', /names no database/],
    ['mysql://[bad', /not a valid URL/],
    ['sqlite:', /names no SQLite file/],
  ])('%s is refused naming DATABASE_URL', (url, pattern) => {
    expectConfigError({ DATABASE_URL: url }, 'DATABASE_URL', pattern);
  });
});

describe('validation names the bad variable', () => {
  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TOKEN_SECRET: 'short' }, 'TOKEN_SECRET'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ TOKEN_TTL_SECONDS: '5' }, 'TOKEN_TTL_SECONDS'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    [{ DATABASE_POOL_SIZE: 'many' }, 'DATABASE_POOL_SIZE'],
    [{ DATABASE_ACQUIRE_TIMEOUT_MS: '5' }, 'DATABASE_ACQUIRE_TIMEOUT_MS'],
    [{ SHUTDOWN_GRACE_MS: '-1' }, 'SHUTDOWN_GRACE_MS'],
    [{ CHANGE_FEED_POLL_MS: '5' }, 'CHANGE_FEED_POLL_MS'],
    [{ CHANGE_FEED_POLL_MS: 'often' }, 'CHANGE_FEED_POLL_MS'],
    [{ REVISION_WAIT_MS: '60000' }, 'REVISION_WAIT_MS'],
    [{ TICK_SECONDS: '-5' }, 'TICK_SECONDS'],
    [{ TICK_SECONDS: '100000' }, 'TICK_SECONDS'],
    [{ SMTP_URL: 'http://mail.example.com' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://' }, 'SMTP_URL'],
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM'],
    [{ MAIL_FROM: 'Iron Triangle <not an address>' }, 'MAIL_FROM'],
  ])('%p', (env, variable) => {
    expectConfigError(env, variable);
  });

  test('production requires a secret', () => {
    expectConfigError({ NODE_ENV: 'production' }, 'TOKEN_SECRET', /required when NODE_ENV=production/);
  });

  test('production refuses demo data', () => {
    expectConfigError({ NODE_ENV: 'production', TOKEN_SECRET: SECRET, SEED_DEMO: 'true' }, 'SEED_DEMO');
    expect(loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: SECRET }, { cwd: dir }).seedDemo).toBe(false);
  });
});

describe('loadConfig pool, host and shutdown', () => {
  test('HOST, DATABASE_POOL_SIZE, DATABASE_ACQUIRE_TIMEOUT_MS and SHUTDOWN_GRACE_MS are read', () => {
    const config = loadConfig(
      { HOST: '0.0.0.0', DATABASE_POOL_SIZE: '5', DATABASE_ACQUIRE_TIMEOUT_MS: '2500', SHUTDOWN_GRACE_MS: '3000' },
      { cwd: dir },
    );
    expect(config.host).toBe('0.0.0.0');
    expect(config.databasePoolSize).toBe(5);
    expect(config.databaseAcquireTimeoutMs).toBe(2500);
    expect(config.shutdownGraceMs).toBe(3000);
  });
});

describe('loadConfig change feed', () => {
  test('CHANGE_FEED_POLL_MS and REVISION_WAIT_MS are read', () => {
    const config = loadConfig({ CHANGE_FEED_POLL_MS: '40', REVISION_WAIT_MS: '0' }, { cwd: dir });
    expect(config.changeFeedPollMs).toBe(40);
    expect(config.revisionWaitMs).toBe(0);
  });
});

describe('loadConfig e-mail and the periodic jobs', () => {
  test('SMTP_URL, MAIL_FROM and TICK_SECONDS are read; an empty SMTP_URL leaves e-mail off', () => {
    const config = loadConfig(
      {
        SMTP_URL: 'smtps://mailer:s%40cret@mail.example.com:465',
        MAIL_FROM: '铁三角 <it@example.com>',
        TICK_SECONDS: '0',
      },
      { cwd: dir },
    );
    expect(config.smtpUrl).toBe('smtps://mailer:s%40cret@mail.example.com:465');
    expect(config.mailFrom).toBe('铁三角 <it@example.com>');
    expect(config.tickSeconds).toBe(0);
    expect(loadConfig({ SMTP_URL: '  ' }, { cwd: dir }).smtpUrl).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'it@example.com' }, { cwd: dir })).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:2525',
      mailFrom: 'it@example.com',
    });
  });
});

describe('loadConfig read admission', () => {
  test('READ_CONCURRENCY is read (0: no limit) and checked', () => {
    expect(loadConfig({ READ_CONCURRENCY: '1' }, { cwd: dir }).readConcurrency).toBe(1);
    expect(loadConfig({ READ_CONCURRENCY: '0' }, { cwd: dir }).readConcurrency).toBe(0);
    expect(() => loadConfig({ READ_CONCURRENCY: 'many' }, { cwd: dir })).toThrow(ConfigError);
  });

  test('COMPILED_QUERIES: on by default, off when asked', () => {
    expect(loadConfig({}, { cwd: dir }).compiledQueries).toBe(true);
    expect(loadConfig({ COMPILED_QUERIES: 'false' }, { cwd: dir }).compiledQueries).toBe(false);
    expect(() => loadConfig({ COMPILED_QUERIES: 'sometimes' }, { cwd: dir })).toThrow(ConfigError);
  });

  test('REQUEST_STATS: on outside production by default, off in production unless asked for', () => {
    expect(loadConfig({}, { cwd: dir }).requestStats).toBe(true);
    const production = { NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(40) };
    expect(loadConfig(production, { cwd: dir }).requestStats).toBe(false);
    expect(loadConfig({ ...production, REQUEST_STATS: 'true' }, { cwd: dir }).requestStats).toBe(true);
    expect(loadConfig({ REQUEST_STATS: 'false' }, { cwd: dir }).requestStats).toBe(false);
    expect(() => loadConfig({ REQUEST_STATS: 'maybe' }, { cwd: dir })).toThrow(ConfigError);
  });

  test('READ_WRITE_PRIORITY is on by default, read and checked', () => {
    expect(loadConfig({}, { cwd: dir }).readWritePriority).toBe(true);
    expect(loadConfig({ READ_WRITE_PRIORITY: 'false' }, { cwd: dir }).readWritePriority).toBe(false);
    expect(loadConfig({ READ_WRITE_PRIORITY: '1' }, { cwd: dir }).readWritePriority).toBe(true);
    expect(() => loadConfig({ READ_WRITE_PRIORITY: 'sometimes' }, { cwd: dir })).toThrow(ConfigError);
  });
});
