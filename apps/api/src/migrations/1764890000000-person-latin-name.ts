// A person's name in Latin letters (e.g. the pinyin of a Chinese name), beside `name`: the portal shows it in English.
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { withoutSqliteForeignKeys } from './1764600000000-pool-lifecycle-columns';

const TABLE = 'people';

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'mysql';

export class PersonLatinName1764890000000 implements MigrationInterface {
  name = 'PersonLatinName1764890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // SQLite rebuilds the table to change its columns: the rows pointing at people would fail their keys meanwhile.
    const apply = () =>
      queryRunner.addColumn(
        TABLE,
        new TableColumn({ name: 'latinName', type: 'varchar', length: '200', isNullable: true }),
      );
    if (isMysql(queryRunner)) await apply();
    else await withoutSqliteForeignKeys(queryRunner, apply);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const revert = () => queryRunner.dropColumn(TABLE, 'latinName');
    if (isMysql(queryRunner)) await revert();
    else await withoutSqliteForeignKeys(queryRunner, revert);
  }
}
