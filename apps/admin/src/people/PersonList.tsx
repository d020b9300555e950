import {
  AutocompleteInput,
  BooleanInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
} from 'react-admin';
import { ExportListActions } from '../export';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="org" source="orgUnitId" reference="OrgUnit">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <BooleanInput key="arch" source="includeArchived" />,
];

export function PersonList() {
  return (
    <List actions={<ExportListActions />} filters={filters} sort={{ field: 'employeeNo', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="employeeNo" />
        <DataTable.Col source="name" />
        <DataTable.Col source="latinName" />
        <DataTable.Col source="email" />
        <DataTable.Col source="orgUnitId">
          <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
