import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  BooleanField,
  NumberField,
  ReferenceField,
  Show,
  TabbedShowLayout,
  TextField,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField, useEnumLabel } from '../components/fields';
import { HistoryTab } from '../history/HistoryTab';
import type { FrameworkLevel } from './FrameworkMatrixInput';
import { FrameworkVersionActions } from './FrameworkVersionActions';

/** The levels × dimensions of the record in context, read-only. */
export function FrameworkMatrix() {
  const record = useRecordContext();
  const translate = useTranslate();
  const dimension = useEnumLabel('Dimension');
  const [locale] = useLocaleState();
  const raw = record?.levels;
  const levels = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? [])) as FrameworkLevel[];
  const columns = [...new Set(levels.flatMap((l) => Object.keys(l.minProficiency ?? {})))];
  return (
    <Table size="small" sx={{ width: 'auto' }} aria-label={translate('resources.QualificationFramework.fields.levels')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('matrix.level')}</TableCell>
          {columns.map((c) => (
            <TableCell key={c} title={dimension(c)}>
              {c}
            </TableCell>
          ))}
          <TableCell>{translate('matrix.tenure')}</TableCell>
          <TableCell>{translate('matrix.projects')}</TableCell>
          <TableCell>{translate('matrix.gate')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {levels.map((l) => (
          <TableRow key={l.level}>
            <TableCell>
              {l.level} · {locale === 'zh-CN' ? l.nameZh : l.name}
            </TableCell>
            {columns.map((c) => (
              <TableCell key={c}>{l.minProficiency?.[c] ?? '—'}</TableCell>
            ))}
            <TableCell>{l.minTenureMonths}</TableCell>
            <TableCell>{l.minProjects}</TableCell>
            <TableCell>
              {l.gateMinimumRating ? `≥ ${l.gateMinimumRating} × ${l.gatePeriods ?? 1}` : translate('matrix.no_gate')}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** "AR standard · v2". */
export function FrameworkVersionLabel() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span>
      {record.name} · {translate('framework.version_label', { versionNo: record.versionNo })}
    </span>
  );
}

export function QualificationFrameworkShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <TextField source="name" />
          <NumberField source="versionNo" />
          <EnumField source="role" enumName="TriangleRole" />
          <ReferenceField source="roleModelVersionId" reference="RoleModelVersion" link={false}>
            <TextField source="versionNo" />
          </ReferenceField>
          <NumberField source="validityMonths" />
          <EnumField source="status" enumName="VersionStatus" />
          <BooleanField source="managerMayCertify" />
          <ReferenceField source="previousVersionId" reference="QualificationFramework" link="show" emptyText="—">
            <FrameworkVersionLabel />
          </ReferenceField>
          <NumberField source="assessmentCount" />
          <FrameworkVersionActions />
          <FrameworkMatrix />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
