// A role model with its version history; each version's dimensions and key behaviours open below it.
// Changing the model means a new version (copied from the latest), so assessments keep the version they used.
import AddIcon from '@mui/icons-material/Add';
import { Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  DataTable,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  useDataProvider,
  useGetManyReference,
  useListContext,
  useLocaleState,
  useRecordContext,
  useTranslate,
  useCanAccess,
} from 'react-admin';
import { useNavigate } from 'react-router';
import { EnumField, LocaleDateField } from '../components/fields';
import { Indicator, indicatorName } from '../roleModelVersions/indicators';

interface Dimension {
  id: string;
  code: string;
  name: string;
  nameZh: string;
  indicators?: Indicator[];
  sortOrder?: number;
}

export function VersionDimensions() {
  const version = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data = [] } = useGetManyReference<Dimension>(
    'RoleModelDimension',
    {
      target: 'roleModelVersionId',
      id: version?.id,
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'sortOrder', order: 'ASC' },
    },
    { enabled: Boolean(version?.id) },
  );
  return (
    <Table size="small" aria-label={translate('roleModel.dimensions')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.RoleModelDimension.fields.code')}</TableCell>
          <TableCell>{translate('resources.RoleModelDimension.fields.name')}</TableCell>
          <TableCell>{translate('roleModel.behaviours')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((d) => (
          <TableRow key={d.id}>
            <TableCell>{d.code}</TableCell>
            <TableCell>{locale === 'zh-CN' ? d.nameZh : d.name}</TableCell>
            <TableCell>
              <ul style={{ margin: 0 }}>
                {(d.indicators ?? []).map((i) => (
                  <li key={i.code}>{indicatorName(i, locale)}</li>
                ))}
              </ul>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function NewVersionButton() {
  const model = useRecordContext();
  const { data = [] } = useListContext();
  const translate = useTranslate();
  const navigate = useNavigate();
  const dataProvider = useDataProvider();
  const { canAccess } = useCanAccess({ resource: 'RoleModelVersion', action: 'create' });
  if (!canAccess || !model) return null;
  const latest = [...data].sort((a, b) => Number(b.versionNo) - Number(a.versionNo))[0];
  const start = async () => {
    const copied = latest ? (await dataProvider.getOne('RoleModelVersion', { id: latest.id })).data.dimensions : [];
    navigate('/RoleModelVersion/create', {
      state: {
        record: {
          roleModelId: model.id,
          versionNo: Number(latest?.versionNo ?? 0) + 1,
          status: 'DRAFT',
          dimensions: copied ?? [],
        },
      },
    });
  };
  return (
    <Button startIcon={<AddIcon />} onClick={start}>
      {translate('roleModel.new_version')}
    </Button>
  );
}

export function RoleModelShow() {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <EnumField source="role" enumName="TriangleRole" />
        <TextField source="name" />
        <TextField source="nameZh" />
        <TextField source="description" emptyText="—" />
        <Typography variant="subtitle1">{translate('roleModel.history')}</Typography>
        <ReferenceManyField
          reference="RoleModelVersion"
          target="roleModelId"
          sort={{ field: 'versionNo', order: 'DESC' }}
          label={false}
        >
          <NewVersionButton />
          <DataTable expand={<VersionDimensions />} bulkActionButtons={false} rowClick="expand">
            <DataTable.Col source="versionNo" />
            <DataTable.Col source="status">
              <EnumField source="status" enumName="VersionStatus" />
            </DataTable.Col>
            <DataTable.Col source="publishedAt">
              <LocaleDateField source="publishedAt" />
            </DataTable.Col>
            <DataTable.Col source="notes" />
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
