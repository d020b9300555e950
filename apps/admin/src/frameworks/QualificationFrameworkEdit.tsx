import { Edit, SimpleForm } from 'react-admin';
import { QualificationFrameworkInputs } from './QualificationFrameworkInputs';
import { FrameworkVersionActions } from './FrameworkVersionActions';

export function QualificationFrameworkEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <FrameworkVersionActions />
        <QualificationFrameworkInputs />
      </SimpleForm>
    </Edit>
  );
}
