// Runs a suite against SQLite and MariaDB: each suite gets its own fresh database and one real HTTP server.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig, RuntimeConfig } from '@iron-triangle/config';
import { dataSourceOptions } from '../../src/composition';
import { ApiServer, createServer } from '../../src/server';
import { QueryLimits } from '../../src/platform/limits';
import { createLogger } from '../../src/platform/logger';
import { mariadbUrl } from './mariadb-url';
import { Fixture, seedFixture } from './fixture';
import {
  cloneMariadbDemo,
  cloneMariadbTemplate,
  cloneSqliteDemo,
  cloneSqliteTemplate,
  DEMO_PASSWORD_COST,
} from './schema-template';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo';

export type DatabaseKind = 'sqlite' | 'mariadb';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: string[] }> };
}

export interface TestEnv {
  kind: DatabaseKind;
  url: string;
  server: ApiServer;
  config: RuntimeConfig;
  dataSource: DataSource;
  fixture: Fixture;
  /** Token per demo role: admin, hr, leader, viewer. */
  tokens: Record<'admin' | 'hr' | 'leader' | 'viewer', string>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GqlResult<T>>;
}

export interface SuiteOptions {
  limits?: Partial<QueryLimits>;
  /** Receives the server's log lines (JSON), whatever LOG_LEVEL says. */
  logLines?: string[];
  /** Seed the demo company (and sign in as its demo users) instead of the small fixture. */
  demo?: boolean;
  env?: Record<string, string>;
  /** scrypt cost for new password hashes (default 1024, the fixture's: fast; production uses 2^17). */
  passwordCost?: number;
}

async function setup(
  kind: DatabaseKind,
  options: SuiteOptions,
): Promise<{ env: TestEnv; teardown: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'it-api-'));
  let databaseUrl: string;
  let dropDatabase = async () => {};
  if (kind === 'sqlite') {
    const file = path.join(dataDir, 'test.sqlite');
    if (!(options.demo && (await cloneSqliteDemo(file)))) cloneSqliteTemplate(file);
    databaseUrl = `sqlite:${file}`;
  } else {
    const name = `it_${randomBytes(6).toString('hex')}`;
    const server = mariadbUrl();
    databaseUrl = `${server.replace(/\/$/, '')}/${name}`;
    dropDatabase = async () => {
      const c = await createConnection({ uri: server });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    };
    const admin = await createConnection({ uri: server });
    try {
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      if (!(options.demo && (await cloneMariadbDemo(admin, name)))) await cloneMariadbTemplate(admin, name);
    } catch (error) {
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    } finally {
      await admin.end();
    }
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    TOKEN_SECRET: 'test-secret-'.padEnd(48, 'x'),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // The periodic jobs run when a test asks (server.ticker.tick(at), runReminders), never by the wall clock.
    TICK_SECONDS: '0',
    ...options.env,
  });
  const dataSource = new DataSource(dataSourceOptions(config));
  let fixture: Fixture;
  let server: ApiServer;
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    fixture = options.demo ? (null as unknown as Fixture) : await seedFixture(dataSource);
    // A copy of the run's demo template is seeded already (seedDemo then does nothing); without a template, seed here.
    if (options.demo) await seedDemo(dataSource, new Date(), config, DEMO_PASSWORD_COST);
    const logLines = options.logLines;
    const logger = logLines ? createLogger('debug', (line) => logLines.push(line)) : undefined;
    server = await createServer({
      dataSource,
      config,
      limits: options.limits,
      logger,
      passwordCost: options.passwordCost ?? 1024,
    });
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  const gql: TestEnv['gql'] = async (query, variables, opts = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    let body: GqlResult['body'];
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: res.status, headers: res.headers, body } as never;
  };
  const tokens = {} as TestEnv['tokens'];
  for (const role of ['admin', 'hr', 'leader', 'viewer'] as const) {
    const res = await gql<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      {
        e: options.demo ? `${role}@demo.local` : `${role}@test.local`,
        p: options.demo ? DEMO_PASSWORD : fixture.password,
      },
    );
    if (!res.body.data?.login) throw new Error(`fixture login failed for ${role}: ${JSON.stringify(res.body)}`);
    tokens[role] = res.body.data.login.token;
  }
  const env: TestEnv = { kind, url, server, config, dataSource, fixture, tokens, gql };
  return {
    env,
    async teardown() {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      server.httpServer.closeAllConnections();
      await server.stop();
      await dataSource.destroy();
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Declares `suite` once per database; `env()` gives the running server inside tests. */
export function describeOnDatabases(
  title: string,
  suite: (env: () => TestEnv) => void,
  options: SuiteOptions = {},
): void {
  for (const kind of ['sqlite', 'mariadb'] as const) {
    const skip = kind === 'mariadb' && process.env.IT_MARIADB === 'down';
    if (skip) {
      console.warn(`Skipping "${title}" on MariaDB: not reachable (set MARIADB_URL; required with CI=true).`);
    }
    (skip ? describe.skip : describe)(`${title} [${kind}]`, () => {
      let current: TestEnv | undefined;
      let teardown: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const made = await setup(kind, options);
        current = made.env;
        teardown = made.teardown;
      });
      afterAll(async () => {
        await teardown?.();
      });
      suite(() => {
        if (!current) throw new Error('test database not ready');
        return current;
      });
    });
  }
}
