// Talent search benchmark (not a test): a fresh SQLite database with 10,000 people in 100 org units and three AR
// assessments each (levels 1 to 5, some expired, some self-assessments), the built API in this process, and the
// time of qualifiedPeoplePage for a few questions (median and worst of BENCH_RUNS, default 15), as HR and as a
// LEADER, with the index ix_assessments_role_certifies_level and without it.
// Run: npm run build -w @iron-triangle/api && npx tsx apps/api/bench/qualified-people.bench.ts
// On MariaDB instead: BENCH_MARIADB_URL=mysql://root@127.0.0.1:3306/ (a fresh database, dropped at the end).
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, ObjectLiteral } from 'typeorm';

/* eslint-disable @typescript-eslint/no-require-imports */
// The built API (decorator metadata needs tsc's output, not an on-the-fly transpiler).
const { dataSourceOptions } = require('../dist/composition') as typeof import('../src/composition');
const { createServer } = require('../dist/server') as typeof import('../src/server');
const { hashPassword } = require('../dist/platform/passwords') as typeof import('../src/platform/passwords');
const { loadConfig } = require('@iron-triangle/config') as typeof import('@iron-triangle/config');
const E = {
  ...(require('../dist/modules/org-unit') as typeof import('../src/modules/org-unit')),
  ...(require('../dist/modules/person') as typeof import('../src/modules/person')),
  ...(require('../dist/modules/position-assignment') as typeof import('../src/modules/position-assignment')),
  ...(require('../dist/modules/user') as typeof import('../src/modules/user')),
  ...(require('../dist/modules/assessment') as typeof import('../src/modules/assessment')),
};
type IndexMigration = typeof import('../src/migrations/1764900000000-qualified-people-index');
const { QUALIFIED_PEOPLE_INDEX } = require('../dist/migrations/1764900000000-qualified-people-index') as IndexMigration;
/* eslint-enable @typescript-eslint/no-require-imports */

const PEOPLE = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const DAY = 86_400_000;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function insertMany(ds: DataSource, entity: unknown, rows: ObjectLiteral[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 100) {
    const result = await ds.manager.insert(entity as never, rows.slice(i, i + 100) as never);
    ids.push(...result.identifiers.map((r) => Number(r?.id)));
  }
  return ids;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'it-bench-talent-'));
  const maria = process.env.BENCH_MARIADB_URL?.replace(/\/$/, '');
  const database = `it_bench_talent_${process.pid}`;
  const admin = async (sql: string) => {
    const c = await createConnection({ uri: `${maria}/` });
    await c.query(sql);
    await c.end();
  };
  if (maria) await admin(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const config = loadConfig({
    NODE_ENV: 'test',
    TOKEN_SECRET: 'bench-secret-'.padEnd(48, 'x'),
    DATABASE_URL: maria ? `${maria}/${database}` : `sqlite:${path.join(dir, 'bench.sqlite')}`,
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    TICK_SECONDS: '0',
  });
  const ds = new DataSource(dataSourceOptions(config));
  await ds.initialize();
  await ds.runMigrations();
  const now = new Date();
  const stamp = { version: 1, createdAt: now, updatedAt: now };
  const random = rng(7);

  // HQ → 9 regions → 90 offices.
  const [hq] = await insertMany(ds, E.OrgUnit, [{ name: 'HQ', code: 'HQ', kind: 'HQ', parentId: null, ...stamp }]);
  const regions = await insertMany(
    ds,
    E.OrgUnit,
    Array.from({ length: 9 }, (_, r) => ({
      name: `Region ${r}`,
      code: `R${r}`,
      kind: 'REGION',
      parentId: hq,
      ...stamp,
    })),
  );
  const offices = await insertMany(
    ds,
    E.OrgUnit,
    Array.from({ length: 90 }, (_, o) => ({
      name: `Office ${o}`,
      code: `O${o}`,
      kind: 'REP_OFFICE',
      parentId: regions[o % 9],
      ...stamp,
    })),
  );
  const people = await insertMany(
    ds,
    E.Person,
    Array.from({ length: PEOPLE }, (_, i) => ({
      employeeNo: `B${String(i).padStart(6, '0')}`,
      name: `Person ${String(Math.floor(random() * 1e6)).padStart(6, '0')}`,
      orgUnitId: offices[i % offices.length],
      email: null,
      phone: null,
      hiredAt: null,
      archivedAt: null,
      ...stamp,
    })),
  );
  const leaderPerson = people[0]!;
  await insertMany(ds, E.PositionAssignment, [
    {
      personId: leaderPerson,
      title: 'BUSINESS_DEPT_DIRECTOR',
      orgUnitId: regions[0],
      validFrom: new Date(now.getTime() - DAY),
      validTo: null,
      ...stamp,
    },
  ]);
  const password = 'bench-password';
  const hash = await hashPassword(password, 1024);
  await insertMany(
    ds,
    E.User,
    ['HR', 'LEADER'].map((role) => ({
      email: `${role.toLowerCase()}@bench.local`,
      passwordHash: hash,
      role,
      personId: role === 'LEADER' ? leaderPerson : null,
      lastLoginAt: null,
      archivedAt: null,
      ...stamp,
    })),
  );

  const server = await createServer({ dataSource: ds, config, passwordCost: 1024 });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const send = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    // A kept-alive connection the server closed while the bench was seeding: once more on a new one.
    const res = await send().catch(send);
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as Record<string, unknown>;
  };
  const token = async (who: string) =>
    (
      (await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: `${who}@bench.local`,
        p: password,
      })) as { login: { token: string } }
    ).login.token;
  const hr = await token('hr');
  const leader = await token('leader');
  const model = (await gql('mutation { createRoleModel(role: AR, name: "AR", nameZh: "客户") { id } }', {}, hr)) as {
    createRoleModel: { id: string };
  };
  const version = (await gql(
    'mutation($m: ID!) { createRoleModelVersion(roleModelId: $m, versionNo: 1, status: "PUBLISHED") { id } }',
    { m: model.createRoleModel.id },
    hr,
  )) as { createRoleModelVersion: { id: string } };
  const framework = (await gql(
    'mutation($v: ID!) { createQualificationFramework(role: AR, roleModelVersionId: $v, name: "AR", ' +
      'validityMonths: 24, status: "ACTIVE") { id } }',
    { v: version.createRoleModelVersion.id },
    hr,
  )) as { createQualificationFramework: { id: string } };

  // Three AR assessments a person, a year apart or less; one in ten a self-assessment; validity two years.
  const assessments: ObjectLiteral[] = [];
  for (const personId of people) {
    for (let k = 0; k < 3; k++) {
      const assessedAt = new Date(now.getTime() - Math.floor(random() * 900) * DAY);
      const certifies = random() >= 0.1;
      assessments.push({
        personId,
        role: 'AR',
        frameworkId: Number(framework.createQualificationFramework.id),
        roleModelVersionId: Number(version.createRoleModelVersion.id),
        kind: certifies ? 'PANEL' : 'SELF',
        assessorId: null,
        assessedAt,
        inRoleSince: null,
        completedProjects: 0,
        performance: null,
        tenureMonths: 12,
        certifies,
        levelReached: 1 + Math.floor(random() * 5),
        validUntil: new Date(assessedAt.getTime() + 730 * DAY),
        gap: null,
        evaluation: null,
        comment: null,
        ...stamp,
      });
    }
  }
  await insertMany(ds, E.Assessment, assessments);
  await ds.query(maria ? 'ANALYZE TABLE assessments, people' : 'ANALYZE');

  const page = (count: boolean) => `query($min: Int!, $at: DateTime, $unit: ID, $first: Int) {
    qualifiedPeoplePage(role: AR, minLevel: $min, at: $at, orgUnitId: $unit, first: $first) {
      ${count ? 'totalCount' : ''} hasNextPage items { personId level validUntil person { name } } } }`;
  const yearAgo = new Date(now.getTime() - 365 * DAY);
  // A page without its total reads only as far as the page; with it (or every person), the whole answer.
  const questions: Array<[string, Record<string, unknown>, string, boolean]> = [
    ['HR, level ≥ 3, now, everywhere, first 25', { min: 3, first: 25 }, hr, false],
    ['HR, level ≥ 3, now, everywhere, first 25 + total', { min: 3, first: 25 }, hr, true],
    ['HR, level ≥ 3, now, everywhere, all + total', { min: 3 }, hr, true],
    ['HR, level ≥ 5, now, everywhere, first 25', { min: 5, first: 25 }, hr, false],
    ['HR, level ≥ 1, now, everywhere, first 25', { min: 1, first: 25 }, hr, false],
    ['HR, level ≥ 3, now, one region, first 25', { min: 3, unit: String(regions[1]), first: 25 }, hr, false],
    ['HR, level ≥ 3, 1 year ago, first 25', { min: 3, at: yearAgo, first: 25 }, hr, false],
    ['LEADER (one region), level ≥ 3, now, first 25', { min: 3, first: 25 }, leader, false],
  ];
  const measure = async () => {
    for (const [label, variables, who, count] of questions) {
      const times: number[] = [];
      let total = '';
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const data = (await gql(page(count), variables, who)) as {
          qualifiedPeoplePage: { totalCount?: number; items: unknown[] };
        };
        times.push(performance.now() - started);
        total = String(data.qualifiedPeoplePage.totalCount ?? `(${data.qualifiedPeoplePage.items.length})`);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)]!;
      const worst = times[times.length - 1]!;
      console.log(
        `  ${label.padEnd(50)} ${total.padStart(6)} people   median ${median.toFixed(1).padStart(7)} ms` +
          `   worst ${worst.toFixed(1).padStart(7)} ms`,
      );
    }
  };
  console.log(
    `${maria ? 'MariaDB' : 'SQLite'}, ${PEOPLE} people, ${assessments.length} assessments, ${RUNS} runs each`,
  );
  console.log('with the index:');
  await measure();
  const { name, table } = QUALIFIED_PEOPLE_INDEX;
  await ds.query(maria ? `DROP INDEX \`${name}\` ON \`${table}\`` : `DROP INDEX "${name}"`);
  console.log('without it:');
  await measure();

  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  server.httpServer.closeAllConnections();
  await server.stop();
  await ds.destroy();
  if (maria) await admin(`DROP DATABASE \`${database}\``);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
