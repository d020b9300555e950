// A lead: its facts and the class they decide, its grade and why, who verified it, what it still needs to become an
// opportunity, and its nurture actions. Verify, convert and drop are here, for those who may edit leads.
import { Box, Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  EditButton,
  Labeled,
  Link,
  ReferenceField,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
  BooleanField,
} from 'react-admin';
import { EnumField, LocaleDateField, MoneyField, useDate, useEnumLabel } from '../components/fields';
import { RecordName, useRecordName } from '../components/RecordName';
import { HistoryTab } from '../history/HistoryTab';
import { mayWrite } from '../sales/access';
import { ConvertLeadButton, DropLeadButton, VerifyLeadButton } from './LeadActions';
import { PersonReferenceField } from '../components/PersonReferenceField';

export interface LeadRecord {
  id: string;
  title: string;
  status: string;
  foundById: string;
  verifiedById: string | null;
  verifiedAt: string | null;
  leadClass: string;
  classReasons: string[];
  classMissing: string[];
  grade: string;
  gradeReasons: string[];
  missingForOpportunity: string[];
  opportunityId: string | null;
}

/** The class, the facts it rests on and what the next class still needs (as the project grading explains). */
export function LeadClassReasons() {
  const record = useRecordContext<LeadRecord>();
  const translate = useTranslate();
  const fact = useEnumLabel('LeadFact');
  const leadClass = useEnumLabel('LeadClass');
  if (!record) return null;
  const list = (codes: string[] | undefined) => (codes ?? []).map(fact).join(translate('sales.list_separator'));
  return (
    <Box data-testid="lead-class">
      <Typography variant="caption" color="text.secondary">
        {translate('sales.class_why')}
      </Typography>
      <Typography variant="body1">{leadClass(record.leadClass)}</Typography>
      <Typography variant="body2">
        {record.classReasons?.length
          ? translate('sales.facts_held', { facts: list(record.classReasons) })
          : translate('sales.no_facts')}
      </Typography>
      <Typography variant="body2" data-testid="lead-class-missing">
        {record.classMissing?.length
          ? translate('sales.missing_next', { facts: list(record.classMissing) })
          : translate('sales.top_class')}
      </Typography>
    </Box>
  );
}

export function LeadGradeReasons() {
  const record = useRecordContext<LeadRecord>();
  const translate = useTranslate();
  const reason = useEnumLabel('LeadGradeReason');
  const grade = useEnumLabel('LeadGrade');
  if (!record) return null;
  return (
    <Box data-testid="lead-grade">
      <Typography variant="caption" color="text.secondary">
        {translate('sales.grade_why')}
      </Typography>
      <Typography variant="body1">{grade(record.grade)}</Typography>
      <ul style={{ marginTop: 0 }} data-testid="lead-grade-reasons">
        {(record.gradeReasons ?? []).map((r) => (
          <li key={r}>{reason(r)}</li>
        ))}
      </ul>
    </Box>
  );
}

function Verification() {
  const record = useRecordContext<LeadRecord>();
  const translate = useTranslate();
  const date = useDate();
  const verifier = useRecordName('Person', record?.verifiedById).text;
  if (!record) return null;
  return (
    <Box data-testid="lead-verification">
      <Typography variant="caption" color="text.secondary">
        {translate('sales.verification')}
      </Typography>
      <Typography variant="body2">
        {record.verifiedById
          ? translate('sales.verified_by', { name: verifier, date: date(record.verifiedAt, true) })
          : translate('sales.not_verified')}
      </Typography>
    </Box>
  );
}

/** What the lead still needs to become an opportunity, named in the reader's language. */
export function MissingForOpportunity() {
  const record = useRecordContext<LeadRecord>();
  const translate = useTranslate();
  const requirement = useEnumLabel('OpportunityRequirement');
  if (!record || record.status !== 'OPEN') return null;
  const missing = record.missingForOpportunity ?? [];
  return (
    <Typography variant="body2" data-testid="lead-missing" color={missing.length ? 'warning.main' : 'success.main'}>
      {missing.length
        ? translate('sales.convert_missing', {
            missing: missing.map(requirement).join(translate('sales.list_separator')),
          })
        : translate('sales.convert_ready')}
    </Typography>
  );
}

function OpportunityLink() {
  const record = useRecordContext<LeadRecord>();
  if (!record?.opportunityId) return null;
  return (
    <Labeled label="sales.opportunity">
      <Link to={`/Opportunity/${record.opportunityId}/show`} data-testid="lead-opportunity-link">
        <RecordName resource="Opportunity" id={record.opportunityId} />
      </Link>
    </Labeled>
  );
}

function LeadActions() {
  const record = useRecordContext();
  return (
    <TopToolbar>
      <VerifyLeadButton />
      <ConvertLeadButton />
      <DropLeadButton />
      {mayWrite('Lead', 'edit', record) && <EditButton />}
    </TopToolbar>
  );
}

function AddNurtureButton() {
  const record = useRecordContext<LeadRecord>();
  if (!record || !mayWrite('LeadNurtureAction', 'create')) return null;
  return (
    <CreateButton resource="LeadNurtureAction" label="sales.add_nurture" state={{ record: { leadId: record.id } }} />
  );
}

export function LeadShow() {
  return (
    <Show actions={<LeadActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <TextField source="title" />
          <TextField source="source" />
          <ReferenceField source="customerId" reference="Customer" link="show" />
          <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" />
          <TextField source="need" emptyText="—" />
          <PersonReferenceField source="ownerId" link="show" />
          <PersonReferenceField source="foundById" link="show" />
          <EnumField source="status" enumName="LeadStatus" />
          <OpportunityLink />
          <Verification />
          <LeadClassReasons />
          <LeadGradeReasons />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="sales.facts" path="facts">
          <BooleanField source="clearNeed" />
          <BooleanField source="decisionMakerKnown" />
          <BooleanField source="investmentPlan" />
          <LocaleDateField source="expectedDate" emptyKey="app.none" />
          <MoneyField source="expectedAmount" emptyKey="app.none" />
          <BooleanField source="strategicIndustryBreakthrough" />
          <BooleanField source="majorProductDirectionImpact" />
          <BooleanField source="majorBusinessModelImpact" />
          <BooleanField source="marketBreakthrough" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="sales.conversion" path="conversion">
          <MoneyField source="budget" emptyKey="app.none" />
          <LocaleDateField source="startTime" emptyKey="app.none" />
          <BooleanField source="fittingSolution" />
          <MissingForOpportunity />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="sales.nurture" path="nurture">
          <AddNurtureButton />
          <ReferenceManyField
            reference="LeadNurtureAction"
            target="leadId"
            label={false}
            sort={{ field: 'dueDate', order: 'ASC' }}
            empty={<NoNurture />}
          >
            <DataTable bulkActionButtons={false} rowClick={mayWrite('LeadNurtureAction') ? 'edit' : false}>
              <DataTable.Col source="action" />
              <DataTable.Col source="dueDate">
                <LocaleDateField source="dueDate" />
              </DataTable.Col>
              <DataTable.Col source="doneAt">
                <LocaleDateField source="doneAt" emptyKey="app.none" />
              </DataTable.Col>
              <DataTable.Col source="ownerId">
                <PersonReferenceField source="ownerId" link={false} />
              </DataTable.Col>
              <DataTable.Col source="note" />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}

function NoNurture() {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('sales.no_nurture')}</Typography>;
}
