import { Create, SimpleForm } from 'react-admin';
import { DecisionBodyInputs } from './DecisionBodyInputs';

export function DecisionBodyCreate() {
  return (
    <Create redirect="list">
      <SimpleForm><DecisionBodyInputs /></SimpleForm>
    </Create>
  );
}
