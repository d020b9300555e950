// A draft of a role model with its dimensions and key behaviours; saved, it returns to the role model's page,
// where it is published.
import { Edit, RaRecord, SimpleForm } from 'react-admin';
import { RoleModelVersionInputs } from './RoleModelVersionInputs';

const backToModel = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  `RoleModel/${String(data?.roleModelId ?? '')}/show`;

export function RoleModelVersionEdit() {
  return (
    <Edit redirect={backToModel} mutationMode="pessimistic">
      <SimpleForm>
        <RoleModelVersionInputs />
      </SimpleForm>
    </Edit>
  );
}
