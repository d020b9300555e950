import { Edit, SimpleForm } from 'react-admin';
import { ProjectInputs } from './ProjectInputs';

export function ProjectEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm><ProjectInputs /></SimpleForm>
    </Edit>
  );
}
