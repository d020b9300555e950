import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { TeamAppointmentInputs } from './TeamAppointmentInputs';
import { TeamAppointmentRepresentation, RecordTitle } from '../components/names';

export function TeamAppointmentEdit() {
  return (
    <Edit
      title={
        <RecordTitle resource="TeamAppointment">
          <TeamAppointmentRepresentation />
        </RecordTitle>
      }
      mutationMode="pessimistic"
    >
      <VersionedForm>
        <TeamAppointmentInputs />
      </VersionedForm>
    </Edit>
  );
}
