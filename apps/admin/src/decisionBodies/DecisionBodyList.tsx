import { Chip, Stack } from '@mui/material';
import { DataTable, List, useRecordContext, useTranslate } from 'react-admin';
import { useEnumLabel } from '../components/fields';

export function Seats() {
  const record = useRecordContext();
  const title = useEnumLabel('PositionTitle');
  const translate = useTranslate();
  const seats = (record?.seats ?? []) as Array<{ title: string; fixed: boolean }>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {seats.map((s, i) => (
        <Chip key={i} size="small" color={s.fixed ? 'primary' : 'default'} variant={s.fixed ? 'filled' : 'outlined'}
          label={`${title(s.title)}${s.fixed ? ` · ${translate('resources.DecisionBody.fields.fixed')}` : ''}`} />
      ))}
    </Stack>
  );
}

export function DecisionBodyList() {
  return (
    <List>
      <DataTable rowClick="edit">
        <DataTable.Col source="name" />
        <DataTable.Col source="seats"><Seats /></DataTable.Col>
        <DataTable.Col source="quorum" />
      </DataTable>
    </List>
  );
}
