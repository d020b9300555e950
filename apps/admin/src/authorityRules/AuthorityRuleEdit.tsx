import { Edit, SimpleForm } from 'react-admin';
import { AuthorityRuleInputs } from './AuthorityRuleInputs';

export function AuthorityRuleEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <AuthorityRuleInputs />
      </SimpleForm>
    </Edit>
  );
}
