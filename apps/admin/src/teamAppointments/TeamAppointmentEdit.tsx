import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { TeamAppointmentInputs } from './TeamAppointmentInputs';

export function TeamAppointmentEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <VersionedForm>
        <TeamAppointmentInputs />
      </VersionedForm>
    </Edit>
  );
}
