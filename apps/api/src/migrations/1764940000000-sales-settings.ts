// The sales policy as company settings (issue #17): the stage probabilities that weigh the funnel's forecasts and
// the size thresholds that grade leads and opportunities. Null keeps the defaults (the domain's constants).
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

const SETTINGS = 'company_settings';

export class SalesSettings1764940000000 implements MigrationInterface {
  name = 'SalesSettings1764940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns(SETTINGS, [
      new TableColumn({ name: 'stageProbabilities', type: 'text', isNullable: true }),
      new TableColumn({ name: 'leadSizeThresholds', type: 'text', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn(SETTINGS, 'leadSizeThresholds');
    await queryRunner.dropColumn(SETTINGS, 'stageProbabilities');
  }
}
