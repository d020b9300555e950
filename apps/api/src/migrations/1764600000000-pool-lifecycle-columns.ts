// The pool lifecycle on the pool itself: when it was funded, allocated, approved (and by whom) and locked, and
// which locked pool an adjustment pool corrects. Until now the approver and the moments lived only in the audit
// trail; `up` fills the new columns from it for pools that already went through those steps.
import { MigrationInterface, QueryRunner, TableColumn, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

const TABLE = 'incentive_pools';
const FK_APPROVER = 'fk_incentive_pools_approvedById';
const FK_ADJUSTMENT = 'fk_incentive_pools_adjustmentOfId';
const IX_ADJUSTMENT = 'ix_incentive_pools_adjustmentOfId';

/** The audit action of each lifecycle step → the column that records its moment. */
const STEP_COLUMNS: Record<string, string> = {
  fund: 'fundedAt',
  allocate: 'allocatedAt',
  approve: 'approvedAt',
  lock: 'lockedAt',
};

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'mysql';

function columns(mysql: boolean): TableColumn[] {
  // DATETIME(3) on MySQL/MariaDB, like every other instant; SQLite stores text.
  const instant = (name: string): TableColumnOptions =>
    mysql ? { name, type: 'datetime', precision: 3, isNullable: true } : { name, type: 'datetime', isNullable: true };
  return [
    new TableColumn(instant('fundedAt')),
    new TableColumn(instant('allocatedAt')),
    new TableColumn({ name: 'approvedById', type: 'integer', isNullable: true }),
    new TableColumn(instant('approvedAt')),
    new TableColumn(instant('lockedAt')),
    new TableColumn({ name: 'adjustmentOfId', type: 'integer', isNullable: true }),
  ];
}

function foreignKeys(): TableForeignKey[] {
  return [
    new TableForeignKey({
      name: FK_APPROVER,
      columnNames: ['approvedById'],
      referencedTableName: 'people',
      referencedColumnNames: ['id'],
      onDelete: 'RESTRICT',
    }),
    new TableForeignKey({
      name: FK_ADJUSTMENT,
      columnNames: ['adjustmentOfId'],
      referencedTableName: TABLE,
      referencedColumnNames: ['id'],
      onDelete: 'RESTRICT',
    }),
  ];
}

/** The approver named by an `approve` audit entry (its `after` snapshot), if any. */
function approverOf(after: string | null): unknown {
  try {
    return after ? (JSON.parse(after) as { approverId?: unknown }).approverId : null;
  } catch {
    return null;
  }
}

/**
 * A raw audit time as a Date. SQLite hands back the stored UTC text ("2026-03-03 08:00:00.000") without a zone;
 * written back as text, TypeORM would read it in the process's local zone and shift it, so parse it as UTC here.
 */
function utcInstant(raw: unknown): Date | null {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) return raw;
  const text = String(raw).trim();
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text.replace(' ', 'T') : `${text.replace(' ', 'T')}Z`;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()))
    throw new Error(`pool lifecycle backfill: unreadable audit time ${JSON.stringify(raw)}`);
  return at;
}

/**
 * Pools that were funded, allocated, approved or locked before this migration: their moments and approver from the
 * audit trail.
 */
async function backfillFromAudit(queryRunner: QueryRunner): Promise<void> {
  const rows: Array<{ entityId: string; action: string; at: unknown; after: string | null }> = await queryRunner.manager
    .createQueryBuilder()
    .select(['a.entityId AS entityId', 'a.action AS action', 'a.at AS at', 'a.after AS after'])
    .from('audit_entries', 'a')
    .where('a.entityType = :type', { type: 'IncentivePool' })
    .andWhere('a.action IN (:...actions)', { actions: Object.keys(STEP_COLUMNS) })
    .orderBy('a.id', 'ASC')
    .getRawMany();
  // The latest entry of each step wins.
  const patches = new Map<number, Record<string, unknown>>();
  for (const row of rows) {
    const poolId = Number(row.entityId);
    const column = STEP_COLUMNS[row.action];
    if (!Number.isInteger(poolId) || !column) continue;
    const patch = patches.get(poolId) ?? {};
    patch[column] = utcInstant(row.at);
    if (row.action === 'approve') {
      const approverId = approverOf(row.after);
      patch.approvedById =
        approverId !== null && approverId !== undefined && /^\d+$/.test(String(approverId)) ? Number(approverId) : null;
    }
    patches.set(poolId, patch);
  }
  for (const [poolId, patch] of patches) {
    if (typeof patch.approvedById === 'number') {
      const known = await queryRunner.manager
        .createQueryBuilder()
        .select('p.id', 'id')
        .from('people', 'p')
        .where('p.id = :id', { id: patch.approvedById })
        .getRawOne();
      if (!known) patch.approvedById = null;
    }
    await queryRunner.manager.createQueryBuilder().update(TABLE).set(patch).where('id = :id', { id: poolId }).execute();
  }
}

/**
 * SQLite changes a column by rebuilding the table (copy, drop, rename). Dropping incentive_pools while pool_metrics
 * and pool_members rows point at it violates their foreign keys for good (SQLite counts the violation and the
 * rename does not undo it), and `PRAGMA foreign_keys` is ignored inside a transaction. TypeORM runs migrations up
 * with foreign keys off, but `undoLastMigration` starts its transaction with them on. Then: close that transaction,
 * rebuild with foreign keys off in a transaction of our own, turn them on again and open a transaction for TypeORM
 * to finish in. Either way every reference is verified (foreign_key_check) before the work is committed.
 */
export async function withoutSqliteForeignKeys(queryRunner: QueryRunner, work: () => Promise<void>): Promise<void> {
  const verify = async () => {
    const broken: unknown[] = await queryRunner.query('PRAGMA foreign_key_check');
    if (broken.length) throw new Error(`the migration would break foreign keys: ${JSON.stringify(broken.slice(0, 5))}`);
  };
  const [state] = (await queryRunner.query('PRAGMA foreign_keys')) as Array<{ foreign_keys: number }>;
  if (!state?.foreign_keys) {
    await work();
    await verify();
    return;
  }
  const wasInTransaction = queryRunner.isTransactionActive;
  if (wasInTransaction) await queryRunner.commitTransaction();
  await queryRunner.query('PRAGMA foreign_keys = OFF');
  try {
    await queryRunner.startTransaction();
    try {
      await work();
      await verify();
      await queryRunner.commitTransaction();
    } catch (error) {
      await queryRunner.rollbackTransaction();
      throw error;
    }
  } finally {
    await queryRunner.query('PRAGMA foreign_keys = ON');
    if (wasInTransaction) await queryRunner.startTransaction();
  }
}

export class PoolLifecycleColumns1764600000000 implements MigrationInterface {
  name = 'PoolLifecycleColumns1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    const apply = async () => {
      await queryRunner.addColumns(TABLE, columns(mysql));
      await queryRunner.createForeignKeys(TABLE, foreignKeys());
      await queryRunner.createIndex(TABLE, new TableIndex({ name: IX_ADJUSTMENT, columnNames: ['adjustmentOfId'] }));
      await backfillFromAudit(queryRunner);
    };
    if (mysql) await apply();
    else await withoutSqliteForeignKeys(queryRunner, apply);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    const revert = async () => {
      for (const fk of foreignKeys()) await queryRunner.dropForeignKey(TABLE, fk.name as string);
      await queryRunner.dropIndex(TABLE, IX_ADJUSTMENT);
      await queryRunner.dropColumns(
        TABLE,
        columns(mysql).map((c) => c.name),
      );
    };
    if (mysql) await revert();
    else await withoutSqliteForeignKeys(queryRunner, revert);
  }
}
