import { Create, SimpleForm } from 'react-admin';
import { RoleModelInputs } from './RoleModelInputs';

export function RoleModelCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <RoleModelInputs />
      </SimpleForm>
    </Create>
  );
}
