import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { CUSTOMER_TIERS } from '../providers/types';

export function CustomerInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <SelectInput source="tier" choices={enumChoices('CustomerTier', CUSTOMER_TIERS)} validate={required()} />
      <ReferenceInput source="orgUnitId" reference="OrgUnit">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <TextInput source="code" />
      <TextInput source="industry" />
    </>
  );
}
