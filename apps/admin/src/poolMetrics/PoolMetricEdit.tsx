// Edited from the pool's page; saving returns there.
import { Edit, RaRecord, SimpleForm } from 'react-admin';
import { PoolMetricInputs } from './PoolMetricInputs';

const backToPool = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  `IncentivePool/${String(data?.poolId ?? '')}/show`;

export function PoolMetricEdit() {
  return (
    <Edit redirect={backToPool} mutationMode="pessimistic">
      <SimpleForm>
        <PoolMetricInputs />
      </SimpleForm>
    </Edit>
  );
}
