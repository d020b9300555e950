// The answers kept for mutations sent with an `Idempotency-Key` header (src/platform/idempotency.ts): one row per
// caller and key, shared by every API process; kept 24 h.
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { exactCollation } from './1764820000000-exact-keys';

const TABLE = 'idempotency_requests';

export class IdempotencyRequests1764820000001 implements MigrationInterface {
  name = 'IdempotencyRequests1764820000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.driver.options.type === 'mysql';
    const exact = mysql ? await exactCollation(queryRunner) : null;
    const key = (name: string, length: number): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: false,
      ...(exact ? { charset: 'utf8mb4', collation: exact } : {}),
    });
    // Moments as epoch milliseconds (BIGINT): compared and computed in code, the same on both databases.
    const instant = (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: 'bigint',
      isNullable: nullable,
    });
    await queryRunner.createTable(
      new Table({
        name: TABLE,
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          // "user:<id>" or "token:<id>": keys belong to the caller.
          key('owner', 64),
          key('idempotencyKey', 200),
          // SHA-256 (hex) of the operation and its variables: the same key with another payload is refused.
          key('fingerprint', 64),
          // The attempt that runs (or ran) the request; a finished or abandoned attempt changes nothing after another
          // took over.
          key('attempt', 36),
          { name: 'state', type: 'varchar', length: '16', isNullable: false },
          // A RUNNING attempt whose lease has passed was abandoned (its process died) and may be taken over.
          instant('leaseUntil'),
          // Set in the mutation's own transaction when it commits: then the request must never run again.
          instant('committedAt', true),
          { name: 'status', type: 'integer', isNullable: true },
          { name: 'body', type: mysql ? 'longtext' : 'text', isNullable: true },
          instant('createdAt'),
          instant('expiresAt'),
        ],
        ...(mysql ? { engine: 'InnoDB' } : {}),
      }),
      true,
    );
    await queryRunner.createIndex(
      TABLE,
      new TableIndex({
        name: 'uq_idempotency_requests_owner_key',
        columnNames: ['owner', 'idempotencyKey'],
        isUnique: true,
      }),
    );
    await queryRunner.createIndex(
      TABLE,
      new TableIndex({ name: 'ix_idempotency_requests_expiresAt', columnNames: ['expiresAt'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(TABLE, true, true, true);
  }
}
