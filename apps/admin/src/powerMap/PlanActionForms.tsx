// An action of the relationship plan: what, with whom on the customer's side, who on ours, by when, and when done.
import { useWatch } from 'react-hook-form';
import { AutocompleteInput, Create, Edit, ReferenceInput, required, SimpleForm, TextInput } from 'react-admin';
import { DayInput } from '../sales/DayInput';
import { backToMap } from './mapRoute';

function StakeholderPick() {
  const customerId = useWatch({ name: 'customerId' });
  return (
    <ReferenceInput source="stakeholderId" reference="Stakeholder" filter={customerId ? { customerId } : {}}>
      <AutocompleteInput optionText="name" />
    </ReferenceInput>
  );
}

function PlanActionInputs() {
  return (
    <>
      <ReferenceInput source="customerId" reference="Customer">
        <AutocompleteInput optionText="name" validate={required()} readOnly />
      </ReferenceInput>
      <ReferenceInput source="opportunityId" reference="Opportunity">
        <AutocompleteInput optionText="name" readOnly />
      </ReferenceInput>
      <TextInput source="action" validate={required()} fullWidth />
      <StakeholderPick />
      <ReferenceInput source="ownerId" reference="Person">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <DayInput source="dueDate" validate={required()} />
      <DayInput source="doneAt" />
    </>
  );
}

/** The form's values without the computed `overdue`. */
export function toPlanActionInput({ overdue: _overdue, ...values }: Record<string, unknown>) {
  return values;
}

export function PlanActionCreate() {
  return (
    <Create redirect={backToMap} transform={toPlanActionInput}>
      <SimpleForm>
        <PlanActionInputs />
      </SimpleForm>
    </Create>
  );
}

export function PlanActionEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect={backToMap} transform={toPlanActionInput}>
      <SimpleForm>
        <PlanActionInputs />
      </SimpleForm>
    </Edit>
  );
}
