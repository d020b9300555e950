import { Edit, SimpleForm } from 'react-admin';
import { PositionAssignmentInputs } from './PositionAssignmentInputs';

export function PositionAssignmentEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <PositionAssignmentInputs />
      </SimpleForm>
    </Edit>
  );
}
