// Qualification framework versions. Every framework row is one version of a lineage: `lineageId` is the id of the
// lineage's first version (its own id for a first version), `versionNo` counts 1, 2, … within the lineage (unique
// together), `previousVersionId` names the version a draft was copied from. Existing frameworks become version 1 of
// a lineage of their own.
import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { withoutSqliteForeignKeys } from './1764600000000-pool-lifecycle-columns';

const TABLE = 'qualification_frameworks';
const UQ_LINEAGE = 'uq_qualification_frameworks_lineage';
const FK_PREVIOUS = 'fk_qualification_frameworks_previousVersionId';

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'mysql';

function columns(): TableColumn[] {
  return [
    new TableColumn({ name: 'versionNo', type: 'integer', isNullable: false, default: 1 }),
    new TableColumn({ name: 'lineageId', type: 'integer', isNullable: true }),
    new TableColumn({ name: 'previousVersionId', type: 'integer', isNullable: true }),
  ];
}

function previousVersionKey(): TableForeignKey {
  return new TableForeignKey({
    name: FK_PREVIOUS,
    columnNames: ['previousVersionId'],
    referencedTableName: TABLE,
    referencedColumnNames: ['id'],
    onDelete: 'RESTRICT',
  });
}

export class FrameworkVersions1764850000000 implements MigrationInterface {
  name = 'FrameworkVersions1764850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const apply = async () => {
      await queryRunner.addColumns(TABLE, columns());
      await queryRunner.query(`UPDATE ${TABLE} SET lineageId = id`);
      await queryRunner.createIndex(
        TABLE,
        new TableIndex({ name: UQ_LINEAGE, columnNames: ['lineageId', 'versionNo'], isUnique: true }),
      );
      await queryRunner.createForeignKey(TABLE, previousVersionKey());
    };
    if (isMysql(queryRunner)) await apply();
    else await withoutSqliteForeignKeys(queryRunner, apply);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const revert = async () => {
      await queryRunner.dropForeignKey(TABLE, FK_PREVIOUS);
      await queryRunner.dropIndex(TABLE, UQ_LINEAGE);
      await queryRunner.dropColumns(
        TABLE,
        columns().map((c) => c.name),
      );
    };
    if (isMysql(queryRunner)) await revert();
    else await withoutSqliteForeignKeys(queryRunner, revert);
  }
}
