// The company settings (one row, seeded with the defaults) and what a decision was taken on: the project's amount,
// currency and grade at that moment (existing decisions take their project's), and when and why a material change
// reopened it.
import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { withoutSqliteForeignKeys } from './1764600000000-pool-lifecycle-columns';

const SETTINGS = 'company_settings';
const DECISIONS = 'decisions';

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'mysql';

/** The defaults the first row holds (the domain's DEFAULT_COMPANY_SETTINGS, written out: a migration never changes). */
const DEFAULTS = {
  materialChangeShare: '10',
  sponsorConflictOfInterest: false,
  decisionDueDays: '{"I":10,"II":5,"III":3}',
};

const TERMS = ['amountMinor', 'currency', 'grade'];

function decisionColumns(mysql: boolean, nullableTerms: boolean): TableColumn[] {
  const instant = mysql ? { type: 'datetime', precision: 3 } : { type: 'datetime' };
  return [
    new TableColumn({ name: 'amountMinor', type: 'bigint', isNullable: nullableTerms }),
    new TableColumn({ name: 'currency', type: 'varchar', length: '3', isNullable: nullableTerms }),
    new TableColumn({ name: 'grade', type: 'varchar', length: '3', isNullable: nullableTerms }),
    new TableColumn({ name: 'reopenedAt', ...instant, isNullable: true }),
    new TableColumn({ name: 'reopenedCauses', type: mysql ? 'longtext' : 'text', isNullable: true }),
  ];
}

/** Now as each database stores an instant: a Date for mysql2 (UTC session), UTC text for SQLite. */
function now(mysql: boolean): Date | string {
  const at = new Date();
  return mysql ? at : at.toISOString().replace('T', ' ').replace('Z', '');
}

export class CompanySettingsAndDecisionTerms1764860000000 implements MigrationInterface {
  name = 'CompanySettingsAndDecisionTerms1764860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    const instant = mysql ? { type: 'datetime', precision: 3 } : { type: 'datetime' };
    await queryRunner.createTable(
      new Table({
        name: SETTINGS,
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'version', type: 'integer', isNullable: false, default: 1 },
          { name: 'createdAt', ...instant, isNullable: false },
          { name: 'updatedAt', ...instant, isNullable: false },
          { name: 'materialChangeShare', type: 'varchar', length: '16', isNullable: false },
          { name: 'sponsorConflictOfInterest', type: 'boolean', isNullable: false, default: 0 },
          { name: 'decisionDueDays', type: mysql ? 'longtext' : 'text', isNullable: false },
        ],
      }),
    );
    const stamp = now(mysql);
    await queryRunner.query(
      `INSERT INTO ${SETTINGS} (id, version, createdAt, updatedAt, materialChangeShare, sponsorConflictOfInterest, ` +
        'decisionDueDays) VALUES (1, 1, ?, ?, ?, ?, ?)',
      [
        stamp,
        stamp,
        DEFAULTS.materialChangeShare,
        DEFAULTS.sponsorConflictOfInterest ? 1 : 0,
        DEFAULTS.decisionDueDays,
      ],
    );
    const apply = async () => {
      // Added open, filled from each decision's project, then closed: every decision has terms from now on.
      await queryRunner.addColumns(DECISIONS, decisionColumns(mysql, true));
      for (const column of TERMS)
        await queryRunner.query(
          `UPDATE ${DECISIONS} SET ${column} = ` +
            `(SELECT p.${column} FROM projects p WHERE p.id = ${DECISIONS}.projectId)`,
        );
      await queryRunner.changeColumns(
        DECISIONS,
        decisionColumns(mysql, true)
          .filter((c) => TERMS.includes(c.name))
          .map((c) => ({
            oldColumn: c,
            newColumn: decisionColumns(mysql, false).find((n) => n.name === c.name) as TableColumn,
          })),
      );
    };
    if (mysql) await apply();
    else await withoutSqliteForeignKeys(queryRunner, apply);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    const revert = async () => {
      await queryRunner.dropColumns(
        DECISIONS,
        decisionColumns(mysql, false).map((c) => c.name),
      );
    };
    if (mysql) await revert();
    else await withoutSqliteForeignKeys(queryRunner, revert);
    await queryRunner.dropTable(SETTINGS);
  }
}
