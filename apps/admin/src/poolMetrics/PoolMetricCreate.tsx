// Edited from the pool's page; saving returns there.
import { Create, RaRecord, SimpleForm } from 'react-admin';
import { PoolMetricInputs } from './PoolMetricInputs';

const backToPool = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  `IncentivePool/${String(data?.poolId ?? '')}/show`;

export function PoolMetricCreate() {
  return (
    <Create redirect={backToPool}>
      <SimpleForm>
        <PoolMetricInputs />
      </SimpleForm>
    </Create>
  );
}
