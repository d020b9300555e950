import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { OrgUnitInputs } from './OrgUnitInputs';

export function OrgUnitEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <VersionedForm>
        <OrgUnitInputs />
      </VersionedForm>
    </Edit>
  );
}
