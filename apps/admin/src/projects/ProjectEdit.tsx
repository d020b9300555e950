import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { ProjectInputs, toProjectInput } from './ProjectInputs';

export function ProjectEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      transform={toProjectInput}
      queryOptions={{ select: (p) => ({ ...p, gradeByHand: Boolean(p.gradeJustification) }) }}
    >
      <VersionedForm>
        <ProjectInputs />
      </VersionedForm>
    </Edit>
  );
}
