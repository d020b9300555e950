import { DataTable, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField, usePluralName } from '../components/fields';

export function OrgUnitShow() {
  const plural = usePluralName();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <EnumField source="kind" enumName="OrgUnitKind" />
        <ReferenceField source="parentId" reference="OrgUnit" link="show" />
        <ReferenceManyField reference="Person" target="orgUnitId" label={plural('Person')}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="employeeNo" />
            <DataTable.Col source="name" />
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
