// Keys compare exactly on both databases. MariaDB's default collation (utf8mb4_unicode_ci) treats "IDEM-x",
// "idem-x " and "ídem-x" as one value; SQLite compares bytes. So on MySQL/MariaDB every identifier and key column
// gets a binary collation that also keeps trailing spaces significant: utf8mb4_nopad_bin on MariaDB,
// utf8mb4_0900_bin on MySQL 8 (plain utf8mb4_bin is PAD SPACE: it would still make "idem-x " equal "idem-x").
// SQLite already compares exactly: nothing to change there.
// Sign-in e-mail addresses stay case-insensitive by being stored lower-cased: existing rows are lower-cased here
// (refused, with the rows named, when two addresses differ only in case).
// Decision idempotency keys belong to the caller: a new column `idempotencyOwner` ("user:<id>" / "token:<id>"),
// filled from the audit trail for existing decisions, and the unique index moves to (owner, key).
import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** The columns compared as keys (the same list as `KEY_COLUMNS` checked by test/keys.test.ts against the entities). */
export const EXACT_KEY_COLUMNS: ReadonlyArray<readonly [table: string, column: string]> = [
  ['org_units', 'code'],
  ['people', 'employeeNo'],
  ['customers', 'code'],
  ['projects', 'externalRef'],
  ['role_models', 'role'],
  ['role_model_dimensions', 'code'],
  ['level_requirements', 'dimensionCode'],
  ['assessment_ratings', 'dimensionCode'],
  ['pool_metrics', 'metric'],
  ['decisions', 'idempotencyKey'],
  ['users', 'email'],
  ['api_tokens', 'tokenHash'],
];

const DEFAULT = 'utf8mb4_unicode_ci';
const OLD_DECISION_KEY_INDEX = 'uq_decisions_idempotencyKey';
const DECISION_KEY_INDEX = 'uq_decisions_idempotencyOwner_idempotencyKey';
const OWNER = 'idempotencyOwner';

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'mysql';

/** The exact (binary, no-pad) utf8mb4 collation this MySQL-compatible server has. */
export async function exactCollation(queryRunner: QueryRunner): Promise<string> {
  for (const name of ['utf8mb4_nopad_bin', 'utf8mb4_0900_bin']) {
    const rows: unknown[] = await queryRunner.query('SHOW COLLATION WHERE Collation = ?', [name]);
    if (rows.length) return name;
  }
  return 'utf8mb4_bin';
}

async function setCollation(
  queryRunner: QueryRunner,
  tableName: string,
  columnName: string,
  collation: string,
): Promise<void> {
  const table = await queryRunner.getTable(tableName);
  const column = table?.findColumnByName(columnName);
  if (!table || !column) throw new Error(`exact keys: ${tableName}.${columnName} does not exist`);
  if (column.collation === collation) return;
  const changed = column.clone();
  changed.charset = 'utf8mb4';
  changed.collation = collation;
  // None of these columns has a default; MariaDB reports a nullable column's as the text "NULL", which TypeORM
  // would write back as a quoted string.
  changed.default = undefined;
  // Same type and length: TypeORM alters the column in place (CHANGE), keeping its data and indexes.
  await queryRunner.changeColumn(table, column, changed);
}

/** Lower-cases the users' e-mail addresses; two that differ only in case cannot both be kept. */
async function lowerCaseEmails(queryRunner: QueryRunner): Promise<void> {
  const rows: Array<{ id: number | string; email: string }> = await queryRunner.manager
    .createQueryBuilder()
    .select(['u.id AS id', 'u.email AS email'])
    .from('users', 'u')
    .getRawMany();
  const byAddress = new Map<string, Array<{ id: number | string; email: string }>>();
  for (const row of rows) {
    const address = row.email.trim().toLowerCase();
    byAddress.set(address, [...(byAddress.get(address) ?? []), row]);
  }
  const clashes = [...byAddress.entries()].filter(([, users]) => users.length > 1);
  if (clashes.length) {
    const listed = clashes
      .map(
        ([address, users]) =>
          `${address}: users ${users.map((u) => `${u.id} (${JSON.stringify(u.email)})`).join(', ')}`,
      )
      .join('; ');
    throw new Error(
      `Sign-in e-mail addresses are now compared without regard to case, and these users' addresses differ ` +
        `only in case or surrounding spaces: ${listed}. ` +
        'Change or archive-and-rename all but one of each (updateUser), then run the migration again.',
    );
  }
  for (const [address, [user]] of byAddress) {
    if (user && user.email !== address)
      await queryRunner.manager
        .createQueryBuilder()
        .update('users')
        .set({ email: address })
        .where('id = :id', { id: user.id })
        .execute();
  }
}

/** The caller that recorded each existing decision, from its `create` audit entry; "legacy" where none is left. */
async function backfillDecisionOwners(queryRunner: QueryRunner): Promise<void> {
  const rows: Array<{ entityId: string; actorKind: string; actorId: number | string | null }> =
    await queryRunner.manager
      .createQueryBuilder()
      .select(['a.entityId AS entityId', 'a.actorKind AS actorKind', 'a.actorId AS actorId'])
      .from('audit_entries', 'a')
      .where('a.entityType = :type AND a.action = :action', { type: 'Decision', action: 'create' })
      .getRawMany();
  for (const row of rows) {
    const kind = row.actorKind === 'USER' ? 'user' : row.actorKind === 'API_TOKEN' ? 'token' : null;
    if (!kind || row.actorId === null || !/^\d+$/.test(String(row.entityId))) continue;
    await queryRunner.manager
      .createQueryBuilder()
      .update('decisions')
      .set({ [OWNER]: `${kind}:${row.actorId}` })
      .where('id = :id', { id: Number(row.entityId) })
      .execute();
  }
}

export class ExactKeys1764820000000 implements MigrationInterface {
  name = 'ExactKeys1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    const exact = mysql ? await exactCollation(queryRunner) : null;
    await lowerCaseEmails(queryRunner);
    if (exact) for (const [table, column] of EXACT_KEY_COLUMNS) await setCollation(queryRunner, table, column, exact);
    await queryRunner.addColumn(
      'decisions',
      new TableColumn({
        name: OWNER,
        type: 'varchar',
        length: '64',
        isNullable: false,
        default: "'legacy'",
        ...(exact ? { charset: 'utf8mb4', collation: exact } : {}),
      }),
    );
    await backfillDecisionOwners(queryRunner);
    await queryRunner.dropIndex('decisions', OLD_DECISION_KEY_INDEX);
    await queryRunner.createIndex(
      'decisions',
      new TableIndex({ name: DECISION_KEY_INDEX, columnNames: [OWNER, 'idempotencyKey'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // E-mail addresses stay lower-case (nothing to undo: they compare case-insensitively either way).
    // Keys used by more than one caller cannot go back under one unique key: refuse rather than lose decisions.
    const shared: unknown[] = await queryRunner.manager
      .createQueryBuilder()
      .select('d.idempotencyKey', 'idempotencyKey')
      .from('decisions', 'd')
      .groupBy('d.idempotencyKey')
      .having('COUNT(*) > 1')
      .getRawMany();
    if (shared.length)
      throw new Error(`cannot revert: ${shared.length} decision idempotency keys are used by more than one caller`);
    await queryRunner.dropIndex('decisions', DECISION_KEY_INDEX);
    await queryRunner.dropColumn('decisions', OWNER);
    if (isMysql(queryRunner)) {
      // Distinct values that differ only in case, accents or trailing spaces become one under the default collation
      // (the same value repeated, e.g. a metric kind in many pools, is no clash).
      for (const [table, column] of EXACT_KEY_COLUMNS) {
        const clashes: unknown[] = await queryRunner.query(
          `SELECT \`${column}\` COLLATE ${DEFAULT} AS v FROM \`${table}\` WHERE \`${column}\` IS NOT NULL ` +
            `GROUP BY v HAVING COUNT(DISTINCT \`${column}\`) > 1`,
        );
        if (clashes.length)
          throw new Error(
            `cannot revert: ${table}.${column} has values that differ only in case, accents or trailing ` +
              `spaces (${clashes.length}); rename them first`,
          );
      }
      for (const [table, column] of EXACT_KEY_COLUMNS) await setCollation(queryRunner, table, column, DEFAULT);
    }
    await queryRunner.createIndex(
      'decisions',
      new TableIndex({ name: OLD_DECISION_KEY_INDEX, columnNames: ['idempotencyKey'], isUnique: true }),
    );
  }
}
