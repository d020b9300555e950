import { Create, SimpleForm } from 'react-admin';
import { TeamAppointmentInputs } from './TeamAppointmentInputs';

export function TeamAppointmentCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TeamAppointmentInputs />
      </SimpleForm>
    </Create>
  );
}
