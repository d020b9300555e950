import { Edit, SimpleForm } from 'react-admin';
import { ApiTokenInputs } from './ApiTokenInputs';

export function ApiTokenEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm><ApiTokenInputs /></SimpleForm>
    </Edit>
  );
}
