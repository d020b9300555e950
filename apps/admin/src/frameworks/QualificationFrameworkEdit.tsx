import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { QualificationFrameworkInputs } from './QualificationFrameworkInputs';

export function QualificationFrameworkEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <VersionedForm>
        <QualificationFrameworkInputs />
      </VersionedForm>
    </Edit>
  );
}
