import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { GRADES } from '../providers/types';
import { enumChoices } from '../components/fields';
import { POSITION_TITLES } from '../positions/PositionAssignmentInputs';
import { GlossaryHelp } from '../glossary/GlossaryHelp';

/** Seats go back as DecisionBodySeatInput: only title, alternative titles and fixed. */
export function toDecisionBodyInput({ seats, ...values }: Record<string, unknown>) {
  const rows = (seats as Array<Record<string, unknown>> | undefined) ?? [];
  return {
    ...values,
    seats: rows.map((s) => ({ title: s.title, alternativeTitles: s.alternativeTitles ?? [], fixed: Boolean(s.fixed) })),
  };
}

export function DecisionBodyInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <SelectInput
        source="quorum"
        validate={required()}
        choices={[
          { id: 'ALL_FIXED', name: 'decisionBody.ALL_FIXED' },
          { id: 'MAJORITY', name: 'decisionBody.MAJORITY' },
        ]}
        helperText={<GlossaryHelp text="glossary.help.quorum" term="QUORUM" />}
      />
      <SelectInput
        source="grade"
        choices={enumChoices('ProjectGrade', GRADES)}
        helperText={<GlossaryHelp text="glossary.help.body_grade" term="GRADE_I" />}
      />
      <ReferenceInput source="orgUnitId" reference="OrgUnit">
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <ArrayInput source="seats" validate={required()}>
        <SimpleFormIterator inline>
          <AutocompleteInput
            source="title"
            label="resources.DecisionBody.fields.title"
            choices={enumChoices('PositionTitle', POSITION_TITLES)}
            validate={required()}
          />
          <AutocompleteArrayInput
            source="alternativeTitles"
            label="resources.DecisionBody.fields.alternativeTitles"
            choices={enumChoices('PositionTitle', POSITION_TITLES)}
          />
          <BooleanInput
            source="fixed"
            label="resources.DecisionBody.fields.fixed"
            helperText={<GlossaryHelp text="glossary.help.fixed_seat" term="DECISION_BODY" />}
          />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}
