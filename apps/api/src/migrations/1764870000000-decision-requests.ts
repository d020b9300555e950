// Decision requests (issue #14): a request for an LTC decision on a project, and the people it is routed to (the
// inbox reads them by person). At most one request per project and decision point is pending: `pendingKey` holds
// "<projectId>:<decisionPoint>" while it is, null after, under a unique index (NULLs do not clash on either database).
import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { exactCollation } from './1764820000000-exact-keys';

const REQUESTS = 'decision_requests';
const RECIPIENTS = 'decision_request_recipients';

export class DecisionRequests1764870000000 implements MigrationInterface {
  name = 'DecisionRequests1764870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.driver.options.type === 'mysql';
    const exact = mysql ? await exactCollation(queryRunner) : null;
    const instant = (name: string, nullable = false): TableColumnOptions =>
      mysql
        ? { name, type: 'datetime', precision: 3, isNullable: nullable }
        : { name, type: 'datetime', isNullable: nullable };
    const key = (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
      ...(exact ? { charset: 'utf8mb4', collation: exact } : {}),
    });
    const json = (name: string): TableColumnOptions => ({ name, type: mysql ? 'longtext' : 'text', isNullable: false });
    const base: TableColumnOptions[] = [
      { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
      { name: 'version', type: 'integer', isNullable: false, default: 1 },
      instant('createdAt'),
      instant('updatedAt'),
    ];
    await queryRunner.createTable(
      new Table({
        name: REQUESTS,
        columns: [
          ...base,
          { name: 'projectId', type: 'integer', isNullable: false },
          { name: 'decisionPoint', type: 'varchar', length: '16', isNullable: false },
          { name: 'status', type: 'varchar', length: '16', isNullable: false },
          key('pendingKey', 64, true),
          { name: 'amountMinor', type: 'bigint', isNullable: false },
          { name: 'currency', type: 'varchar', length: '3', isNullable: false },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'requesterId', type: 'integer', isNullable: true },
          key('requestedBy', 64),
          instant('requestedAt'),
          instant('dueAt'),
          { name: 'escalationLevel', type: 'integer', isNullable: false, default: 0 },
          { name: 'levelScopeOrgUnitId', type: 'integer', isNullable: false },
          { name: 'escalationExhausted', type: 'boolean', isNullable: false, default: 0 },
          json('escalationLog'),
          json('calledSeats'),
          json('voteLog'),
          { name: 'decisionId', type: 'integer', isNullable: true },
          instant('closedAt', true),
          { name: 'closedById', type: 'integer', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['projectId'], referencedTableName: 'projects', referencedColumnNames: ['id'] },
          { columnNames: ['requesterId'], referencedTableName: 'people', referencedColumnNames: ['id'] },
          { columnNames: ['decisionId'], referencedTableName: 'decisions', referencedColumnNames: ['id'] },
        ],
        ...(mysql ? { engine: 'InnoDB' } : {}),
      }),
      true,
    );
    await queryRunner.createIndex(
      REQUESTS,
      new TableIndex({ name: 'uq_decision_requests_pendingKey', columnNames: ['pendingKey'], isUnique: true }),
    );
    await queryRunner.createIndex(
      REQUESTS,
      new TableIndex({ name: 'ix_decision_requests_status_dueAt', columnNames: ['status', 'dueAt'] }),
    );
    await queryRunner.createIndex(
      REQUESTS,
      new TableIndex({ name: 'ix_decision_requests_projectId', columnNames: ['projectId'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: RECIPIENTS,
        columns: [
          ...base,
          { name: 'requestId', type: 'integer', isNullable: false },
          { name: 'personId', type: 'integer', isNullable: false },
          { name: 'level', type: 'integer', isNullable: false, default: 0 },
          { name: 'via', type: 'varchar', length: '16', isNullable: false },
          json('seatTitles'),
          { name: 'scopeOrgUnitId', type: 'integer', isNullable: false },
          instant('actedAt', true),
        ],
        foreignKeys: [
          { columnNames: ['requestId'], referencedTableName: REQUESTS, referencedColumnNames: ['id'] },
          { columnNames: ['personId'], referencedTableName: 'people', referencedColumnNames: ['id'] },
        ],
        ...(mysql ? { engine: 'InnoDB' } : {}),
      }),
      true,
    );
    await queryRunner.createIndex(
      RECIPIENTS,
      new TableIndex({
        name: 'uq_decision_request_recipients_request_person',
        columnNames: ['requestId', 'personId'],
        isUnique: true,
      }),
    );
    await queryRunner.createIndex(
      RECIPIENTS,
      new TableIndex({ name: 'ix_decision_request_recipients_person', columnNames: ['personId', 'actedAt'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(RECIPIENTS, true, true, true);
    await queryRunner.dropTable(REQUESTS, true, true, true);
  }
}
