import { Edit, SimpleForm } from 'react-admin';
import { LeadInputs, toLeadInput } from './LeadInputs';

export function LeadEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={toLeadInput}>
      <SimpleForm>
        <LeadInputs />
      </SimpleForm>
    </Edit>
  );
}
