import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { PositionAssignmentInputs } from './PositionAssignmentInputs';

export function PositionAssignmentEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <VersionedForm>
        <PositionAssignmentInputs />
      </VersionedForm>
    </Edit>
  );
}
