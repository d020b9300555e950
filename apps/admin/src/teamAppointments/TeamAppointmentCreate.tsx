import { Create, SimpleForm } from 'react-admin';
import { TeamAppointmentInputs } from './TeamAppointmentInputs';
import { QualifiedSuggestions } from '../talent/QualifiedSuggestions';

export function TeamAppointmentCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TeamAppointmentInputs suggestions={<QualifiedSuggestions />} />
      </SimpleForm>
    </Create>
  );
}
