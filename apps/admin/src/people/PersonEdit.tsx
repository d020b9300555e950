import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { PersonInputs } from './PersonInputs';

export function PersonEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <VersionedForm>
        <PersonInputs />
      </VersionedForm>
    </Edit>
  );
}
