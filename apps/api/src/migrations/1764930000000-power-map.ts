// The customer's power map (issue #17): stakeholders (a tree per customer, optionally of one opportunity), their
// attitude history (append-only), the relationship plan's actions, and the company setting that makes ATI need a
// decision maker on the opportunity's map (on by default).
import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

const STAKEHOLDERS = 'stakeholders';
const ATTITUDES = 'stakeholder_attitudes';
const ACTIONS = 'relationship_plan_actions';
const SETTINGS = 'company_settings';

export class PowerMap1764930000000 implements MigrationInterface {
  name = 'PowerMap1764930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.driver.options.type === 'mysql';
    const instant = (name: string, nullable: boolean) =>
      mysql
        ? { name, type: 'datetime', precision: 3, isNullable: nullable }
        : { name, type: 'datetime', isNullable: nullable };
    const record = [
      { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const },
      { name: 'version', type: 'integer', isNullable: false, default: 1 },
      instant('createdAt', false),
      instant('updatedAt', false),
    ];
    const engine = mysql ? { engine: 'InnoDB' } : {};
    await queryRunner.createTable(
      new Table({
        name: STAKEHOLDERS,
        columns: [
          ...record,
          { name: 'customerId', type: 'integer', isNullable: false },
          { name: 'opportunityId', type: 'integer', isNullable: true },
          { name: 'name', type: 'varchar', length: '200', isNullable: false },
          { name: 'title', type: 'varchar', length: '200', isNullable: true },
          { name: 'reportsToId', type: 'integer', isNullable: true },
          { name: 'decisionRole', type: 'varchar', length: '16', isNullable: false },
          { name: 'influence', type: 'varchar', length: '8', isNullable: false },
          { name: 'relationshipOwnerId', type: 'integer', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['customerId'], referencedTableName: 'customers', referencedColumnNames: ['id'] },
          { columnNames: ['reportsToId'], referencedTableName: STAKEHOLDERS, referencedColumnNames: ['id'] },
          { columnNames: ['relationshipOwnerId'], referencedTableName: 'people', referencedColumnNames: ['id'] },
        ],
        indices: [
          new TableIndex({ name: 'ix_stakeholders_customer', columnNames: ['customerId'] }),
          new TableIndex({ name: 'ix_stakeholders_opportunity', columnNames: ['opportunityId'] }),
          new TableIndex({ name: 'ix_stakeholders_owner', columnNames: ['relationshipOwnerId'] }),
        ],
        ...engine,
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: ATTITUDES,
        columns: [
          ...record,
          { name: 'stakeholderId', type: 'integer', isNullable: false },
          { name: 'attitude', type: 'integer', isNullable: false },
          instant('at', false),
          { name: 'recordedById', type: 'integer', isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['stakeholderId'], referencedTableName: STAKEHOLDERS, referencedColumnNames: ['id'] },
          { columnNames: ['recordedById'], referencedTableName: 'people', referencedColumnNames: ['id'] },
        ],
        indices: [
          new TableIndex({ name: 'ix_stakeholder_attitudes_stakeholder', columnNames: ['stakeholderId', 'at'] }),
        ],
        ...engine,
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: ACTIONS,
        columns: [
          ...record,
          { name: 'customerId', type: 'integer', isNullable: false },
          { name: 'opportunityId', type: 'integer', isNullable: true },
          { name: 'stakeholderId', type: 'integer', isNullable: true },
          { name: 'action', type: 'varchar', length: '500', isNullable: false },
          { name: 'ownerId', type: 'integer', isNullable: false },
          instant('dueDate', false),
          instant('doneAt', true),
          { name: 'note', type: 'text', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['customerId'], referencedTableName: 'customers', referencedColumnNames: ['id'] },
          { columnNames: ['stakeholderId'], referencedTableName: STAKEHOLDERS, referencedColumnNames: ['id'] },
          { columnNames: ['ownerId'], referencedTableName: 'people', referencedColumnNames: ['id'] },
        ],
        indices: [
          new TableIndex({ name: 'ix_relationship_plan_actions_customer', columnNames: ['customerId', 'dueDate'] }),
          new TableIndex({ name: 'ix_relationship_plan_actions_owner', columnNames: ['ownerId', 'dueDate'] }),
          new TableIndex({ name: 'ix_relationship_plan_actions_stakeholder', columnNames: ['stakeholderId'] }),
        ],
        ...engine,
      }),
      true,
    );
    await queryRunner.addColumn(
      SETTINGS,
      new TableColumn({ name: 'requireDecisionMakerForAti', type: 'boolean', isNullable: false, default: 1 }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn(SETTINGS, 'requireDecisionMakerForAti');
    await queryRunner.dropTable(ACTIONS, true, true, true);
    await queryRunner.dropTable(ATTITUDES, true, true, true);
    await queryRunner.dropTable(STAKEHOLDERS, true, true, true);
  }
}
