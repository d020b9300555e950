// An opportunity: its facts, stage history, "move stage" (the moves the funnel allows), "create project" (the
// project at ATI, linked both ways), and the power map of its customer's people mapped for it.
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import WorkIcon from '@mui/icons-material/Work';
import { Box, Button, List as MuiList, ListItem, MenuItem, TextField as MuiTextField, Typography } from '@mui/material';
import { allowedStageTransitions, isOpportunityStage } from '@iron-triangle/domain';
import { useState } from 'react';
import {
  EditButton,
  Labeled,
  Link,
  ReferenceField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { useNavigate } from 'react-router';
import { ConfirmRunDialog } from '../components/ConfirmRunDialog';
import { EnumField, LocaleDateField, MoneyField, useDate, useEnumLabel } from '../components/fields';
import { RecordName } from '../components/RecordName';
import { HistoryTab } from '../history/HistoryTab';
import { PowerMap } from '../powerMap/PowerMap';
import { mayWrite } from '../sales/access';
import { createProjectFromOpportunity } from '../sales/salesApi';
import { Probability } from './OpportunityList';
import { stageSteps } from './stageHistory';
import { PersonReferenceField } from '../components/PersonReferenceField';

interface OpportunityRecord {
  id: string;
  name: string;
  stage: string;
  stageHistory: unknown;
  projectId: string | null;
  leadId: string | null;
  customerId: string;
  version: number;
}

function StageHistory() {
  const record = useRecordContext<OpportunityRecord>();
  const translate = useTranslate();
  const stage = useEnumLabel('OpportunityStage');
  const date = useDate();
  const steps = stageSteps(record?.stageHistory);
  return (
    <Box data-testid="stage-history">
      <Typography variant="caption" color="text.secondary">
        {translate('sales.stage_history')}
      </Typography>
      {steps.length === 0 ? (
        <Typography variant="body2">{translate('sales.no_history')}</Typography>
      ) : (
        <MuiList dense>
          {steps.map((s, i) => (
            <ListItem key={`${s.stage}-${i}`}>
              {translate('sales.stage_entry', { stage: stage(s.stage), date: date(s.at, true) })}
            </ListItem>
          ))}
        </MuiList>
      )}
    </Box>
  );
}

function MoveStageButton() {
  const record = useRecordContext<OpportunityRecord>();
  const translate = useTranslate();
  const stage = useEnumLabel('OpportunityStage');
  const notify = useNotify();
  const refresh = useRefresh();
  const [update] = useUpdate();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  if (!record || !mayWrite('Opportunity', 'edit', record) || !isOpportunityStage(record.stage)) return null;
  const moves = allowedStageTransitions(record.stage);
  if (moves.length === 0) return null;
  const move = async () => {
    await update(
      'Opportunity',
      { id: record.id, data: { stage: to }, previousData: record },
      { mutationMode: 'pessimistic', returnPromise: true },
    );
    notify('sales.moved', { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button
        startIcon={<AccountTreeIcon />}
        onClick={() => {
          setTo(moves[0] ?? '');
          setOpen(true);
        }}
        data-testid="opportunity-move"
      >
        {translate('sales.move_stage')}
      </Button>
      <ConfirmRunDialog
        open={open}
        onClose={() => setOpen(false)}
        title={translate('sales.move_stage')}
        confirmLabel={translate('sales.move_stage')}
        run={move}
        ready={Boolean(to)}
        maxWidth="xs"
        confirmTestId="opportunity-move-confirm"
      >
        <MuiTextField
          select
          label={translate('sales.move_to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          fullWidth
          sx={{ mt: 1 }}
          data-testid="opportunity-move-to"
        >
          {moves.map((m) => (
            <MenuItem key={m} value={m}>
              {stage(m)}
            </MenuItem>
          ))}
        </MuiTextField>
      </ConfirmRunDialog>
    </>
  );
}

function CreateProjectButton() {
  const record = useRecordContext<OpportunityRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  if (!record || record.projectId || record.stage === 'LOST' || !mayWrite('Project', 'create')) return null;
  const create = async () => {
    const project = await createProjectFromOpportunity(String(record.id), name.trim());
    notify('sales.project_created', { type: 'success' });
    navigate(`/Project/${project.id}/show`);
  };
  return (
    <>
      <Button startIcon={<WorkIcon />} onClick={() => setOpen(true)} data-testid="opportunity-create-project">
        {translate('sales.create_project')}
      </Button>
      <ConfirmRunDialog
        open={open}
        onClose={() => setOpen(false)}
        title={translate('sales.create_project_title')}
        confirmLabel={translate('sales.create_project')}
        run={create}
        confirmTestId="opportunity-create-project-confirm"
      >
        <Typography variant="body2">{translate('sales.create_project_explain')}</Typography>
        <MuiTextField
          label={translate('sales.project_name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          fullWidth
          sx={{ mt: 2 }}
        />
      </ConfirmRunDialog>
    </>
  );
}

function Links() {
  const record = useRecordContext<OpportunityRecord>();
  if (!record) return null;
  return (
    <>
      {record.leadId && (
        <Labeled label="resources.Opportunity.fields.leadId">
          <Link to={`/Lead/${record.leadId}/show`}>
            <RecordName resource="Lead" id={record.leadId} field="title" />
          </Link>
        </Labeled>
      )}
      {record.projectId && (
        <Labeled label="resources.Opportunity.fields.projectId">
          <Link to={`/Project/${record.projectId}/show`} data-testid="opportunity-project-link">
            <RecordName resource="Project" id={record.projectId} />
          </Link>
        </Labeled>
      )}
    </>
  );
}

function OpportunityMap() {
  const record = useRecordContext<OpportunityRecord>();
  return record ? <PowerMap opportunityId={String(record.id)} customerId={String(record.customerId)} /> : null;
}

function Actions() {
  const record = useRecordContext();
  return (
    <TopToolbar>
      <MoveStageButton />
      <CreateProjectButton />
      {mayWrite('Opportunity', 'edit', record) && <EditButton />}
    </TopToolbar>
  );
}

export function OpportunityShow() {
  return (
    <Show actions={<Actions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="ra.message.details">
          <TextField source="name" />
          <ReferenceField source="customerId" reference="Customer" link="show" />
          <ReferenceField source="orgUnitId" reference="OrgUnit" link="show" />
          <PersonReferenceField source="ownerId" link="show" />
          <EnumField source="stage" enumName="OpportunityStage" />
          <EnumField source="grade" enumName="LeadGrade" />
          <MoneyField source="expectedAmount" />
          <LocaleDateField source="closeDate" />
          <Labeled label="resources.Opportunity.fields.effectiveProbability">
            <Probability />
          </Labeled>
          <Links />
          <StageHistory />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="sales.map.title" path="map">
          <OpportunityMap />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="history.tab" path="history">
          <HistoryTab label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
