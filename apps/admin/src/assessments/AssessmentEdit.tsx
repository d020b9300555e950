import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { AssessmentInputs, toAssessmentInput } from './AssessmentInputs';
import { AssessmentRepresentation, RecordTitle } from '../components/names';

export function AssessmentEdit() {
  return (
    <Edit
      title={
        <RecordTitle resource="Assessment">
          <AssessmentRepresentation />
        </RecordTitle>
      }
      mutationMode="pessimistic"
      transform={toAssessmentInput}
    >
      <VersionedForm>
        <AssessmentInputs />
      </VersionedForm>
    </Edit>
  );
}
