import { Chip, Stack } from '@mui/material';
import {
  DataTable,
  List,
  ReferenceField,
  SelectField,
  useGetManyReference,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField, useEnumLabel } from '../components/fields';
import { rowClickFor } from '../auth/rowClick';
import { ExportListActions } from '../export';

export function Seats() {
  const record = useRecordContext();
  const title = useEnumLabel('PositionTitle');
  const translate = useTranslate();
  // In a list the API's seats arrive as ids only: read them as records.
  const { data: seats = [] } = useGetManyReference<{
    id: string;
    title: string;
    fixed: boolean;
    alternativeTitles?: string[];
  }>(
    'DecisionBodySeat',
    {
      target: 'decisionBodyId',
      id: record?.id,
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'sortOrder', order: 'ASC' },
    },
    { enabled: Boolean(record?.id) },
  );
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {seats.map((s, i) => (
        <Chip
          key={i}
          size="small"
          color={s.fixed ? 'primary' : 'default'}
          variant={s.fixed ? 'filled' : 'outlined'}
          label={
            `${[s.title, ...(s.alternativeTitles ?? [])].map(title).join(' / ')}` +
            `${s.fixed ? ` · ${translate('resources.DecisionBody.fields.fixed')}` : ''}`
          }
        />
      ))}
    </Stack>
  );
}

export function DecisionBodyList() {
  return (
    <List actions={<ExportListActions />}>
      <DataTable rowClick={rowClickFor('DecisionBody')}>
        <DataTable.Col source="name" />
        <DataTable.Col source="seats">
          <Seats />
        </DataTable.Col>
        <DataTable.Col source="quorum">
          <SelectField
            source="quorum"
            choices={[
              { id: 'ALL_FIXED', name: 'decisionBody.ALL_FIXED' },
              { id: 'MAJORITY', name: 'decisionBody.MAJORITY' },
            ]}
          />
        </DataTable.Col>
        <DataTable.Col source="grade">
          <EnumField source="grade" enumName="ProjectGrade" />
        </DataTable.Col>
        <DataTable.Col source="orgUnitId">
          <ReferenceField source="orgUnitId" reference="OrgUnit" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
