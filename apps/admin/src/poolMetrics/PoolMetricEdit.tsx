// Edited from the pool's page; saving returns there.
import { Edit, RaRecord, SimpleForm } from 'react-admin';
import { PoolMetricInputs } from './PoolMetricInputs';
import { PoolMetricRepresentation, RecordTitle } from '../components/names';

const backToPool = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  `IncentivePool/${String(data?.poolId ?? '')}/show`;

export function PoolMetricEdit() {
  return (
    <Edit
      title={
        <RecordTitle resource="PoolMetric">
          <PoolMetricRepresentation />
        </RecordTitle>
      }
      redirect={backToPool}
      mutationMode="pessimistic"
    >
      <SimpleForm>
        <PoolMetricInputs />
      </SimpleForm>
    </Edit>
  );
}
