// A second change counter (row 2 of authority_state) for the records a project case reads: projects and team
// appointments. Writes to them bump it in their own transaction (authority-change.subscriber.ts), so each API
// process can cache a project case with the authority counter and this one, read with the session on every request.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseStateCounter1764700000000 implements MigrationInterface {
  name = 'CaseStateCounter1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into('authority_state')
      .values({ id: 2, changeCount: 0 })
      .execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.manager.createQueryBuilder().delete().from('authority_state').where('id = 2').execute();
  }
}
