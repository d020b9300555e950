import { Create, SimpleForm } from 'react-admin';
import { ProjectInputs } from './ProjectInputs';

export function ProjectCreate() {
  return (
    <Create redirect="show">
      <SimpleForm><ProjectInputs /></SimpleForm>
    </Create>
  );
}
