// An opportunity's plain facts; its stage moves on its page (one step at a time, as the funnel allows).
import {
  AutocompleteInput,
  Edit,
  NumberInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  maxValue,
  minValue,
} from 'react-admin';
import { currencyCode, decimal } from '../components/validators';
import { DayInput } from '../sales/DayInput';

/** The stage changes through "Move stage" only; the rest as typed (an empty probability: the stage's). */
export function toOpportunityInput({ stage: _stage, ...values }: Record<string, unknown>) {
  return { ...values, probability: values.probability === '' ? null : (values.probability ?? null) };
}

export function OpportunityEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={toOpportunityInput}>
      <SimpleForm>
        <TextInput source="name" validate={required()} fullWidth />
        <ReferenceInput source="ownerId" reference="Person">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <ReferenceInput source="orgUnitId" reference="OrgUnit">
          <AutocompleteInput optionText="name" validate={required()} />
        </ReferenceInput>
        <TextInput source="expectedAmount" validate={[required(), decimal]} />
        <TextInput source="currency" validate={[required(), currencyCode]} />
        <DayInput source="closeDate" validate={required()} />
        <NumberInput
          source="probability"
          step={1}
          validate={[minValue(0), maxValue(100)]}
          helperText="sales.probability_help"
        />
      </SimpleForm>
    </Edit>
  );
}
