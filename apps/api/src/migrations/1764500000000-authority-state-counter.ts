// A single-row change counter for the authority state: every write to an authority-relevant table bumps it in
// the same transaction, so each API process can tell with one cheap read whether its cached index is stale.
import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class AuthorityStateCounter1764500000000 implements MigrationInterface {
  name = 'AuthorityStateCounter1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'authority_state',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'changeCount', type: 'bigint', isNullable: false, default: 0 },
        ],
      }),
    );
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into('authority_state')
      .values({ id: 1, changeCount: 0 })
      .execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('authority_state');
  }
}
