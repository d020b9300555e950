import { ArrayInput, AutocompleteInput, BooleanInput, required, SimpleFormIterator, TextInput } from 'react-admin';
import { enumChoices } from '../components/fields';
import { POSITION_TITLES } from '../positions/PositionAssignmentInputs';

export function DecisionBodyInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <TextInput source="quorum" validate={required()} helperText="resources.DecisionBody.fields.quorum" />
      <ArrayInput source="seats" validate={required()}>
        <SimpleFormIterator inline>
          <AutocompleteInput source="title" label="resources.DecisionBody.fields.title" choices={enumChoices('PositionTitle', POSITION_TITLES)} validate={required()} />
          <BooleanInput source="fixed" label="resources.DecisionBody.fields.fixed" />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}
