import { Create, SimpleForm } from 'react-admin';
import { QualificationFrameworkInputs } from './QualificationFrameworkInputs';

export function QualificationFrameworkCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <QualificationFrameworkInputs />
      </SimpleForm>
    </Create>
  );
}
