import { Create, SimpleForm } from 'react-admin';
import { DecisionBodyInputs, toDecisionBodyInput } from './DecisionBodyInputs';

export function DecisionBodyCreate() {
  return (
    <Create redirect="list" transform={toDecisionBodyInput}>
      <SimpleForm>
        <DecisionBodyInputs />
      </SimpleForm>
    </Create>
  );
}
