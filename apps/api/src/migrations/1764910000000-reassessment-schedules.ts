// Re-assessments scheduled for certifications about to end (issue #15): the person, the role, the certifying
// assessment, the due date, the assessor (optional), the status (SCHEDULED, DONE, CANCELLED).
import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const TABLE = 'reassessment_schedules';

export class ReassessmentSchedules1764910000000 implements MigrationInterface {
  name = 'ReassessmentSchedules1764910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.driver.options.type === 'mysql';
    const instant = (name: string, nullable: boolean) =>
      mysql
        ? { name, type: 'datetime', precision: 3, isNullable: nullable }
        : { name, type: 'datetime', isNullable: nullable };
    await queryRunner.createTable(
      new Table({
        name: TABLE,
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'version', type: 'integer', isNullable: false, default: 1 },
          instant('createdAt', false),
          instant('updatedAt', false),
          { name: 'personId', type: 'integer', isNullable: false },
          { name: 'role', type: 'varchar', length: '16', isNullable: false },
          { name: 'assessmentId', type: 'integer', isNullable: false },
          instant('validUntil', false),
          instant('dueAt', false),
          { name: 'assessorId', type: 'integer', isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'status', type: 'varchar', length: '16', isNullable: false },
          { name: 'doneAssessmentId', type: 'integer', isNullable: true },
          instant('closedAt', true),
        ],
        foreignKeys: [
          { columnNames: ['personId'], referencedTableName: 'people', referencedColumnNames: ['id'] },
          { columnNames: ['assessmentId'], referencedTableName: 'assessments', referencedColumnNames: ['id'] },
          { columnNames: ['assessorId'], referencedTableName: 'people', referencedColumnNames: ['id'] },
        ],
        ...(mysql ? { engine: 'InnoDB' } : {}),
      }),
      true,
    );
    await queryRunner.createIndex(
      TABLE,
      new TableIndex({
        name: 'ix_reassessment_schedules_person_role',
        columnNames: ['personId', 'role', 'status'],
      }),
    );
    await queryRunner.createIndex(
      TABLE,
      new TableIndex({ name: 'ix_reassessment_schedules_assessment', columnNames: ['assessmentId', 'status'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(TABLE, true, true, true);
  }
}
