import { BooleanInput, DataTable, List, SearchInput, SelectInput } from 'react-admin';
import { USER_ROLES } from '@iron-triangle/domain';
import { EnumField, enumChoices, LocaleDateField } from '../components/fields';
import { rowClickFor } from '../auth/rowClick';
import { ExportListActions } from '../export';
import { PersonReferenceField } from '../components/PersonReferenceField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={enumChoices('UserRole', USER_ROLES)} />,
  <BooleanInput key="a" source="includeArchived" />,
];

export function UserList() {
  return (
    <List actions={<ExportListActions />} filters={filters}>
      <DataTable rowClick={rowClickFor('User', { hasShow: false })}>
        <DataTable.Col source="email" />
        <DataTable.Col source="role">
          <EnumField source="role" enumName="UserRole" />
        </DataTable.Col>
        <DataTable.Col source="personId">
          <PersonReferenceField source="personId" link="show" />
        </DataTable.Col>
        <DataTable.Col source="lastLoginAt">
          <LocaleDateField source="lastLoginAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="archivedAt">
          <LocaleDateField source="archivedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
