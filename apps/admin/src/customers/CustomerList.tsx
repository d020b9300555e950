import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
} from 'react-admin';
import { EnumField, enumChoices } from '../components/fields';
import { CUSTOMER_TIERS } from '../providers/types';
import { rowClickFor } from '../auth/rowClick';
import { ExportListActions } from '../export';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="tier" source="tier" choices={enumChoices('CustomerTier', CUSTOMER_TIERS)} />,
  <ReferenceInput key="org" source="orgUnitId" reference="OrgUnit">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
];

export function CustomerList() {
  return (
    <List actions={<ExportListActions />} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick={rowClickFor('Customer')}>
        <DataTable.Col source="name" />
        <DataTable.Col source="tier">
          <EnumField source="tier" enumName="CustomerTier" />
        </DataTable.Col>
        <DataTable.Col source="orgUnitId">
          <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" />
        </DataTable.Col>
        <DataTable.Col source="code" />
        <DataTable.Col source="industry" />
      </DataTable>
    </List>
  );
}
