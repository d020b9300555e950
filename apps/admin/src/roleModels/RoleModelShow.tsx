import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DataTable, ListContextProvider, Show, SimpleShowLayout, TextField, useGetList, useList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { EnumField, LocaleDateField } from '../components/fields';

interface Dimension { code: string; name: string; nameZh?: string; behaviours?: string[] }

function Dimensions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const raw = record?.dimensions;
  const dimensions = (typeof raw === 'string' ? JSON.parse(raw) : raw ?? []) as Dimension[];
  return (
    <Table size="small" aria-label={translate('roleModel.dimensions')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.RoleModel.fields.code')}</TableCell>
          <TableCell>{translate('resources.RoleModel.fields.name')}</TableCell>
          <TableCell>{translate('roleModel.behaviours')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {dimensions.map((d) => (
          <TableRow key={d.code}>
            <TableCell>{d.code}</TableCell>
            <TableCell>{locale === 'zh-CN' && d.nameZh ? d.nameZh : d.name}</TableCell>
            <TableCell><ul style={{ margin: 0 }}>{(d.behaviours ?? []).map((b) => <li key={b}>{b}</li>)}</ul></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Every version of this role's model, newest first. */
function History() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { data = [], isPending } = useGetList('RoleModel', { filter: { role: record?.role }, pagination: { page: 1, perPage: 100 }, sort: { field: 'version', order: 'DESC' } }, { enabled: Boolean(record?.role) });
  const listContext = useList({ data, isPending });
  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>{translate('roleModel.history')}</Typography>
      <ListContextProvider value={listContext}>
        <DataTable rowClick="show" bulkActionButtons={false} rowSx={(r) => (r.id === record?.id ? { fontWeight: 'bold', background: 'rgba(25,118,210,.08)' } : {})}>
          <DataTable.Col source="version" />
          <DataTable.Col source="name" />
          <DataTable.Col source="createdAt"><LocaleDateField source="createdAt" showTime /></DataTable.Col>
        </DataTable>
      </ListContextProvider>
    </>
  );
}

export function RoleModelShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <EnumField source="role" enumName="TriangleRole" />
        <TextField source="name" />
        <TextField source="nameZh" emptyText="—" />
        <TextField source="version" />
        <Dimensions />
        <History />
      </SimpleShowLayout>
    </Show>
  );
}
