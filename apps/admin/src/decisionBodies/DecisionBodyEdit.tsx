import { Edit } from 'react-admin';
import { VersionedForm } from '../history/EffectiveChange';
import { DecisionBodyInputs, toDecisionBodyInput } from './DecisionBodyInputs';

export function DecisionBodyEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={toDecisionBodyInput}>
      <VersionedForm>
        <DecisionBodyInputs />
      </VersionedForm>
    </Edit>
  );
}
