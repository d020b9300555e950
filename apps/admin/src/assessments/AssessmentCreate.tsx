import { Create, SimpleForm } from 'react-admin';
import { AssessmentInputs, toAssessmentInput } from './AssessmentInputs';

export function AssessmentCreate() {
  return (
    <Create redirect="show" transform={toAssessmentInput}>
      <SimpleForm>
        <AssessmentInputs />
      </SimpleForm>
    </Create>
  );
}
