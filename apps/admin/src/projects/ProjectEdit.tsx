import { Edit, SimpleForm } from 'react-admin';
import { ProjectInputs, toProjectInput } from './ProjectInputs';

export function ProjectEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      transform={toProjectInput}
      queryOptions={{ select: (p) => ({ ...p, gradeByHand: Boolean(p.gradeJustification) }) }}
    >
      <SimpleForm>
        <ProjectInputs />
      </SimpleForm>
    </Edit>
  );
}
