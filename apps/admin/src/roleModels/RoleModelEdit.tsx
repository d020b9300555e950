import { Edit, SimpleForm } from 'react-admin';
import { RoleModelInputs } from './RoleModelInputs';

export function RoleModelEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <RoleModelInputs />
      </SimpleForm>
    </Edit>
  );
}
