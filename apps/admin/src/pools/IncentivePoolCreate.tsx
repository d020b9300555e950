import { Create, SimpleForm } from 'react-admin';
import { IncentivePoolInputs } from './IncentivePoolInputs';

export function IncentivePoolCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <IncentivePoolInputs />
      </SimpleForm>
    </Create>
  );
}
