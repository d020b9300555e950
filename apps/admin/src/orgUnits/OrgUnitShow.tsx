import { DataTable, ReferenceField, ReferenceManyField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { EnumField, usePluralName } from '../components/fields';
import { HistoryTab } from '../history/HistoryTab';

export function OrgUnitShow() {
  const plural = usePluralName();
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
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
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
