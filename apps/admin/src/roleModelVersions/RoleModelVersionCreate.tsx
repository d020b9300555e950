// A version of a role model with its dimensions; saved, it returns to the role model's page and history.
import { Create, RaRecord, SimpleForm } from 'react-admin';
import { RoleModelVersionInputs } from './RoleModelVersionInputs';

const backToModel = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  `RoleModel/${String(data?.roleModelId ?? '')}/show`;

export function RoleModelVersionCreate() {
  return (
    <Create redirect={backToModel}>
      <SimpleForm>
        <RoleModelVersionInputs />
      </SimpleForm>
    </Create>
  );
}
