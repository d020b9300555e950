import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { StaffingRuleInputs } from './StaffingRuleInputs';

export function StaffingRuleEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <VersionedForm>
        <StaffingRuleInputs />
      </VersionedForm>
    </Edit>
  );
}
