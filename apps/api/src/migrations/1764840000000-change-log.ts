// The change log of the records the authority engine and project cases read (issue #12): one row per change, with a
// global, strictly increasing revision allocated under a lock held to commit (row 3 of authority_state), so the log
// is in commit order and has no gaps. Rows 1 and 2 of authority_state become revisions too: the last revision that
// changed the authority state (row 1) and the last that changed a project case (row 2). Existing rows get a
// baseline CREATE entry at start-up (platform/change-log/baseline.ts), which needs the entities, not this file.
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'mysql';

export class ChangeLog1764840000000 implements MigrationInterface {
  name = 'ChangeLog1764840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    const exact = mysql ? { charset: 'ascii', collation: 'ascii_bin' } : {};
    const date = { type: 'datetime', precision: 3 } as const;
    await queryRunner.createTable(
      new Table({
        name: 'authority_changes',
        columns: [
          { name: 'revision', type: 'bigint', isPrimary: true },
          { name: 'recordType', type: 'varchar', length: '40', isNullable: false, ...exact },
          { name: 'recordId', type: 'integer', isNullable: false },
          { name: 'recordVersion', type: 'integer', isNullable: false },
          { name: 'operation', type: 'varchar', length: '10', isNullable: false, ...exact },
          { name: 'effectiveFrom', ...date, isNullable: true },
          { name: 'recordedAt', ...date, isNullable: false },
          { name: 'actorKind', type: 'varchar', length: '12', isNullable: false },
          { name: 'actorId', type: 'integer', isNullable: true },
          { name: 'actorLabel', type: 'varchar', length: '255', isNullable: true },
          { name: 'correction', type: 'boolean', isNullable: false, default: false },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'before', type: mysql ? 'longtext' : 'text', isNullable: true },
          { name: 'after', type: mysql ? 'longtext' : 'text', isNullable: true },
          { name: 'requestId', type: 'varchar', length: '64', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'authority_changes',
      new TableIndex({ name: 'IDX_changes_record', columnNames: ['recordType', 'recordId', 'revision'] }),
    );
    await queryRunner.createIndex(
      'authority_changes',
      new TableIndex({ name: 'IDX_changes_recorded', columnNames: ['recordedAt'] }),
    );
    await queryRunner.createIndex(
      'authority_changes',
      new TableIndex({ name: 'IDX_changes_effective', columnNames: ['effectiveFrom'] }),
    );
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into('authority_state')
      .values({ id: 3, changeCount: 0 })
      .execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.manager.createQueryBuilder().delete().from('authority_state').where('id = 3').execute();
    await queryRunner.dropTable('authority_changes');
  }
}
