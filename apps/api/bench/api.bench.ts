// API benchmark: seeds a large authority state into a fresh MariaDB database (bulk inserts), starts the built API
// as a child process (node dist/index.js), and measures at 20 connections with autocannon: authorize allowed and
// denied, whoMayDecide, a nested list query, and { __typename } as the baseline. Every response body is checked.
// Run: npm run bench -w @iron-triangle/api   (MARIADB_URL, default mysql://root@127.0.0.1:3306/)
import { spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createConnection, Connection } from 'mysql2/promise';
import { DataSource } from 'typeorm';

/* eslint-disable @typescript-eslint/no-require-imports */
// The built API (decorator metadata needs tsc's output, not an on-the-fly transpiler).
const { dataSourceOptions } = require('../dist/composition') as typeof import('../src/composition');
const { hashPassword } = require('../dist/platform/passwords') as typeof import('../src/platform/passwords');
const { loadConfig } = require('@iron-triangle/config') as typeof import('@iron-triangle/config');
/* eslint-enable @typescript-eslint/no-require-imports */

const SIZE = { units: 300, people: 10_000, projects: 2_000, rules: 500, delegations: 50_000, chainDelegations: 5 };
const CONNECTIONS = 20;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 4999);
const POINTS = ['ATI', 'ATB', 'ATC', 'ATAC', 'ATCC'];

function serverUrl(): string {
  const raw =
    process.env.MARIADB_URL && process.env.MARIADB_URL !== ''
      ? process.env.MARIADB_URL
      : 'mysql://root@127.0.0.1:3306/';
  const url = new URL(raw.replace(/^mariadb:/, 'mysql:'));
  url.pathname = '/';
  return url.toString();
}

/** A deterministic pseudo-random sequence (the state is the same on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function bulkInsert(db: Connection, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const batch = 2000;
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const placeholders = chunk.map(() => `(${columns.map(() => '?').join(',')})`).join(',');
    await db.query(
      `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(',')}) VALUES ${placeholders}`,
      chunk.flat(),
    );
  }
}

interface Seeded {
  projectId: number;
  allowed: { personId: number; orgUnitId: number; amount: string };
  denied: { personId: number; orgUnitId: number; amount: string };
  email: string;
  password: string;
}

async function seed(db: Connection): Promise<Seeded> {
  const random = rng(42);
  const now = new Date();
  const start = new Date(now.getTime() - 365 * 86_400_000);
  const stamp = [1, now, now];
  const base = ['version', 'createdAt', 'updatedAt'];

  // Org units: HQ → 9 regions → 290 offices.
  const units: Array<{ id: number; parentId: number | null }> = [{ id: 1, parentId: null }];
  for (let r = 0; r < 9; r++) units.push({ id: 2 + r, parentId: 1 });
  while (units.length < SIZE.units) units.push({ id: units.length + 1, parentId: 2 + (units.length % 9) });
  await bulkInsert(
    db,
    'org_units',
    ['id', 'name', 'code', 'parentId', 'kind', ...base],
    units.map((u) => [
      u.id,
      `Unit ${u.id}`,
      `U${u.id}`,
      u.parentId,
      u.parentId === null ? 'HQ' : u.parentId === 1 ? 'REGION' : 'REP_OFFICE',
      ...stamp,
    ]),
  );

  const people = Array.from({ length: SIZE.people }, (_, i) => i + 1);
  await bulkInsert(
    db,
    'people',
    ['id', 'employeeNo', 'name', 'email', 'phone', 'orgUnitId', 'hiredAt', 'archivedAt', ...base],
    people.map((id) => [id, `E${id}`, `Person ${id}`, null, null, units[id % units.length]!.id, null, null, ...stamp]),
  );

  // Each unit's director is person = unit id (people 1..300); the BU president at HQ is person 1.
  await bulkInsert(
    db,
    'position_assignments',
    ['personId', 'title', 'orgUnitId', 'validFrom', 'validTo', ...base],
    units.map((u) => [u.id, 'BUSINESS_DEPT_DIRECTOR', u.id, start, null, ...stamp]),
  );

  // 500 rules: one per unit for its director (delegable 5 deep), plus 200 regional rules for other decision points.
  const rules: Array<{ id: number; unit: number; limit: bigint }> = [];
  const ruleRows: unknown[][] = [];
  for (let i = 0; i < SIZE.rules; i++) {
    const unit = i < units.length ? units[i]! : units[1 + (i % 9)]!;
    const limit = 1_000_000_000n + BigInt(i) * 1_000_000n;
    const points = i < units.length ? POINTS : ['ATAC', 'ATCC'];
    rules.push({ id: i + 1, unit: unit.id, limit });
    ruleRows.push([
      i + 1,
      `Rule ${i + 1}`,
      'POSITION',
      'BUSINESS_DEPT_DIRECTOR',
      unit.id,
      null,
      null,
      JSON.stringify(points),
      JSON.stringify(['I', 'II', 'III']),
      unit.id,
      limit,
      'CNY',
      start,
      null,
      5,
      ...stamp,
    ]);
  }
  await bulkInsert(
    db,
    'authority_rules',
    [
      'id',
      'name',
      'holderKind',
      'holderTitle',
      'holderOrgUnitId',
      'decisionBodyId',
      'holderRole',
      'decisionPoints',
      'grades',
      'scopeOrgUnitId',
      'limitMinor',
      'currency',
      'validFrom',
      'validTo',
      'delegableDepth',
      ...base,
    ],
    ruleRows,
  );

  // 50,000 delegations in 10,000 chains of 5 (rule + 5 delegations = 6 links), each narrower than its source.
  const delegationRows: unknown[][] = [];
  let id = 0;
  let deepest: { personId: number; unit: number; limit: bigint } | null = null;
  const chains = SIZE.delegations / SIZE.chainDelegations;
  for (let c = 0; c < chains; c++) {
    const rule = rules[c % units.length]!;
    let delegator = rule.unit; // the unit's director
    let sourceRule: number | null = rule.id;
    let sourceDelegation: number | null = null;
    let limit = rule.limit;
    const onChain = new Set([delegator]);
    for (let depth = 1; depth <= SIZE.chainDelegations; depth++) {
      let delegate = 301 + Math.floor(random() * (SIZE.people - 300));
      while (onChain.has(delegate)) delegate = 301 + Math.floor(random() * (SIZE.people - 300));
      onChain.add(delegate);
      limit = (limit * 9n) / 10n;
      id += 1;
      delegationRows.push([
        id,
        sourceRule,
        sourceDelegation,
        delegator,
        delegate,
        JSON.stringify(POINTS),
        JSON.stringify(['II', 'III']),
        rule.unit,
        limit,
        'CNY',
        start,
        null,
        SIZE.chainDelegations - depth,
        null,
        null,
        `Chain ${c} link ${depth}`,
        null,
        null,
        ...stamp,
      ]);
      sourceRule = null;
      sourceDelegation = id;
      delegator = delegate;
    }
    if (c === 1234) deepest = { personId: delegator, unit: rule.unit, limit };
  }
  await bulkInsert(
    db,
    'delegations',
    [
      'id',
      'sourceRuleId',
      'sourceDelegationId',
      'delegatorId',
      'delegateId',
      'decisionPoints',
      'grades',
      'scopeOrgUnitId',
      'limitMinor',
      'currency',
      'validFrom',
      'validTo',
      'redelegableDepth',
      'requiredRole',
      'requiredLevel',
      'reason',
      'revokedAt',
      'revokeReason',
      ...base,
    ],
    delegationRows,
  );

  // 2,000 projects with two appointments each.
  const projectRows: unknown[][] = [];
  const teamRows: unknown[][] = [];
  for (let p = 1; p <= SIZE.projects; p++) {
    projectRows.push([
      p,
      `BENCH-${p}`,
      `Project ${p}`,
      null,
      units[p % units.length]!.id,
      'OPPORTUNITY',
      BigInt(p) * 100_000n,
      'CNY',
      ['I', 'II', 'III'][p % 3],
      JSON.stringify(['NO_CRITERION']),
      '{}',
      null,
      ...stamp,
    ]);
    for (const role of ['AR', 'SR'])
      teamRows.push([p, 301 + ((p * 7 + role.length) % 9000), role, null, start, null, null, null, null, ...stamp]);
  }
  await bulkInsert(
    db,
    'projects',
    [
      'id',
      'externalRef',
      'name',
      'customerId',
      'orgUnitId',
      'stage',
      'amountMinor',
      'currency',
      'grade',
      'gradeReasons',
      'gradeCriteria',
      'gradeJustification',
      ...base,
    ],
    projectRows,
  );
  await bulkInsert(
    db,
    'team_appointments',
    [
      'projectId',
      'personId',
      'role',
      'stage',
      'validFrom',
      'validTo',
      'qualificationLevel',
      'exceptionReason',
      'staffingCheck',
      ...base,
    ],
    teamRows,
  );

  const password = 'bench-password';
  await bulkInsert(
    db,
    'users',
    ['email', 'passwordHash', 'role', 'personId', 'lastLoginAt', 'archivedAt', ...base],
    [['bench@bench.local', await hashPassword(password), 'VIEWER', null, null, null, ...stamp]],
  );
  // Bulk inserts bypass the API: tell every API process the authority state changed.
  await db.query('UPDATE authority_state SET changeCount = changeCount + 1 WHERE id = 1');

  const d = deepest!;
  // A grade II or III project in the deepest delegate's unit (project p sits in units[p % 300], grade by p % 3).
  let projectId = 0;
  for (let p = 1; p <= SIZE.projects && projectId === 0; p++)
    if (units[p % units.length]!.id === d.unit && p % 3 !== 0) projectId = p;
  const minor = (m: bigint) => `${m / 100n}.${String(m % 100n).padStart(2, '0')}`;
  return {
    projectId,
    allowed: { personId: d.personId, orgUnitId: d.unit, amount: minor(d.limit - 100n) },
    denied: { personId: d.personId, orgUnitId: d.unit, amount: minor(d.limit + 100n) },
    email: 'bench@bench.local',
    password,
  };
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    try {
      if ((await fetch(url.replace('/graphql', '/readyz'))).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('API did not become ready');
}

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

async function post(url: string, token: string, c: Case): Promise<{ body: string; statements: number }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: c.query, variables: c.variables }),
  });
  return { body: await res.text(), statements: Number(res.headers.get('x-sql-statements') ?? NaN) };
}

async function measure(
  url: string,
  token: string,
  c: Case,
): Promise<{
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  statements: number;
  bytes: number;
}> {
  // The expected body comes from a warm-up request; every measured response must equal it.
  const first = await post(url, token, c);
  const parsed = JSON.parse(first.body) as { errors?: unknown };
  if (parsed.errors) throw new Error(`${c.name}: ${first.body}`);
  let statementTotal = 0;
  const samples = 50;
  for (let i = 0; i < samples; i++) statementTotal += (await post(url, token, c)).statements;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: c.query, variables: c.variables }),
    expectBody: first.body,
  });
  const r = result as typeof result & { mismatches?: number };
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + (r.mismatches ?? 0),
    requests: result.requests.total,
    statements: statementTotal / samples,
    bytes: Buffer.byteLength(first.body),
  };
}

async function main(): Promise<void> {
  const name = `it_bench_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({ uri: serverUrl() });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const databaseUrl = `${serverUrl().replace(/\/$/, '')}/${name}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'it-bench-'));
  let child: ChildProcess | null = null;
  try {
    const config = loadConfig({
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      TOKEN_SECRET: 'bench-secret-'.padEnd(48, 'x'),
    });
    const ds = new DataSource(dataSourceOptions(config));
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
    const db = await createConnection({ uri: databaseUrl, timezone: 'Z' });
    const t0 = Date.now();
    const seeded = await seed(db);
    await db.end();
    console.log(
      `seeded ${SIZE.units} org units, ${SIZE.people} people, ${SIZE.projects} projects, ${SIZE.rules} ` +
        `rules, ${SIZE.delegations} delegations (chains of ${SIZE.chainDelegations + 1} links) in ` +
        `${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    // BENCH_CPU_PROF=dir writes a V8 CPU profile of the API process there.
    const profile = process.env.BENCH_CPU_PROF ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    child = spawn(process.execPath, [...profile, path.resolve(__dirname, '../dist/index.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'error',
        TOKEN_SECRET: 'bench-secret-'.padEnd(48, 'x'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const url = `http://127.0.0.1:${PORT}/graphql`;
    await waitForServer(url, child);
    const login = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        variables: { e: seeded.email, p: seeded.password },
      }),
    });
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;

    const authorizeQuery =
      'query($input: AuthorizeInput!) { authorize(input: $input) { allowed chains { links { kind id ' +
      'holderPersonId limit } } reasons { code message linkId } } }';
    const described = (c: Seeded['allowed']) => ({
      personId: String(c.personId),
      decisionPoint: 'ATC',
      grade: 'III',
      orgUnitId: String(c.orgUnitId),
      amount: c.amount,
      currency: 'CNY',
    });
    const t1 = Date.now();
    await post(url, token, { name: 'warm', query: authorizeQuery, variables: { input: described(seeded.allowed) } });
    console.log(`first authorize (loads and indexes the state): ${Date.now() - t1} ms`);

    const cases: Case[] = [
      { name: '{ __typename } (baseline)', query: '{ __typename }' },
      {
        name: 'authorize (allowed, 6-link chain)',
        query: authorizeQuery,
        variables: { input: described(seeded.allowed) },
      },
      {
        name: 'authorize (denied, AMOUNT_OVER_LIMIT)',
        query: authorizeQuery,
        variables: { input: described(seeded.denied) },
      },
      {
        name: 'authorize (project case: project + team)',
        query: authorizeQuery,
        variables: {
          input: {
            personId: String(seeded.allowed.personId),
            decisionPoint: 'ATC',
            projectId: String(seeded.projectId),
          },
        },
      },
      {
        name: 'whoMayDecide',
        query:
          'query($input: CaseInput!) { whoMayDecide(input: $input) { personId quorumRequired chains { ' +
          'links { id } } } }',
        variables: {
          input: {
            decisionPoint: 'ATC',
            grade: 'III',
            orgUnitId: String(seeded.allowed.orgUnitId),
            amount: '100.00',
            currency: 'CNY',
          },
        },
      },
      {
        name: 'allProjects (25, nested org unit + team)',
        query: '{ allProjects(perPage: 25) { id name amount orgUnit { code } team { personId role } } }',
      },
    ];
    const results: Array<{ name: string } & Awaited<ReturnType<typeof measure>>> = [];
    // BENCH_ONLY=<text> measures only the cases whose name contains it (and the baseline).
    const only = process.env.BENCH_ONLY;
    for (const c of cases.filter((x, i) => i === 0 || !only || x.name.includes(only)))
      results.push({ name: c.name, ...(await measure(url, token, c)) });
    const baseline = results[0]!.rps;
    console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s each, MariaDB, one API process (node dist/index.js)`);
    console.log('| case | req/s | × baseline | p50 ms | p99 ms | requests | errors | SQL/request | response bytes |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(
        `| ${r.name} | ${r.rps.toFixed(0)} | ${(r.rps / baseline).toFixed(2)} | ${r.p50} | ${r.p99} | ` +
          `${r.requests} | ${r.errors} | ${r.statements.toFixed(2)} | ${r.bytes} |`,
      );
    }
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
