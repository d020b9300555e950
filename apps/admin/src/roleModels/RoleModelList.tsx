import { DataTable, List, SelectInput } from 'react-admin';
import { EnumField, enumChoices } from '../components/fields';
import { ExportListActions } from '../export';

const filters = [
  <SelectInput key="role" source="role" choices={enumChoices('TriangleRole', ['AR', 'SR', 'FR'])} alwaysOn />,
];

export function RoleModelList() {
  return (
    <List actions={<ExportListActions />} filters={filters} sort={{ field: 'role', order: 'ASC' }}>
      <DataTable rowClick="show">
        <DataTable.Col source="role">
          <EnumField source="role" enumName="TriangleRole" />
        </DataTable.Col>
        <DataTable.Col source="name" />
        <DataTable.Col source="nameZh" />
      </DataTable>
    </List>
  );
}
