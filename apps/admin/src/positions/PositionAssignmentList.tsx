import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput } from 'react-admin';
import { EnumField, LocaleDateField } from '../components/fields';
import { PersonInput } from '../components/names';
import { rowClickFor } from '../auth/rowClick';
import { ExportListActions } from '../export';
import { PersonReferenceField } from '../components/PersonReferenceField';

const filters = [
  <PersonInput key="p" source="personId" alwaysOn />,
  <ReferenceInput key="o" source="orgUnitId" reference="OrgUnit">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
];

export function PositionAssignmentList() {
  return (
    <List actions={<ExportListActions />} filters={filters}>
      <DataTable rowClick={rowClickFor('PositionAssignment')}>
        <DataTable.Col source="personId">
          <PersonReferenceField source="personId" link="show" />
        </DataTable.Col>
        <DataTable.Col source="title">
          <EnumField source="title" enumName="PositionTitle" />
        </DataTable.Col>
        <DataTable.Col source="orgUnitId">
          <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" />
        </DataTable.Col>
        <DataTable.Col source="validFrom">
          <LocaleDateField source="validFrom" />
        </DataTable.Col>
        <DataTable.Col source="validTo">
          <LocaleDateField source="validTo" emptyKey="app.open_ended" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
