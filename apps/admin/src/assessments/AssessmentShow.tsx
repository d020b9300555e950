import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  BooleanField,
  NumberField,
  ReferenceField,
  Show,
  TabbedShowLayout,
  TextField,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ErrorText } from '../components/ErrorText';
import { HistoryTab } from '../history/HistoryTab';
import { EnumField, LocaleDateField, useEnumLabel } from '../components/fields';
import { TraceText } from '../pools/AllocationTable';
import { GapView, isGap, QualificationStatusView } from '../people/QualificationPanel';
import type { Operations } from '../providers/operations';
import type { QualificationStatus } from '../providers/types';
import { AssessmentRepresentation, RecordTitle } from '../components/names';
import { PersonReferenceField } from '../components/PersonReferenceField';

interface Rating {
  dimensionCode: string;
  score: number;
  evidence?: string | null;
}

/** Ratings are read with the assessment (providers/composites.ts). */
function Ratings() {
  const record = useRecordContext();
  const translate = useTranslate();
  const dimension = useEnumLabel('Dimension');
  const ratings = (record?.ratings ?? []) as Rating[];
  return (
    <Table size="small" aria-label={translate('qualification.ratings')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.Assessment.fields.dimensionCode')}</TableCell>
          <TableCell>{translate('resources.Assessment.fields.score')}</TableCell>
          <TableCell>{translate('resources.Assessment.fields.evidence')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {ratings.map((r) => (
          <TableRow key={r.dimensionCode}>
            <TableCell>{dimension(r.dimensionCode)}</TableCell>
            <TableCell>{r.score}</TableCell>
            <TableCell>{r.evidence}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The gap to the next level as evaluated when the assessment was recorded. */
function Gap() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.gap) return null;
  if (isGap(record.gap)) return <GapView gap={record.gap} />;
  return (
    <>
      <Typography variant="subtitle2">{translate('resources.Assessment.fields.gap')}</Typography>
      <TraceText trace={record.gap} />
    </>
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
    return () => {
      live = false;
    };
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
    <Show
      title={
        <RecordTitle resource="Assessment">
          <AssessmentRepresentation />
        </RecordTitle>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <PersonReferenceField source="personId" link="show" />
          <EnumField source="role" enumName="TriangleRole" />
          <ReferenceField source="frameworkId" reference="QualificationFramework" link="show" />
          <EnumField source="kind" enumName="AssessmentKind" />
          <PersonReferenceField source="assessorId" />
          <LocaleDateField source="assessedAt" />
          <LocaleDateField source="inRoleSince" />
          <NumberField source="tenureMonths" emptyText="—" />
          <NumberField source="completedProjects" />
          <BooleanField source="certifies" />
          <EnumField source="levelReached" enumName="Level" />
          <LocaleDateField source="validUntil" />
          <Gap />
          <Ratings />
          <TextField source="comment" emptyText="—" />
          <CurrentStatus />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
