import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';

export function CustomerInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <SelectInput source="tier" choices={enumChoices('CustomerTier', ['S', 'A', 'B', 'C'])} validate={required()} />
      <ReferenceInput source="orgUnitId" reference="OrgUnit">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <TextInput source="code" />
      <TextInput source="industry" />
    </>
  );
}
