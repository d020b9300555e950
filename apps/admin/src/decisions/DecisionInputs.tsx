import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { DECISION_OUTCOMES, DECISION_POINTS } from '../providers/types';
import { PersonInput } from '../components/names';

export function DecisionInputs() {
  return (
    <>
      <ReferenceInput source="projectId" reference="Project">
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <SelectInput
        source="decisionPoint"
        choices={enumChoices('DecisionPoint', DECISION_POINTS)}
        validate={required()}
      />
      <SelectInput source="outcome" choices={enumChoices('DecisionOutcome', DECISION_OUTCOMES)} validate={required()} />
      <PersonInput source="deciderId" validate={required()} />
      <TextInput source="comment" multiline />
    </>
  );
}
