import { required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';

export function RoleModelInputs() {
  return (
    <>
      <SelectInput source="role" choices={enumChoices('TriangleRole', ['AR', 'SR', 'FR'])} validate={required()} />
      <TextInput source="name" validate={required()} />
      <TextInput source="nameZh" validate={required()} />
      <TextInput source="description" multiline fullWidth />
    </>
  );
}
