import {
  AutocompleteInput,
  email,
  minLength,
  PasswordInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { USER_ROLES } from '@iron-triangle/domain';
import { enumChoices } from '../components/fields';

export function UserInputs({ creating = false }: { creating?: boolean }) {
  return (
    <>
      <TextInput source="email" validate={[required(), email()]} />
      <SelectInput source="role" choices={enumChoices('UserRole', USER_ROLES)} validate={required()} />
      <ReferenceInput source="personId" reference="Person">
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <PasswordInput source="password" validate={creating ? [required(), minLength(8)] : minLength(8)} />
    </>
  );
}
