// A stakeholder on the power map: who they are, whom they report to (someone on the same customer's map), their role
// in the decision, influence, and who on our side owns the relationship. The attitude is recorded on the map (a
// history, never overwritten here).
import { DECISION_ROLES, INFLUENCE_LEVELS } from '@iron-triangle/domain';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  Create,
  Edit,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { enumChoices } from '../components/fields';
import { GlossaryHelp } from '../glossary/GlossaryHelp';
import { backToMap } from './mapRoute';

function ReportsTo() {
  const customerId = useWatch({ name: 'customerId' });
  const record = useRecordContext();
  return (
    <ReferenceInput source="reportsToId" reference="Stakeholder" filter={customerId ? { customerId } : {}}>
      <AutocompleteInput
        optionText="name"
        optionValue="id"
        filterToQuery={(q) => ({ q })}
        {...(record?.id
          ? { validate: (v: unknown) => (String(v) === String(record.id) ? 'errors.SALES.REPORTS_TO_SELF' : undefined) }
          : {})}
      />
    </ReferenceInput>
  );
}

function StakeholderInputs() {
  return (
    <>
      <ReferenceInput source="customerId" reference="Customer">
        <AutocompleteInput optionText="name" validate={required()} readOnly />
      </ReferenceInput>
      <ReferenceInput source="opportunityId" reference="Opportunity">
        <AutocompleteInput optionText="name" readOnly />
      </ReferenceInput>
      <TextInput source="name" validate={required()} />
      <TextInput source="title" />
      <ReportsTo />
      <SelectInput
        source="decisionRole"
        choices={enumChoices('DecisionRole', DECISION_ROLES)}
        validate={required()}
        helperText={<GlossaryHelp text="glossary.terms.DECISION_ROLES.term" term="DECISION_ROLES" />}
      />
      <SelectInput source="influence" choices={enumChoices('InfluenceLevel', INFLUENCE_LEVELS)} validate={required()} />
      <ReferenceInput source="relationshipOwnerId" reference="Person">
        <AutocompleteInput />
      </ReferenceInput>
    </>
  );
}

export function StakeholderCreate() {
  return (
    <Create redirect={backToMap}>
      <SimpleForm defaultValues={{ influence: 'MEDIUM' }}>
        <StakeholderInputs />
      </SimpleForm>
    </Create>
  );
}

export function StakeholderEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect={backToMap}>
      <SimpleForm>
        <StakeholderInputs />
      </SimpleForm>
    </Edit>
  );
}
