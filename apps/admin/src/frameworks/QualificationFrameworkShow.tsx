import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { NumberField, ReferenceField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { EnumField, useEnumLabel } from '../components/fields';
import type { FrameworkLevel } from './FrameworkMatrixInput';

function Matrix() {
  const record = useRecordContext();
  const translate = useTranslate();
  const dimension = useEnumLabel('Dimension');
  const raw = record?.levels;
  const levels = (typeof raw === 'string' ? JSON.parse(raw) : raw ?? []) as FrameworkLevel[];
  const columns = [...new Set(levels.flatMap((l) => Object.keys(l.minProficiency ?? {})))];
  return (
    <Table size="small" sx={{ width: 'auto' }} aria-label={translate('resources.QualificationFramework.fields.levels')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('matrix.level')}</TableCell>
          {columns.map((c) => <TableCell key={c} title={dimension(c)}>{c}</TableCell>)}
          <TableCell>{translate('matrix.tenure')}</TableCell>
          <TableCell>{translate('matrix.projects')}</TableCell>
          <TableCell>{translate('matrix.gate')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {levels.map((l) => (
          <TableRow key={l.level}>
            <TableCell>{l.level}</TableCell>
            {columns.map((c) => <TableCell key={c}>{l.minProficiency?.[c] ?? '—'}</TableCell>)}
            <TableCell>{l.minTenureMonths}</TableCell>
            <TableCell>{l.minProjects}</TableCell>
            <TableCell>{translate(l.performanceGate ? 'app.yes' : 'app.no')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function QualificationFrameworkShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <EnumField source="role" enumName="TriangleRole" />
        <ReferenceField source="roleModelId" reference="RoleModel" link="show" />
        <NumberField source="validityMonths" />
        <Matrix />
      </SimpleShowLayout>
    </Show>
  );
}
