import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
} from 'react-admin';
import { EnumField, enumChoices, MoneyField } from '../components/fields';
import { GRADES } from '../providers/types';
import { STAGES } from '../teamAppointments/TeamAppointmentInputs';
import { ExportListActions } from '../export';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="grade" source="grade" choices={enumChoices('ProjectGrade', GRADES)} />,
  <SelectInput key="stage" source="stage" choices={enumChoices('Stage', STAGES)} />,
  <ReferenceInput key="org" source="orgUnitId" reference="OrgUnit">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="cust" source="customerId" reference="Customer">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
];

export function ProjectList() {
  return (
    <List actions={<ExportListActions />} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick="show">
        <DataTable.Col source="name" />
        <DataTable.Col source="customerId">
          <ReferenceField source="customerId" reference="Customer" />
        </DataTable.Col>
        <DataTable.Col source="orgUnitId">
          <ReferenceField source="orgUnitId" reference="OrgUnit" />
        </DataTable.Col>
        <DataTable.Col source="stage">
          <EnumField source="stage" enumName="Stage" />
        </DataTable.Col>
        <DataTable.Col source="grade">
          <EnumField source="grade" enumName="ProjectGrade" />
        </DataTable.Col>
        <DataTable.Col source="amount" align="right">
          <MoneyField source="amount" />
        </DataTable.Col>
        <DataTable.Col source="externalRef" />
      </DataTable>
    </List>
  );
}
