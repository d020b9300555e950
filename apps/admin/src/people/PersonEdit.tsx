import { Edit, SimpleForm } from 'react-admin';
import { PersonInputs } from './PersonInputs';

export function PersonEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <PersonInputs />
      </SimpleForm>
    </Edit>
  );
}
