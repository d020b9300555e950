// Edited from the pool's page; saving returns there.
import { Create, RaRecord, SimpleForm } from 'react-admin';
import { PoolMemberInputs } from './PoolMemberInputs';

const backToPool = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  `IncentivePool/${String(data?.poolId ?? '')}/show`;

export function PoolMemberCreate() {
  return (
    <Create redirect={backToPool}>
      <SimpleForm>
        <PoolMemberInputs />
      </SimpleForm>
    </Create>
  );
}
