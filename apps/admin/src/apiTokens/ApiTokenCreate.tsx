import { Create, SimpleForm } from 'react-admin';
import { ApiTokenInputs } from './ApiTokenInputs';

export function ApiTokenCreate() {
  return (
    <Create redirect="list">
      <SimpleForm><ApiTokenInputs /></SimpleForm>
    </Create>
  );
}
