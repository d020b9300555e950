import { Edit, SimpleForm } from 'react-admin';
import { TeamAppointmentInputs } from './TeamAppointmentInputs';

export function TeamAppointmentEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TeamAppointmentInputs />
      </SimpleForm>
    </Edit>
  );
}
