import { Edit, SimpleForm } from 'react-admin';
import { IncentivePoolInputs } from './IncentivePoolInputs';

export function IncentivePoolEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <IncentivePoolInputs />
      </SimpleForm>
    </Edit>
  );
}
