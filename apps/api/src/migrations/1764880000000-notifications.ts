// Notifications (in-app, with their e-mail's delivery state): one row per recipient, a unique dedupe key (compared
// exactly) so that a reminder sweep run twice notifies nobody twice.
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { exactCollation } from './1764820000000-exact-keys';

const TABLE = 'notifications';

export class Notifications1764880000000 implements MigrationInterface {
  name = 'Notifications1764880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.driver.options.type === 'mysql';
    const exact = mysql ? await exactCollation(queryRunner) : null;
    const instant = (name: string, nullable: boolean) =>
      mysql
        ? { name, type: 'datetime', precision: 3, isNullable: nullable }
        : { name, type: 'datetime', isNullable: nullable };
    await queryRunner.createTable(
      new Table({
        name: TABLE,
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'recipientUserId', type: 'integer', isNullable: true },
          { name: 'recipientPersonId', type: 'integer', isNullable: true },
          { name: 'kind', type: 'varchar', length: '32', isNullable: false },
          { name: 'payload', type: mysql ? 'longtext' : 'text', isNullable: false },
          { name: 'targetType', type: 'varchar', length: '64', isNullable: true },
          { name: 'targetId', type: 'varchar', length: '64', isNullable: true },
          {
            name: 'dedupeKey',
            type: 'varchar',
            length: '200',
            isNullable: false,
            ...(exact ? { charset: 'utf8mb4', collation: exact } : {}),
          },
          instant('createdAt', false),
          instant('readAt', true),
          { name: 'mailTo', type: 'varchar', length: '200', isNullable: true },
          { name: 'mailState', type: 'varchar', length: '16', isNullable: false },
          { name: 'mailAttempts', type: 'integer', isNullable: false, default: 0 },
          instant('mailNextAttemptAt', true),
          instant('mailSentAt', true),
          { name: 'mailLastError', type: 'text', isNullable: true },
        ],
        ...(mysql ? { engine: 'InnoDB' } : {}),
      }),
      true,
    );
    await queryRunner.createIndex(
      TABLE,
      new TableIndex({ name: 'uq_notifications_dedupeKey', columnNames: ['dedupeKey'], isUnique: true }),
    );
    await queryRunner.createIndex(
      TABLE,
      new TableIndex({ name: 'ix_notifications_user', columnNames: ['recipientUserId', 'createdAt'] }),
    );
    await queryRunner.createIndex(
      TABLE,
      new TableIndex({ name: 'ix_notifications_person', columnNames: ['recipientPersonId', 'createdAt'] }),
    );
    await queryRunner.createIndex(
      TABLE,
      new TableIndex({ name: 'ix_notifications_mail', columnNames: ['mailState', 'mailNextAttemptAt'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(TABLE, true, true, true);
  }
}
