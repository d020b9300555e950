// The audit log: who changed what and when, with the record before and after.
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  DataTable,
  List,
  RecordContextProvider,
  RecordRepresentation,
  ResourceContextProvider,
  SelectInput,
  TextInput,
  useLocaleState,
  useRecordContext,
  useResourceDefinitions,
  useTranslate,
} from 'react-admin';
import { EnumField, enumChoices, LocaleDateField, RecordTypeField, useEnumLabel } from '../components/fields';
import { useRecordName } from '../components/RecordName';
import { InstantInput } from '../components/InstantInput';
import { formatDateTime } from '../format';
import { humanize, labelKey } from '../history/fields';
import { HistoryValue, RecordLabel } from '../history/HistoryView';
import { ExportListActions } from '../export';
import { AuditNote, RequestIdField } from './AuditNote';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One audited value in the reader's language: labels for codes, names for references, moments written out. */
export function AuditValue({
  recordType,
  field,
  value,
  record,
}: {
  recordType: string;
  field: string;
  value: unknown;
  record: Record<string, unknown>;
}) {
  const [locale] = useLocaleState();
  if (value === undefined) return null;
  if (typeof value === 'string' && INSTANT.test(value)) return <>{formatDateTime(value, locale)}</>;
  return <HistoryValue recordType={recordType} field={field} value={value} record={record} />;
}

function parse(raw: unknown): Record<string, unknown> {
  if (raw && typeof raw === 'object') return raw as Record<string, unknown>;
  if (typeof raw === 'string') {
    try {
      const value = JSON.parse(raw);
      return value && typeof value === 'object' ? value : { value };
    } catch {
      return { value: raw };
    }
  }
  return {};
}

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Before/after side by side, changed fields first. */
export function AuditDiff() {
  const record = useRecordContext();
  const translate = useTranslate();
  const before = parse(record?.before);
  const after = parse(record?.after);
  const type = String(record?.entityType ?? '');
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = (f: string) => show(before[f]) !== show(after[f]);
  fields.sort((a, b) => Number(changed(b)) - Number(changed(a)));
  return (
    <Table size="small" aria-label={translate('audit.changes')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('audit.field')}</TableCell>
          <TableCell>{translate('app.before')}</TableCell>
          <TableCell>{translate('app.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {fields.map((f) => (
          <TableRow key={f} sx={changed(f) ? { background: 'rgba(255,193,7,.15)' } : undefined}>
            <TableCell>{translate(labelKey(type, f), { _: humanize(f) })}</TableCell>
            <TableCell sx={{ fontSize: 12 }}>
              <AuditValue recordType={type} field={f} value={before[f]} record={before} />
            </TableCell>
            <TableCell sx={{ fontSize: 12 }}>
              <AuditValue recordType={type} field={f} value={after[f]} record={after} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const filters = [
  <TextInput key="t" source="entityType" alwaysOn />,
  <TextInput key="i" source="entityId" />,
  <TextInput key="a" source="action" />,
  <SelectInput key="k" source="actorKind" choices={enumChoices('ActorKind', ['USER', 'API_TOKEN', 'ANONYMOUS'])} />,
  <InstantInput key="from" source="from" />,
  <InstantInput key="to" source="to" />,
];

/** The audited record by its name where the portal has a screen for its type (a setting or a sign-in has none). */
export function AuditRecordName() {
  const record = useRecordContext();
  const defined = useResourceDefinitions();
  const type = String(record?.entityType ?? '');
  if (!record?.entityId) return null;
  if (!defined[type]) return <>{String(record.entityId)}</>;
  return <AuditedRecord resource={type} id={String(record.entityId)} />;
}

/** A record as the portal names it elsewhere: its name, or its representation (a plan action by its text…). */
function AuditedRecord({ resource, id }: { resource: string; id: string }) {
  const { record } = useRecordName(resource, id);
  const title = useEnumLabel('PositionTitle');
  if (!record || typeof record.name === 'string' || resource === 'Person')
    return <RecordLabel resource={resource} id={id} />;
  if (resource === 'PositionAssignment') return <>{title(String(record.title ?? ''))}</>;
  return (
    <ResourceContextProvider value={resource}>
      <RecordContextProvider value={record}>
        <RecordRepresentation />
      </RecordContextProvider>
    </ResourceContextProvider>
  );
}

export function AuditEntryList() {
  return (
    <List actions={<ExportListActions />} filters={filters} sort={{ field: 'at', order: 'DESC' }}>
      <DataTable
        expand={<AuditDiff />}
        rowClick="expand"
        bulkActionButtons={false}
        // Short headers stay on one line (zh-CN's wrapped one character per line); the note column wraps instead.
        sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}
      >
        <DataTable.Col source="at">
          <LocaleDateField source="at" showTime />
        </DataTable.Col>
        <DataTable.Col source="actorLabel" />
        <DataTable.Col source="actorKind">
          <EnumField source="actorKind" enumName="ActorKind" />
        </DataTable.Col>
        <DataTable.Col source="action">
          <EnumField source="action" enumName="AuditAction" />
        </DataTable.Col>
        <DataTable.Col source="entityType">
          <RecordTypeField source="entityType" />
        </DataTable.Col>
        <DataTable.Col source="entityId">
          <AuditRecordName />
        </DataTable.Col>
        <DataTable.Col source="note">
          <AuditNote />
        </DataTable.Col>
        <DataTable.Col source="requestId">
          <RequestIdField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
