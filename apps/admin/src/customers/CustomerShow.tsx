import { useRecordContext, ReferenceField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { EnumField } from '../components/fields';
import { PowerMap } from '../powerMap/PowerMap';

function CustomerPowerMap() {
  const record = useRecordContext();
  return record ? <PowerMap customerId={String(record.id)} /> : null;
}

/** A customer read-only, with its power map and relationship plan. */
export function CustomerShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <TextField source="name" />
          <EnumField source="tier" enumName="CustomerTier" />
          <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" />
          <TextField source="code" emptyText="—" />
          <TextField source="industry" emptyText="—" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="sales.map.title" path="map">
          <CustomerPowerMap />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
