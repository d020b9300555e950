import { DataTable, List, ReferenceField } from 'react-admin';
import { EnumField, LocaleDateField } from '../components/fields';
import { rowClickFor } from '../auth/rowClick';
import { ExportListActions } from '../export';

export function StaffingRuleList() {
  return (
    <List actions={<ExportListActions />} sort={{ field: 'grade', order: 'ASC' }}>
      <DataTable rowClick={rowClickFor('StaffingRule')}>
        <DataTable.Col source="grade">
          <EnumField source="grade" enumName="ProjectGrade" />
        </DataTable.Col>
        <DataTable.Col source="role">
          <EnumField source="role" enumName="TriangleRole" />
        </DataTable.Col>
        <DataTable.Col source="minLevel">
          <EnumField source="minLevel" enumName="Level" />
        </DataTable.Col>
        <DataTable.Col source="orgUnitId">
          <ReferenceField source="orgUnitId" reference="OrgUnit" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="validFrom">
          <LocaleDateField source="validFrom" />
        </DataTable.Col>
        <DataTable.Col source="validTo">
          <LocaleDateField source="validTo" emptyKey="app.open_ended" />
        </DataTable.Col>
        <DataTable.Col source="note" />
      </DataTable>
    </List>
  );
}
