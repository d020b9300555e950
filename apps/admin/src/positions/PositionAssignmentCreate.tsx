import { Create, SimpleForm } from 'react-admin';
import { PositionAssignmentInputs } from './PositionAssignmentInputs';

export function PositionAssignmentCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <PositionAssignmentInputs />
      </SimpleForm>
    </Create>
  );
}
