import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { AuthorityRuleInputs } from './AuthorityRuleInputs';

export function AuthorityRuleEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <VersionedForm>
        <AuthorityRuleInputs />
      </VersionedForm>
    </Edit>
  );
}
