import { Create, SimpleForm } from 'react-admin';
import { ProjectInputs, toProjectInput } from './ProjectInputs';

export function ProjectCreate() {
  return (
    <Create redirect="show" transform={toProjectInput}>
      <SimpleForm>
        <ProjectInputs />
      </SimpleForm>
    </Create>
  );
}
