import { Create, SimpleForm } from 'react-admin';
import { AuthorityRuleInputs } from './AuthorityRuleInputs';

export function AuthorityRuleCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <AuthorityRuleInputs />
      </SimpleForm>
    </Create>
  );
}
