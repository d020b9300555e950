import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { StaffingRuleInputs } from './StaffingRuleInputs';
import { StaffingRuleRepresentation, RecordTitle } from '../components/names';

export function StaffingRuleEdit() {
  return (
    <Edit
      title={
        <RecordTitle resource="StaffingRule">
          <StaffingRuleRepresentation />
        </RecordTitle>
      }
      mutationMode="pessimistic"
    >
      <VersionedForm>
        <StaffingRuleInputs />
      </VersionedForm>
    </Edit>
  );
}
