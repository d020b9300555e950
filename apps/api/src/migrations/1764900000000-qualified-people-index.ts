// The index talent search (qualifiedPeople) reads its candidates by: certifying assessments of a role that reached a
// level or above. Without it, every search reads every assessment.
import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

export const QUALIFIED_PEOPLE_INDEX = {
  table: 'assessments',
  name: 'ix_assessments_role_certifies_level',
  columns: ['role', 'certifies', 'levelReached'],
} as const;

export class QualifiedPeopleIndex1764900000000 implements MigrationInterface {
  name = 'QualifiedPeopleIndex1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const { table, name, columns } = QUALIFIED_PEOPLE_INDEX;
    await queryRunner.createIndex(table, new TableIndex({ name, columnNames: [...columns] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex(QUALIFIED_PEOPLE_INDEX.table, QUALIFIED_PEOPLE_INDEX.name);
  }
}
