import { Edit, SimpleForm } from 'react-admin';
import { CustomerInputs } from './CustomerInputs';

export function CustomerEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <CustomerInputs />
      </SimpleForm>
    </Edit>
  );
}
