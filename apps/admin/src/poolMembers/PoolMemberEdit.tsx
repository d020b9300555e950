// Edited from the pool's page; saving returns there.
import { Edit, RaRecord, SimpleForm } from 'react-admin';
import { PoolMemberInputs } from './PoolMemberInputs';
import { PoolMemberRepresentation, RecordTitle } from '../components/names';

const backToPool = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  `IncentivePool/${String(data?.poolId ?? '')}/show`;

export function PoolMemberEdit() {
  return (
    <Edit
      title={
        <RecordTitle resource="PoolMember">
          <PoolMemberRepresentation />
        </RecordTitle>
      }
      redirect={backToPool}
      mutationMode="pessimistic"
    >
      <SimpleForm>
        <PoolMemberInputs />
      </SimpleForm>
    </Edit>
  );
}
