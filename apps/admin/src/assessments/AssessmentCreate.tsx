import { Create, SimpleForm } from 'react-admin';
import { AssessmentInputs } from './AssessmentInputs';

export function AssessmentCreate() {
  return (
    <Create redirect="show">
      <SimpleForm><AssessmentInputs /></SimpleForm>
    </Create>
  );
}
