import { Chip, Stack } from '@mui/material';
import { DataTable, List, ReferenceField, SelectField, useRecordContext, useTranslate } from 'react-admin';
import { EnumField, useEnumLabel } from '../components/fields';

export function Seats() {
  const record = useRecordContext();
  const title = useEnumLabel('PositionTitle');
  const translate = useTranslate();
  const seats = (record?.seats ?? []) as Array<{ title: string; fixed: boolean; alternativeTitles?: string[] }>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {seats.map((s, i) => (
        <Chip key={i} size="small" color={s.fixed ? 'primary' : 'default'} variant={s.fixed ? 'filled' : 'outlined'}
          label={`${[s.title, ...(s.alternativeTitles ?? [])].map(title).join(' / ')}${s.fixed ? ` · ${translate('resources.DecisionBody.fields.fixed')}` : ''}`} />
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
        <DataTable.Col source="quorum"><SelectField source="quorum" choices={[{ id: 'ALL_FIXED', name: 'decisionBody.ALL_FIXED' }, { id: 'MAJORITY', name: 'decisionBody.MAJORITY' }]} /></DataTable.Col>
        <DataTable.Col source="grade"><EnumField source="grade" enumName="ProjectGrade" /></DataTable.Col>
        <DataTable.Col source="orgUnitId"><ReferenceField source="orgUnitId" reference="OrgUnit" emptyText="—" /></DataTable.Col>
      </DataTable>
    </List>
  );
}
