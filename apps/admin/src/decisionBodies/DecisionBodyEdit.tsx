import { Edit, SimpleForm } from 'react-admin';
import { DecisionBodyInputs, toDecisionBodyInput } from './DecisionBodyInputs';

export function DecisionBodyEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={toDecisionBodyInput}>
      <SimpleForm>
        <DecisionBodyInputs />
      </SimpleForm>
    </Edit>
  );
}
