import { Box, Card, CardContent, Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  Labeled,
  Link,
  ReferenceField,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ChainView } from '../components/ChainView';
import { EnumField, LocaleDateField, MoneyField, useEnumLabel } from '../components/fields';
import { RecordName } from '../components/RecordName';
import type { DecisionRecord } from '../providers/types';
import { ProjectTeam } from './ProjectTeam';
import { BodyDecisions } from './BodyDecisions';
import { HistoryTab } from '../history/HistoryTab';
import { ProjectTimeline } from './ProjectTimeline';
import { PersonReferenceField } from '../components/PersonReferenceField';

function GradeReasons() {
  const record = useRecordContext();
  const translate = useTranslate();
  const reason = useEnumLabel('GradeReason');
  const reasons = (record?.gradeReasons as string[] | undefined) ?? [];
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {translate('project.grade_why')}
      </Typography>
      <ul style={{ marginTop: 0 }} data-testid="grade-reasons">
        {reasons.map((r) => (
          <li key={r}>{reason(r)}</li>
        ))}
      </ul>
      {record?.gradeJustification && <Typography variant="body2">{String(record.gradeJustification)}</Typography>}
    </Box>
  );
}

export function DecisionChains() {
  const { data } = useListContext<DecisionRecord>();
  const point = useEnumLabel('DecisionPoint');
  const outcome = useEnumLabel('DecisionOutcome');
  // No decisions: the table above already says so (one empty state, issue #16 item 7).
  if (!data?.length) return null;
  return (
    <>
      {data.map((d) => (
        <Card key={d.id} variant="outlined" sx={{ mb: 1 }}>
          <CardContent>
            <Typography variant="subtitle1">
              {point(d.decisionPoint)} · {outcome(d.outcome)} · <RecordName resource="Person" id={d.deciderId} />
            </Typography>
            {d.chain && <ChainView chain={d.chain} personId={d.deciderId} />}
          </CardContent>
        </Card>
      ))}
    </>
  );
}

function ProjectBodyDecisions() {
  const record = useRecordContext();
  return record ? <BodyDecisions projectId={String(record.id)} /> : null;
}

/** The opportunity the project was made from (issue #17), when there is one. */
function OpportunityLink() {
  const record = useRecordContext();
  if (!record?.opportunityId) return null;
  return (
    <Labeled label="sales.opportunity">
      <Link to={`/Opportunity/${String(record.opportunityId)}/show`} data-testid="project-opportunity-link">
        <RecordName resource="Opportunity" id={String(record.opportunityId)} />
      </Link>
    </Labeled>
  );
}

function RecordDecisionButton() {
  const record = useRecordContext();
  return record ? (
    <CreateButton resource="Decision" label="project.record_decision" state={{ record: { projectId: record.id } }} />
  ) : null;
}

export function ProjectShow() {
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <TextField source="name" />
          <TextField source="externalRef" />
          <ReferenceField source="customerId" reference="Customer" />
          <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" />
          <EnumField source="stage" enumName="Stage" />
          <MoneyField source="amount" />
          <EnumField source="grade" enumName="ProjectGrade" />
          <GradeReasons />
          <OpportunityLink />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="project.team" path="team">
          <ProjectTeam />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="timeline.tab" path="timeline">
          <ProjectTimeline />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="project.decisions" path="decisions">
          <ProjectBodyDecisions />
          <RecordDecisionButton />
          <ReferenceManyField
            reference="Decision"
            target="projectId"
            label={false}
            sort={{ field: 'decidedAt', order: 'DESC' }}
          >
            <DataTable bulkActionButtons={false} rowClick="show">
              <DataTable.Col source="decidedAt">
                <LocaleDateField source="decidedAt" showTime />
              </DataTable.Col>
              <DataTable.Col source="decisionPoint">
                <EnumField source="decisionPoint" enumName="DecisionPoint" />
              </DataTable.Col>
              <DataTable.Col source="outcome">
                <EnumField source="outcome" enumName="DecisionOutcome" />
              </DataTable.Col>
              <DataTable.Col source="deciderId">
                <PersonReferenceField source="deciderId" />
              </DataTable.Col>
            </DataTable>
            <DecisionChains />
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
