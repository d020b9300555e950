import { AutocompleteInput, DateTimeInput, email, ReferenceInput, required, TextInput } from 'react-admin';

export function PersonInputs() {
  return (
    <>
      <TextInput source="employeeNo" validate={required()} />
      <TextInput source="name" validate={required()} />
      <TextInput source="email" type="email" validate={email()} />
      <TextInput source="phone" />
      <DateTimeInput source="hiredAt" />
      <ReferenceInput source="orgUnitId" reference="OrgUnit">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
    </>
  );
}
