// A person's name in Latin letters (e.g. the pinyin of a Chinese name), beside `name`: the portal shows it in English.
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

const TABLE = 'people';

export class PersonLatinName1764890000000 implements MigrationInterface {
  name = 'PersonLatinName1764890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      TABLE,
      new TableColumn({ name: 'latinName', type: 'varchar', length: '200', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn(TABLE, 'latinName');
  }
}
