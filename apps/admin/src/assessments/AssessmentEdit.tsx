import { Edit, SimpleForm } from 'react-admin';
import { AssessmentInputs } from './AssessmentInputs';

export function AssessmentEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm><AssessmentInputs /></SimpleForm>
    </Edit>
  );
}
