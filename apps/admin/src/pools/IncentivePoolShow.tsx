import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ReferenceField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { EnumField, MoneyField, useEnumLabel, useMoney } from '../components/fields';
import type { IncentivePoolRecord } from '../providers/types';
import { AllocationTable, TraceText } from './AllocationTable';
import { PoolActions } from './PoolActions';

interface Metric { metric: string; target: string; actual: string; weight: string }

function parse<T>(raw: unknown, fallback: T): T {
  if (typeof raw !== 'string') return (raw as T) ?? fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

function Metrics() {
  const record = useRecordContext();
  const translate = useTranslate();
  const metric = useEnumLabel('Metric');
  const money = useMoney();
  const metrics = parse<Metric[]>(record?.metrics, []);
  if (!metrics.length) return null;
  return (
    <>
      <Typography variant="subtitle1">{translate('pool.metrics')}</Typography>
      <Table size="small" sx={{ width: 'auto' }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.IncentivePool.fields.metric')}</TableCell>
            <TableCell align="right">{translate('pool.target')}</TableCell>
            <TableCell align="right">{translate('pool.actual')}</TableCell>
            <TableCell align="right">{translate('pool.attainment')}</TableCell>
            <TableCell align="right">{translate('pool.weight')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {metrics.map((m) => (
            <TableRow key={m.metric}>
              <TableCell>{metric(m.metric)}</TableCell>
              <TableCell align="right">{money(m.target, record?.currency as string)}</TableCell>
              <TableCell align="right">{money(m.actual, record?.currency as string)}</TableCell>
              <TableCell align="right">{Number(m.target) > 0 ? `${((Number(m.actual) / Number(m.target)) * 100).toFixed(1)}%` : '—'}</TableCell>
              <TableCell align="right">{m.weight}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function Funding() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.fundingTrace) return null;
  return (
    <>
      <Typography variant="subtitle1">{translate('pool.funding_trace')}</Typography>
      <TraceText trace={parse(record.fundingTrace, record.fundingTrace)} />
    </>
  );
}

function Allocation() {
  const record = useRecordContext<IncentivePoolRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Typography variant="subtitle1">{translate('pool.members')}</Typography>
      <AllocationTable pool={record} />
    </>
  );
}

export function IncentivePoolShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <EnumField source="status" enumName="PoolStatus" />
        <ReferenceField source="projectId" reference="Project" link="show" emptyText="—" />
        <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" emptyText="—" />
        <TextField source="period" emptyText="—" />
        <MoneyField source="baseAmount" />
        <MoneyField source="fundedAmount" emptyKey="app.none" />
        <PoolActions />
        <Metrics />
        <Funding />
        <Allocation />
      </SimpleShowLayout>
    </Show>
  );
}
