import { Edit, SimpleForm } from 'react-admin';
import { UserInputs } from './UserInputs';

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <UserInputs />
      </SimpleForm>
    </Edit>
  );
}
