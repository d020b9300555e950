import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { ReferenceField, Show, SimpleShowLayout, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { ErrorText } from '../components/ErrorText';
import { EnumField, LocaleDateField, useEnumLabel } from '../components/fields';
import { QualificationStatusView } from '../people/QualificationPanel';
import type { Operations } from '../providers/operations';
import type { QualificationStatus } from '../providers/types';

interface Rating { dimension: string; rating: number; evidence?: string }

function Ratings() {
  const record = useRecordContext();
  const translate = useTranslate();
  const dimension = useEnumLabel('Dimension');
  const raw = record?.ratings;
  const ratings = (typeof raw === 'string' ? JSON.parse(raw) : raw ?? []) as Rating[];
  return (
    <Table size="small" aria-label={translate('qualification.ratings')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.Assessment.fields.dimension')}</TableCell>
          <TableCell>{translate('resources.Assessment.fields.rating')}</TableCell>
          <TableCell>{translate('resources.Assessment.fields.evidence')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {ratings.map((r) => (
          <TableRow key={r.dimension}>
            <TableCell>{dimension(r.dimension)}</TableCell>
            <TableCell>{r.rating}</TableCell>
            <TableCell>{r.evidence}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The person's standing for this role today: level, valid until and the gap to the next level. */
function CurrentStatus() {
  const record = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider() as unknown as Operations;
  const [state, setState] = useState<{ status?: QualificationStatus; error?: unknown }>({});
  useEffect(() => {
    if (!record?.personId || !record.role) return;
    let live = true;
    dataProvider.qualificationStatus(String(record.personId), String(record.role)).then(
      (status) => live && setState({ status }),
      (error) => live && setState({ error }),
    );
    return () => { live = false; };
  }, [dataProvider, record?.personId, record?.role]);
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1">{translate('qualification.title')}</Typography>
        {state.status && <QualificationStatusView status={state.status} />}
        {Boolean(state.error) && <ErrorText error={state.error} />}
      </CardContent>
    </Card>
  );
}

export function AssessmentShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <ReferenceField source="personId" reference="Person" link="show" />
        <EnumField source="role" enumName="TriangleRole" />
        <ReferenceField source="frameworkId" reference="QualificationFramework" link="show" />
        <EnumField source="kind" enumName="AssessmentKind" />
        <ReferenceField source="assessorId" reference="Person" />
        <LocaleDateField source="assessedAt" />
        <EnumField source="level" enumName="Level" />
        <LocaleDateField source="validUntil" />
        <Ratings />
        <CurrentStatus />
      </SimpleShowLayout>
    </Show>
  );
}
