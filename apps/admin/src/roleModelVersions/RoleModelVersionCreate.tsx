// A model's first version, a draft with its dimensions; saved, it returns to the role model's page, where it is
// published.
import { Create, RaRecord, SimpleForm } from 'react-admin';
import { RoleModelVersionInputs } from './RoleModelVersionInputs';

const backToModel = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  `RoleModel/${String(data?.roleModelId ?? '')}/show`;

export function RoleModelVersionCreate() {
  return (
    <Create redirect={backToModel} transform={(data: RaRecord) => ({ ...data, status: 'DRAFT' })}>
      <SimpleForm>
        <RoleModelVersionInputs creating />
      </SimpleForm>
    </Create>
  );
}
