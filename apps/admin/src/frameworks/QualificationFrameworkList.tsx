import { DataTable, List, SelectInput } from 'react-admin';
import { EnumField, enumChoices } from '../components/fields';
import { ExportListActions } from '../export';

const filters = [
  <SelectInput key="role" source="role" choices={enumChoices('TriangleRole', ['AR', 'SR', 'FR'])} alwaysOn />,
];

export function QualificationFrameworkList() {
  return (
    <List actions={<ExportListActions />} filters={filters}>
      <DataTable rowClick="show">
        <DataTable.Col source="name" />
        <DataTable.Col source="versionNo" />
        <DataTable.Col source="role">
          <EnumField source="role" enumName="TriangleRole" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" enumName="VersionStatus" />
        </DataTable.Col>
        <DataTable.Col source="validityMonths" />
      </DataTable>
    </List>
  );
}
