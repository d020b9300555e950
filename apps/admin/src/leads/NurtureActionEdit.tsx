// A nurture action of a lead: what, by when, who, and when it was done; back to the lead's page after saving.
import { AutocompleteInput, Create, Edit, ReferenceInput, required, SimpleForm, TextInput } from 'react-admin';
import { DayInput } from '../sales/DayInput';

const back = (_resource?: string, _id?: unknown, data?: Record<string, unknown>) =>
  data?.leadId ? `Lead/${String(data.leadId)}/show/nurture` : 'Lead';

function NurtureInputs() {
  return (
    <>
      <ReferenceInput source="leadId" reference="Lead">
        <AutocompleteInput optionText="title" validate={required()} readOnly />
      </ReferenceInput>
      <TextInput source="action" validate={required()} fullWidth />
      <DayInput source="dueDate" validate={required()} />
      <DayInput source="doneAt" />
      <ReferenceInput source="ownerId" reference="Person">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <TextInput source="note" multiline fullWidth />
    </>
  );
}

export function NurtureActionCreate() {
  return (
    <Create redirect={back}>
      <SimpleForm>
        <NurtureInputs />
      </SimpleForm>
    </Create>
  );
}

export function NurtureActionEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect={back}>
      <SimpleForm>
        <NurtureInputs />
      </SimpleForm>
    </Edit>
  );
}
