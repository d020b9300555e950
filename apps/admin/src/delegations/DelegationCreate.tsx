import { Create, SimpleForm } from 'react-admin';
import { DelegationInputs, toDelegationInput } from './DelegationInputs';

export function DelegationCreate() {
  return (
    <Create redirect="show" transform={toDelegationInput}>
      <SimpleForm>
        <DelegationInputs />
      </SimpleForm>
    </Create>
  );
}
