// A role model with its version history; each version's dimensions and key behaviours open below it.
// Changing the model means a new draft (copied from the version in force), published beside a side-by-side diff, so
// assessments keep the version they used.
import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { MouseEvent, useState } from 'react';
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
import { PublishDialog, VersionRow } from '../roleModelVersions/PublishDialog';
import { useErrorMessage } from '../components/ErrorText';
import type { Operations } from '../providers/operations';
import { formatDate } from '../format';

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

interface VersionRecord extends VersionRow {
  publishedAt?: string | null;
  notes?: string | null;
}

const inForceOf = (versions: VersionRecord[]) => versions.find((v) => v.status === 'PUBLISHED') ?? null;

/**
 * "New draft": a copy of the version in force (or of the latest one) made by the API with its dimensions and key
 * behaviours, opened for editing; the first version of a model is made on the create page. Hidden while a draft exists.
 */
function NewDraftButton() {
  const model = useRecordContext();
  const { data = [] } = useListContext<VersionRecord>();
  const translate = useTranslate();
  const navigate = useNavigate();
  const dataProvider = useDataProvider() as unknown as Operations;
  const message = useErrorMessage();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'RoleModelVersion', action: 'create' });
  if (!canAccess || !model) return null;
  if (data.some((v) => v.status === 'DRAFT')) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
        {translate('roleModelVersions.draft_exists')}
      </Typography>
    );
  }
  const latest = [...data].sort((a, b) => Number(b.versionNo) - Number(a.versionNo))[0];
  const source = inForceOf(data) ?? latest;
  const start = async () => {
    if (!source) {
      navigate('/RoleModelVersion/create', {
        state: { record: { roleModelId: model.id, versionNo: 1, status: 'DRAFT', dimensions: [] } },
      });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const draft = await dataProvider.newRoleModelDraft(String(source.id));
      navigate(`/RoleModelVersion/${draft.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ my: 1 }}>
      <Button startIcon={<AddIcon />} onClick={start} disabled={busy} data-testid="role-model-new-draft">
        {translate('roleModelVersions.new_draft')}
      </Button>
      {Boolean(error) && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {message(error)}
        </Alert>
      )}
    </Box>
  );
}

/** Until when a version was in force: the moment the next published version replaced it. */
function InForceUntil() {
  const record = useRecordContext<VersionRecord>();
  const { data = [] } = useListContext<VersionRecord>();
  const [locale] = useLocaleState();
  if (!record?.publishedAt || record.status === 'PUBLISHED') return <span>—</span>;
  const next = data
    .filter((v) => v.versionNo > record.versionNo && v.publishedAt)
    .sort((a, b) => a.versionNo - b.versionNo)[0];
  return <span>{next?.publishedAt ? formatDate(next.publishedAt, locale) : '—'}</span>;
}

/** A draft's steps: edit it, or publish it (the dialog shows it beside the version in force). */
function VersionSteps() {
  const record = useRecordContext<VersionRecord>();
  const { data = [] } = useListContext<VersionRecord>();
  const translate = useTranslate();
  const navigate = useNavigate();
  const [publishing, setPublishing] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'RoleModelVersion', action: 'edit' });
  if (!record || record.status !== 'DRAFT' || !canAccess) return null;
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <Stack direction="row" spacing={1} onClick={stop}>
      <Button size="small" onClick={() => navigate(`/RoleModelVersion/${record.id}`)}>
        {translate('roleModelVersions.edit_draft')}
      </Button>
      <Button size="small" variant="contained" onClick={() => setPublishing(true)} data-testid="role-model-publish">
        {translate('roleModelVersions.publish')}
      </Button>
      {publishing && <PublishDialog draft={record} inForce={inForceOf(data)} onClose={() => setPublishing(false)} />}
    </Stack>
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
          <NewDraftButton />
          <DataTable expand={<VersionDimensions />} bulkActionButtons={false} rowClick="expand">
            <DataTable.Col source="versionNo" />
            <DataTable.Col source="status">
              <EnumField source="status" enumName="VersionStatus" />
            </DataTable.Col>
            <DataTable.Col source="publishedAt" label="roleModelVersions.in_force_from">
              <LocaleDateField source="publishedAt" emptyKey="roleModelVersions.not_yet" />
            </DataTable.Col>
            <DataTable.Col label="roleModelVersions.in_force_until">
              <InForceUntil />
            </DataTable.Col>
            <DataTable.Col source="notes" />
            <DataTable.Col label="roleModelVersions.steps">
              <VersionSteps />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
