import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField } from '../components/fields';

/** A customer read-only. */
export function CustomerShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <EnumField source="tier" enumName="CustomerTier" />
        <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" />
        <TextField source="code" emptyText="—" />
        <TextField source="industry" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
