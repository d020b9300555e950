// The audit log: who changed what and when, with the record before and after.
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { AutocompleteInput, DataTable, DateTimeInput, List, ReferenceField, ReferenceInput, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField } from '../components/fields';

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
            <TableCell>{f}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{show(before[f])}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{show(after[f])}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const filters = [
  <TextInput key="t" source="entityType" alwaysOn />,
  <TextInput key="i" source="entityId" />,
  <ReferenceInput key="u" source="userId" reference="User"><AutocompleteInput optionText="email" /></ReferenceInput>,
  <TextInput key="a" source="action" />,
  <DateTimeInput key="from" source="at_gte" label="resources.AuditEntry.fields.at" />,
];

export function AuditEntryList() {
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }}>
      <DataTable expand={<AuditDiff />} bulkActionButtons={false}>
        <DataTable.Col source="at"><LocaleDateField source="at" showTime /></DataTable.Col>
        <DataTable.Col source="userId"><ReferenceField source="userId" reference="User" /></DataTable.Col>
        <DataTable.Col source="action" />
        <DataTable.Col source="entityType" />
        <DataTable.Col source="entityId" />
        <DataTable.Col source="requestId" />
      </DataTable>
    </List>
  );
}
