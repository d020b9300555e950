// The front of LTC (issue #17): leads with their nurture actions, opportunities, and the link from a project to the
// opportunity it was made from (projects.opportunityId, nullable). Leads and opportunities point at each other
// (leads.opportunityId, opportunities.leadId): only the opportunity's pointer is a foreign key (a lead exists
// first), as a project's pointer to its opportunity is not one (projects are created from opportunities, and the
// opportunity then records the project).
import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions, TableIndex } from 'typeorm';
import { withoutSqliteForeignKeys } from './1764600000000-pool-lifecycle-columns';

type Col = TableColumnOptions;

const isMysql = (queryRunner: QueryRunner) => queryRunner.connection.driver.options.type === 'mysql';

const idCol = (): Col => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});
const ref = (name: string, nullable = false): Col => ({ name, type: 'integer', isNullable: nullable });
const str = (name: string, length: number, nullable = false): Col => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const text = (name: string): Col => ({ name, type: 'text', isNullable: true });
const bool = (name: string): Col => ({ name, type: 'boolean', isNullable: false, default: 0 });
const money = (name: string, nullable = false): Col => ({ name, type: 'bigint', isNullable: nullable });

export class SalesLeads1764920000000 implements MigrationInterface {
  name = 'SalesLeads1764920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    const date = (name: string, nullable = false): Col =>
      mysql
        ? { name, type: 'datetime', precision: 3, isNullable: nullable }
        : { name, type: 'datetime', isNullable: nullable };
    const json = (name: string): Col => ({ name, type: mysql ? 'longtext' : 'text', isNullable: false });
    const base = (): Col[] => [
      idCol(),
      { name: 'version', type: 'integer', isNullable: false, default: 1 },
      date('createdAt'),
      date('updatedAt'),
    ];
    const engine = mysql ? { engine: 'InnoDB' } : {};
    const fk = (column: string, table: string) => ({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
    });

    await queryRunner.createTable(
      new Table({
        name: 'leads',
        columns: [
          ...base(),
          str('title', 200),
          str('source', 100),
          ref('customerId'),
          ref('orgUnitId'),
          text('need'),
          ref('ownerId'),
          ref('foundById'),
          ref('verifiedById', true),
          date('verifiedAt', true),
          bool('clearNeed'),
          bool('decisionMakerKnown'),
          bool('investmentPlan'),
          date('expectedDate', true),
          str('leadClass', 16),
          json('classReasons'),
          json('classMissing'),
          money('expectedAmountMinor', true),
          str('currency', 3),
          bool('strategicIndustryBreakthrough'),
          bool('majorProductDirectionImpact'),
          bool('majorBusinessModelImpact'),
          bool('marketBreakthrough'),
          str('grade', 16),
          json('gradeReasons'),
          money('budgetMinor', true),
          date('startTime', true),
          bool('fittingSolution'),
          str('status', 16),
          ref('opportunityId', true),
          text('dropReason'),
          date('droppedAt', true),
        ],
        foreignKeys: [
          fk('customerId', 'customers'),
          fk('orgUnitId', 'org_units'),
          fk('ownerId', 'people'),
          fk('foundById', 'people'),
          fk('verifiedById', 'people'),
        ],
        ...engine,
      }),
      true,
    );
    await queryRunner.createIndex('leads', new TableIndex({ name: 'ix_leads_org_unit', columnNames: ['orgUnitId'] }));
    await queryRunner.createIndex('leads', new TableIndex({ name: 'ix_leads_customer', columnNames: ['customerId'] }));

    await queryRunner.createTable(
      new Table({
        name: 'lead_nurture_actions',
        columns: [
          ...base(),
          ref('leadId'),
          str('action', 500),
          date('dueDate'),
          date('doneAt', true),
          ref('ownerId'),
          text('note'),
        ],
        foreignKeys: [fk('leadId', 'leads'), fk('ownerId', 'people')],
        ...engine,
      }),
      true,
    );
    await queryRunner.createIndex(
      'lead_nurture_actions',
      new TableIndex({ name: 'ix_lead_nurture_actions_lead', columnNames: ['leadId'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'opportunities',
        columns: [
          ...base(),
          str('name', 200),
          ref('leadId', true),
          ref('customerId'),
          ref('orgUnitId'),
          ref('ownerId'),
          str('stage', 16),
          json('stageHistory'),
          money('expectedAmountMinor'),
          str('currency', 3),
          date('closeDate'),
          { name: 'probability', type: 'integer', isNullable: true },
          str('grade', 16),
          ref('projectId', true),
        ],
        foreignKeys: [
          fk('leadId', 'leads'),
          fk('customerId', 'customers'),
          fk('orgUnitId', 'org_units'),
          fk('ownerId', 'people'),
        ],
        ...engine,
      }),
      true,
    );
    await queryRunner.createIndex(
      'opportunities',
      new TableIndex({ name: 'ix_opportunities_org_unit', columnNames: ['orgUnitId'] }),
    );
    await queryRunner.createIndex(
      'opportunities',
      new TableIndex({ name: 'ix_opportunities_customer', columnNames: ['customerId'] }),
    );

    // SQLite rebuilds the table to add a column: the rows pointing at projects would fail their keys meanwhile.
    const addProjectColumn = () =>
      queryRunner.addColumn('projects', new TableColumn({ name: 'opportunityId', type: 'integer', isNullable: true }));
    if (mysql) await addProjectColumn();
    else await withoutSqliteForeignKeys(queryRunner, addProjectColumn);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const dropProjectColumn = () => queryRunner.dropColumn('projects', 'opportunityId');
    if (isMysql(queryRunner)) await dropProjectColumn();
    else await withoutSqliteForeignKeys(queryRunner, dropProjectColumn);
    await queryRunner.dropTable('opportunities', true, true, true);
    await queryRunner.dropTable('lead_nurture_actions', true, true, true);
    await queryRunner.dropTable('leads', true, true, true);
  }
}
