import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { QualificationFrameworkInputs } from './QualificationFrameworkInputs';
import { FrameworkVersionActions } from './FrameworkVersionActions';

export function QualificationFrameworkEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <VersionedForm>
        <FrameworkVersionActions />
        <QualificationFrameworkInputs />
      </VersionedForm>
    </Edit>
  );
}
