import { Edit, SimpleForm } from 'react-admin';
import { OrgUnitInputs } from './OrgUnitInputs';

export function OrgUnitEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <OrgUnitInputs />
      </SimpleForm>
    </Edit>
  );
}
