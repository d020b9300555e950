import { Box, Typography } from '@mui/material';
import { FieldGrid } from '../components/FieldGrid';
import { percentOf } from '../format';
import {
  DataTable,
  ReferenceField,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField, LocaleDateField, MoneyField } from '../components/fields';
import { PercentField } from '../components/percent';
import { AllocationTable } from './AllocationTable';
import { FundingTrace } from './FundingTrace';
import { PoolActions } from './PoolActions';
import { PoolInputButton, usePoolInputState } from './PoolInputButton';
import type { IncentivePoolRecord } from '../providers/types';
import type { PoolWithTraces } from './traces';
import { PersonReferenceField } from '../components/PersonReferenceField';

/** Attainment = actual / target, shown as a percentage (display only; the API computes the funding). */
function Attainment() {
  const record = useRecordContext();
  return <span>{percentOf(record?.actual, record?.target)}</span>;
}

function Metrics() {
  const record = useRecordContext<IncentivePoolRecord>();
  const translate = useTranslate();
  const editable = usePoolInputState({ resource: 'PoolMetric', action: 'edit' }, record?.status).enabled;
  return (
    <>
      <Typography variant="subtitle1">{translate('pool.metrics')}</Typography>
      <ReferenceManyField reference="PoolMetric" target="poolId" label={false}>
        <DataTable bulkActionButtons={false} rowClick={editable ? 'edit' : false}>
          <DataTable.Col source="metric">
            <EnumField source="metric" enumName="Metric" />
          </DataTable.Col>
          <DataTable.Col source="target" align="right">
            <MoneyField source="target" />
          </DataTable.Col>
          <DataTable.Col source="actual" align="right">
            <MoneyField source="actual" />
          </DataTable.Col>
          <DataTable.Col label="pool.attainment" align="right">
            <Attainment />
          </DataTable.Col>
          <DataTable.Col source="weight" align="right">
            <PercentField source="weight" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
      <PoolInputButton
        input={{ resource: 'PoolMetric', action: 'create' }}
        status={record?.status}
        label="pool.add_metric"
        state={{ record: { poolId: record?.id, currency: record?.currency } }}
        testId="pool-add-metric"
      />
    </>
  );
}

function Funding() {
  const record = useRecordContext<PoolWithTraces>();
  const translate = useTranslate();
  if (!record?.funding) return null;
  return (
    <>
      <Typography variant="subtitle1">{translate('pool.funding_trace')}</Typography>
      <FundingTrace funding={record.funding} currency={String(record.currency)} />
    </>
  );
}

/** Members are read with the pool (providers/composites.ts). */
function Allocation() {
  const record = useRecordContext<PoolWithTraces>();
  const translate = useTranslate();
  if (!record) return null;
  const pool = { ...record, members: record.members ?? [] };
  return (
    <>
      <Typography variant="subtitle1">{translate('pool.members')}</Typography>
      <AllocationTable pool={pool} />
      <PoolInputButton
        input={{ resource: 'PoolMember', action: 'create' }}
        status={record.status}
        label="pool.add_member"
        state={{ record: { poolId: record.id, currency: record.currency, participation: '1' } }}
        testId="pool-add-member"
      />
    </>
  );
}

function PoolShowActions() {
  const record = useRecordContext<IncentivePoolRecord>();
  return (
    <TopToolbar>
      <PoolInputButton
        input={{ resource: 'IncentivePool', action: 'edit' }}
        status={record?.status}
        testId="pool-edit"
      />
    </TopToolbar>
  );
}

export function IncentivePoolShow() {
  return (
    <Show actions={<PoolShowActions />}>
      <Box sx={{ p: 2 }}>
        <FieldGrid>
          <TextField source="name" />
          <EnumField source="status" enumName="PoolStatus" />
          <EnumField source="teamKind" enumName="TeamKind" />
          <ReferenceField source="projectId" reference="Project" link="show" emptyText="—" />
          <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" emptyText="—" />
          <LocaleDateField source="periodFrom" />
          <LocaleDateField source="periodTo" />
          <MoneyField source="baseAmount" />
          <PercentField source="attainmentGate" />
          <TextField source="capMultiplier" />
          <TextField source="acceleration" />
          <MoneyField source="fundedAmount" emptyKey="app.none" />
          <LocaleDateField source="fundedAt" showTime emptyKey="app.none" />
          <LocaleDateField source="allocatedAt" showTime emptyKey="app.none" />
          <PersonReferenceField source="approvedById" link="show" />
          <LocaleDateField source="approvedAt" showTime emptyKey="app.none" />
          <LocaleDateField source="lockedAt" showTime emptyKey="app.none" />
          <ReferenceField source="adjustmentOfId" reference="IncentivePool" link="show" emptyText="—" />
        </FieldGrid>
        <PoolActions />
        <Metrics />
        <Funding />
        <Allocation />
      </Box>
    </Show>
  );
}
