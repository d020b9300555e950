import { Edit, SimpleForm } from 'react-admin';
import { DecisionBodyInputs } from './DecisionBodyInputs';

export function DecisionBodyEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm><DecisionBodyInputs /></SimpleForm>
    </Edit>
  );
}
