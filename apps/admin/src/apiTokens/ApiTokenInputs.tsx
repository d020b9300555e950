import { AutocompleteInput, DateTimeInput, ReferenceInput, required, TextInput } from 'react-admin';

export function ApiTokenInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <ReferenceInput source="userId" reference="User"><AutocompleteInput optionText="email" validate={required()} /></ReferenceInput>
      <DateTimeInput source="expiresAt" />
    </>
  );
}
