// One migrated database per test run, cloned into each suite's fresh database: the migrations run once per run
// instead of once per suite (on MariaDB they take seconds). The suites still call runMigrations, which finds nothing
// pending; the migrations suite reverts and re-applies them on its clone.
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, createConnection, RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '@iron-triangle/config';
import { dataSourceOptions } from '../../src/composition';
import { mariadbUrl } from './mariadb-url';

const SQLITE_TEMPLATE = 'IT_SQLITE_TEMPLATE';
const MARIADB_TEMPLATE = 'IT_MARIADB_TEMPLATE';

async function migrate(databaseUrl: string, dataDir: string): Promise<void> {
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
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

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
  const [tables] = await admin.query<RowDataPacket[]>(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
    [template],
  );
  if (tables.length === 0) return false;
  await admin.query('SET FOREIGN_KEY_CHECKS = 0');
  await admin.query(`USE \`${target}\``);
  for (const { name } of tables) {
    const [[created]] = await admin.query<RowDataPacket[]>(`SHOW CREATE TABLE \`${template}\`.\`${name}\``);
    await admin.query(String(created!['Create Table']));
    await admin.query(`INSERT INTO \`${target}\`.\`${name}\` SELECT * FROM \`${template}\`.\`${name}\``);
  }
  await admin.query('SET FOREIGN_KEY_CHECKS = 1');
  return true;
}
