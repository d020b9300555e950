import { Edit, SimpleForm } from 'react-admin';
import { StaffingRuleInputs } from './StaffingRuleInputs';

export function StaffingRuleEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <StaffingRuleInputs />
      </SimpleForm>
    </Edit>
  );
}
