import { AutocompleteInput, email, ReferenceInput, required, TextInput } from 'react-admin';
import { InstantInput } from '../components/InstantInput';

export function PersonInputs() {
  return (
    <>
      <TextInput source="employeeNo" validate={required()} />
      <TextInput source="name" validate={required()} />
      <TextInput source="latinName" />
      <TextInput source="email" type="email" validate={email()} />
      <TextInput source="phone" />
      <InstantInput source="hiredAt" />
      <ReferenceInput source="orgUnitId" reference="OrgUnit">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
    </>
  );
}
