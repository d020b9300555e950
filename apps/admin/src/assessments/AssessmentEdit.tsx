import { Edit, SimpleForm } from 'react-admin';
import { AssessmentInputs, toAssessmentInput } from './AssessmentInputs';

export function AssessmentEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={toAssessmentInput}>
      <SimpleForm>
        <AssessmentInputs />
      </SimpleForm>
    </Edit>
  );
}
