import { Create, SimpleForm } from 'react-admin';
import { StaffingRuleInputs } from './StaffingRuleInputs';

export function StaffingRuleCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <StaffingRuleInputs />
      </SimpleForm>
    </Create>
  );
}
