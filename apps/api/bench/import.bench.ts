// Import benchmark (issue #15): 10,000 people, then 10,000 assessments with their ratings (one per person), through
// `importRecords` over HTTP, on SQLite and on MariaDB: a dry run, the commit, and the same file again (all unchanged).
// Prints the times, the statements and the machine's load (it may be shared); asserts only that the answers are right.
// Run: npm run build -w @iron-triangle/api && npx tsx bench/import.bench.ts   (from apps/api; MARIADB_URL, default
// mysql://root@127.0.0.1:3306/; IMPORT_ROWS, default 10000; IMPORT_ONLY=sqlite|mariadb for one database)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';

/* eslint-disable @typescript-eslint/no-require-imports */
// The built API (decorator metadata needs tsc's output, not an on-the-fly transpiler).
const { dataSourceOptions } = require('../dist/composition') as typeof import('../src/composition');
const { createServer } = require('../dist/server') as typeof import('../src/server');
const { hashPassword } = require('../dist/platform/passwords') as typeof import('../src/platform/passwords');
const { loadConfig } = require('@iron-triangle/config') as typeof import('@iron-triangle/config');
const { OrgUnit } = require('../dist/modules/org-unit') as typeof import('../src/modules/org-unit');
const { User } = require('../dist/modules/user') as typeof import('../src/modules/user');
/* eslint-enable @typescript-eslint/no-require-imports */

const ROWS = Number(process.env.IMPORT_ROWS ?? 10_000);
const UNITS = 50;
const PASSWORD = 'bench-password';

const IMPORT = `mutation($type: ImportType!, $rows: [JSON!]!, $dryRun: Boolean!) {
  importRecords(type: $type, rows: $rows, dryRun: $dryRun) {
    committed total created updated unchanged failed rows { action errors { field code message } }
  }
}`;

interface Answer {
  committed: boolean;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

function serverUrl(): string {
  const raw = process.env.MARIADB_URL || 'mysql://root@127.0.0.1:3306/';
  const url = new URL(raw.replace(/^mariadb:/, 'mysql:'));
  url.pathname = '/';
  return url.toString();
}

/** The rows an exported people list would give: org units by name. */
function peopleRows(): Array<Record<string, string | null>> {
  return Array.from({ length: ROWS }, (_, i) => ({
    employeeNo: `B${String(i).padStart(6, '0')}`,
    name: `员工 ${i}`,
    latinName: `Employee ${i}`,
    email: `employee${i}@bench.local`,
    phone: `+86 10 ${String(i).padStart(6, '0')}`,
    orgUnitId: `Bench unit ${i % UNITS}`,
    hiredAt: `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 10}`,
    archivedAt: null,
  }));
}

/** One assessment per person: a framework by name, ratings as the export writes them. */
function assessmentRows(): Array<Record<string, string | null>> {
  return Array.from({ length: ROWS }, (_, i) => ({
    personId: `B${String(i).padStart(6, '0')}`,
    role: 'AR',
    kind: ['SELF', 'MANAGER', 'PANEL'][i % 3]!,
    assessedAt: `2025-0${1 + (i % 9)}-1${i % 10}`,
    frameworkId: 'Bench AR framework',
    assessorId: i % 3 === 0 ? null : 'B000000',
    ratingSummary: `D1:${1 + (i % 4)}; D2:${1 + ((i + 1) % 4)}; D3:${1 + ((i + 2) % 4)}`,
    comment: `Bench assessment ${i}`,
  }));
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function run(kind: 'sqlite' | 'mariadb'): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'it-import-bench-'));
  let databaseUrl = `sqlite:${path.join(dataDir, 'bench.sqlite')}`;
  let drop = async () => {};
  if (kind === 'mariadb') {
    const name = `it_import_${randomBytes(4).toString('hex')}`;
    const admin = await createConnection({ uri: serverUrl() });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    databaseUrl = `${serverUrl().replace(/\/$/, '')}/${name}`;
    drop = async () => {
      const c = await createConnection({ uri: serverUrl() });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    };
  }
  const config = loadConfig({
    // Not production: the answers carry their statement counts (x-sql-statements).
    NODE_ENV: 'test',
    TOKEN_SECRET: 'bench-secret-'.padEnd(48, 'x'),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    TICK_SECONDS: '0',
  });
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  await dataSource.runMigrations();
  const now = new Date();
  const stamp = { version: 1, createdAt: now, updatedAt: now };
  const em = dataSource.manager;
  const hq = await em.insert(OrgUnit, { name: 'Bench HQ', code: 'B-HQ', kind: 'HQ', parentId: null, ...stamp });
  const parentId = Number(hq.identifiers[0]?.id);
  for (let i = 0; i < UNITS; i++)
    await em.insert(OrgUnit, { name: `Bench unit ${i}`, code: `B-${i}`, kind: 'REP_OFFICE', parentId, ...stamp });
  await em.insert(User, {
    email: 'admin@bench.local',
    passwordHash: await hashPassword(PASSWORD, 1024),
    role: 'ADMIN',
    personId: null,
    lastLoginAt: null,
    archivedAt: null,
    ...stamp,
  });
  const server = await createServer({ dataSource, config, passwordCost: 1024 });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;
  const post = async (query: string, variables: object, token?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const body = JSON.stringify({ query, variables });
    const res = await fetch(url, { method: 'POST', headers, body });
    return {
      bytes: body.length,
      statements: Number(res.headers.get('x-sql-statements') ?? 0),
      json: (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] },
    };
  };
  try {
    const login = await post('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: 'admin@bench.local',
      p: PASSWORD,
    });
    const token = (login.json.data?.login as { token: string }).token;
    const setup = async (query: string) => {
      const answer = await post(query, {}, token);
      if (answer.json.errors) throw new Error(`${kind} setup: ${JSON.stringify(answer.json.errors)}`);
      return Object.values(answer.json.data ?? {})[0] as { id: string };
    };
    const model = await setup('mutation { r: createRoleModel(role: AR, name: "Bench AR", nameZh: "基准 AR") { id } }');
    const version = await setup(
      `mutation { r: createRoleModelVersion(roleModelId: "${model.id}", versionNo: 1, status: "PUBLISHED") { id } }`,
    );
    for (const code of ['D1', 'D2', 'D3'])
      await setup(`mutation { r: createRoleModelDimension(roleModelVersionId: "${version.id}", code: "${code}",
        name: "${code}", nameZh: "${code}") { id } }`);
    const framework = await setup(`mutation { r: createQualificationFramework(role: AR, roleModelVersionId:
      "${version.id}", name: "Bench AR framework", validityMonths: 24, status: "ACTIVE", managerMayCertify: true)
      { id } }`);
    for (const level of [1, 2]) {
      const made = await setup(`mutation { r: createQualificationLevel(frameworkId: "${framework.id}", level: ${level},
        name: "L${level}", nameZh: "${level} 级", minTenureMonths: 0) { id } }`);
      for (const code of ['D1', 'D2', 'D3'])
        await setup(`mutation { r: createLevelRequirement(levelId: "${made.id}", dimensionCode: "${code}",
          minProficiency: ${level + 1}) { id } }`);
    }
    const timed = async (
      type: string,
      rows: Array<Record<string, string | null>>,
      label: string,
      dryRun: boolean,
      expect: Partial<Answer>,
    ) => {
      const loadBefore = load();
      const started = process.hrtime.bigint();
      const answer = await post(IMPORT, { type, rows, dryRun }, token);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const result = answer.json.data?.importRecords as Answer | undefined;
      if (!result) throw new Error(`${kind} ${label}: ${JSON.stringify(answer.json.errors)}`);
      for (const [key, value] of Object.entries(expect)) {
        if (result[key as keyof Answer] !== value)
          throw new Error(
            `${kind} ${type} ${label}: ${key} is ${String(result[key as keyof Answer])}, expected ${value} ` +
              JSON.stringify(
                (result as unknown as { rows: unknown[] }).rows.find((r) => JSON.stringify(r).includes('"code"')),
              ),
          );
      }
      const perRow = (ms / ROWS).toFixed(3);
      const mb = (answer.bytes / 1024 / 1024).toFixed(1);
      console.log(
        `${kind.padEnd(7)} ${type.padEnd(10)} ${label.padEnd(16)} ${ROWS} rows ${mb} MB: ` +
          `${(ms / 1000).toFixed(2)} s (${perRow} ms/row), ${answer.statements} statements — ` +
          `created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, ` +
          `failed ${result.failed}; load ${loadBefore} → ${load()}`,
      );
    };
    for (const [type, rows] of [
      ['PERSON', peopleRows()],
      ['ASSESSMENT', assessmentRows()],
    ] as const) {
      await timed(type, rows, 'dry run', true, { committed: false, created: ROWS, failed: 0 });
      await timed(type, rows, 'commit', false, { committed: true, created: ROWS, failed: 0 });
      await timed(type, rows, 'same file again', false, { committed: true, created: 0, updated: 0, unchanged: ROWS });
    }
    const [count] = (await dataSource.query('SELECT COUNT(*) AS n FROM people')) as Array<{ n: number | string }>;
    if (Number(count?.n) !== ROWS) throw new Error(`${kind}: ${String(count?.n)} people, expected ${ROWS}`);
    const [ratings] = (await dataSource.query('SELECT COUNT(*) AS n FROM assessment_ratings')) as Array<{
      n: number | string;
    }>;
    if (Number(ratings?.n) !== 3 * ROWS)
      throw new Error(`${kind}: ${String(ratings?.n)} ratings, expected ${3 * ROWS}`);
  } finally {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    server.httpServer.closeAllConnections();
    await server.stop();
    await dataSource.destroy();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`${os.cpus().length} CPUs, load ${load()} at the start (the machine may be shared)`);
  const only = process.env.IMPORT_ONLY;
  for (const kind of ['sqlite', 'mariadb'] as const) if (!only || only === kind) await run(kind);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
