import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { AssessmentInputs, toAssessmentInput } from './AssessmentInputs';

export function AssessmentEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={toAssessmentInput}>
      <VersionedForm>
        <AssessmentInputs />
      </VersionedForm>
    </Edit>
  );
}
