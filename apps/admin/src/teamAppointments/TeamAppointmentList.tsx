import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput } from 'react-admin';
import { EnumField, enumChoices, LocaleDateField } from '../components/fields';
import { TRIANGLE_ROLES } from '../providers/types';
import { InstantInput } from '../components/InstantInput';
import { PersonInput } from '../components/names';
import { rowClickFor } from '../auth/rowClick';
import { ExportListActions } from '../export';
import { PersonReferenceField } from '../components/PersonReferenceField';

const filters = [
  <ReferenceInput key="p" source="projectId" reference="Project" alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="r" source="role" choices={enumChoices('TriangleRole', TRIANGLE_ROLES)} />,
  <PersonInput key="person" source="personId" />,
  <InstantInput key="at" source="activeAt" />,
];

export function TeamAppointmentList() {
  return (
    <List actions={<ExportListActions />} filters={filters}>
      <DataTable rowClick={rowClickFor('TeamAppointment')}>
        <DataTable.Col source="projectId">
          <ReferenceField source="projectId" reference="Project" link="show" />
        </DataTable.Col>
        <DataTable.Col source="personId">
          <PersonReferenceField source="personId" link="show" />
        </DataTable.Col>
        <DataTable.Col source="role">
          <EnumField source="role" enumName="TriangleRole" />
        </DataTable.Col>
        <DataTable.Col source="stage">
          <EnumField source="stage" enumName="Stage" />
        </DataTable.Col>
        <DataTable.Col source="validFrom">
          <LocaleDateField source="validFrom" />
        </DataTable.Col>
        <DataTable.Col source="validTo">
          <LocaleDateField source="validTo" emptyKey="app.open_ended" />
        </DataTable.Col>
        <DataTable.Col source="qualificationLevel" />
        <DataTable.Col source="exceptionReason" />
      </DataTable>
    </List>
  );
}
