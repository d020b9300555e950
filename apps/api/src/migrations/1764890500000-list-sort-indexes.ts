// Indexes for the orders the portal's lists open with (projects and customers by name, decisions newest first,
// delegations by start, people active first by employee number): a first page is read in index order instead of
// sorting the whole table.
import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

export const LIST_SORT_INDEXES: ReadonlyArray<{ table: string; name: string; columns: string[] }> = [
  { table: 'projects', name: 'ix_projects_name', columns: ['name'] },
  { table: 'customers', name: 'ix_customers_name', columns: ['name'] },
  { table: 'decisions', name: 'ix_decisions_decidedAt', columns: ['decidedAt'] },
  { table: 'delegations', name: 'ix_delegations_validFrom', columns: ['validFrom'] },
  { table: 'people', name: 'ix_people_archivedAt_employeeNo', columns: ['archivedAt', 'employeeNo'] },
];

export class ListSortIndexes1764890500000 implements MigrationInterface {
  name = 'ListSortIndexes1764890500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of LIST_SORT_INDEXES) {
      await queryRunner.createIndex(index.table, new TableIndex({ name: index.name, columnNames: index.columns }));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [...LIST_SORT_INDEXES].reverse()) await queryRunner.dropIndex(index.table, index.name);
  }
}
