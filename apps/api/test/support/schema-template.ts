// One migrated database per test run, cloned into each suite's fresh database: the migrations run once per run
// instead of once per suite (on MariaDB they take seconds). The suites still call runMigrations, which finds nothing
// pending; the migrations suite reverts and re-applies them on its clone. The suites that start from the demo company
// clone a seeded copy of the template the same way: the first of them in a run seeds it, the others copy it.
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, createConnection, RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '@iron-triangle/config';
import { dataSourceOptions } from '../../src/composition';
import { mariadbUrl } from './mariadb-url';
import { seedDemo } from '../../src/seed/demo';

const SQLITE_TEMPLATE = 'IT_SQLITE_TEMPLATE';
const MARIADB_TEMPLATE = 'IT_MARIADB_TEMPLATE';

/** Opens `databaseUrl`, runs `work` on it and closes it. */
async function withDatabase(
  databaseUrl: string,
  dataDir: string,
  work: (dataSource: DataSource) => Promise<unknown>,
): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    TOKEN_SECRET: 'template-'.padEnd(48, 'x'),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    TICK_SECONDS: '0',
  });
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

const migrate = (databaseUrl: string, dataDir: string) =>
  withDatabase(databaseUrl, dataDir, (ds) => ds.runMigrations());

/** The demo company, seeded as `npm start` seeds it but with a cheap password hash (the suites sign in four times). */
export const DEMO_PASSWORD_COST = 1024;
const seedDemoCompany = (databaseUrl: string, dataDir: string) =>
  withDatabase(databaseUrl, dataDir, (ds) => seedDemo(ds, new Date(), undefined, DEMO_PASSWORD_COST));

/** Builds the templates (called by the global setup); their names travel to the workers in the environment. */
export async function createTemplates(mariadb: boolean): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'it-template-'));
  const file = path.join(dir, 'template.sqlite');
  await migrate(`sqlite:${file}`, dir);
  process.env[SQLITE_TEMPLATE] = file;
  if (!mariadb) return;
  const name = `it_tpl_${randomBytes(5).toString('hex')}`;
  const server = mariadbUrl();
  const admin = await createConnection({ uri: server });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  process.env[MARIADB_TEMPLATE] = name;
  await migrate(`${server.replace(/\/$/, '')}/${name}`, dir);
}

/** Removes the templates (global teardown). */
export async function dropTemplates(): Promise<void> {
  const file = process.env[SQLITE_TEMPLATE];
  if (file) rmSync(path.dirname(file), { recursive: true, force: true });
  const name = process.env[MARIADB_TEMPLATE];
  if (!name) return;
  const admin = await createConnection({ uri: mariadbUrl() });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`DROP DATABASE IF EXISTS \`${demoTemplateName(name)}\``);
  } finally {
    await admin.end();
  }
}

/** Makes `file` a copy of the migrated SQLite template; false when there is none (the suite migrates itself). */
export function cloneSqliteTemplate(file: string): boolean {
  const template = process.env[SQLITE_TEMPLATE];
  if (!template || !existsSync(template)) return false;
  copyFileSync(template, file);
  return true;
}

/**
 * Fills the empty database `target` with the template's tables (as SHOW CREATE TABLE gives them: columns, keys,
 * foreign keys, collations) and rows (the migrations table, seeded settings and counters); false when there is none.
 */
export async function cloneMariadbTemplate(admin: Connection, target: string): Promise<boolean> {
  const template = process.env[MARIADB_TEMPLATE];
  if (!template) return false;
  return copyTables(admin, template, target, () => true);
}

/** Copies the tables of `from` (that `keep` keeps) with their rows into the empty database `target`. */
async function copyTables(
  admin: Connection,
  from: string,
  target: string,
  keep: (table: string) => boolean,
): Promise<boolean> {
  const [tables] = await admin.query<RowDataPacket[]>(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
    [from],
  );
  if (tables.length === 0) return false;
  await admin.query('SET FOREIGN_KEY_CHECKS = 0');
  await admin.query(`USE \`${target}\``);
  for (const { name } of tables) {
    if (!keep(String(name))) continue;
    const [[created]] = await admin.query<RowDataPacket[]>(`SHOW CREATE TABLE \`${from}\`.\`${name}\``);
    await admin.query(String(created!['Create Table']));
    await admin.query(`INSERT INTO \`${target}\`.\`${name}\` SELECT * FROM \`${from}\`.\`${name}\``);
  }
  await admin.query('SET FOREIGN_KEY_CHECKS = 1');
  return true;
}

/**
 * Makes `file` a copy of the demo company on the migrated SQLite template (seeded by the first suite that asks, then
 * kept for the run); false when there is no template.
 */
export async function cloneSqliteDemo(file: string): Promise<boolean> {
  const template = process.env[SQLITE_TEMPLATE];
  if (!template || !existsSync(template)) return false;
  const demo = path.join(path.dirname(template), 'demo.sqlite');
  if (!existsSync(demo)) {
    // Seeded under another name and renamed: a suite never copies a half-seeded file.
    const partial = path.join(path.dirname(template), `demo-${randomBytes(4).toString('hex')}.sqlite`);
    copyFileSync(template, partial);
    await seedDemoCompany(`sqlite:${partial}`, path.dirname(template));
    renameSync(partial, demo);
  }
  copyFileSync(demo, file);
  return true;
}

/** The MariaDB demo template's name; its READY table says the seed finished (it is not copied). */
const demoTemplateName = (template: string) => `${template}_demo`;
const READY = 'it_demo_ready';

/** Fills the empty database `target` with the demo company (see cloneSqliteDemo); false when there is no template. */
export async function cloneMariadbDemo(admin: Connection, target: string): Promise<boolean> {
  const template = process.env[MARIADB_TEMPLATE];
  if (!template) return false;
  const demo = demoTemplateName(template);
  const ready = async () => {
    const [rows] = await admin.query<RowDataPacket[]>(
      'SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
      [demo, READY],
    );
    return rows.length > 0;
  };
  if (!(await ready())) {
    let mine = true;
    try {
      await admin.query(`CREATE DATABASE \`${demo}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } catch {
      mine = false; // another worker is seeding it
    }
    if (mine) {
      await cloneMariadbTemplate(admin, demo);
      await seedDemoCompany(`${mariadbUrl().replace(/\/$/, '')}/${demo}`, os.tmpdir());
      await admin.query(`CREATE TABLE \`${demo}\`.\`${READY}\` (id INT)`);
    } else {
      const deadline = Date.now() + 120_000;
      while (!(await ready())) {
        if (Date.now() > deadline) throw new Error(`the demo template ${demo} was not ready within 2 minutes`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  await copyTables(admin, demo, target, (name) => name !== READY);
  return true;
}
