import { email, minLength, PasswordInput, required, SelectInput, TextInput } from 'react-admin';
import { USER_ROLES } from '@iron-triangle/domain';
import { enumChoices } from '../components/fields';
import { PersonInput } from '../components/names';

export function UserInputs({ creating = false }: { creating?: boolean }) {
  return (
    <>
      <TextInput source="email" validate={[required(), email()]} />
      <SelectInput source="role" choices={enumChoices('UserRole', USER_ROLES)} validate={required()} />
      <PersonInput source="personId" />
      <PasswordInput source="password" validate={creating ? [required(), minLength(8)] : minLength(8)} />
    </>
  );
}
