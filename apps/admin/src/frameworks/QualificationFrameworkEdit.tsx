import { Edit, SimpleForm } from 'react-admin';
import { QualificationFrameworkInputs } from './QualificationFrameworkInputs';

export function QualificationFrameworkEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <QualificationFrameworkInputs />
      </SimpleForm>
    </Edit>
  );
}
