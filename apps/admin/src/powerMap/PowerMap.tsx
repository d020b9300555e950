// The power map (权力地图) of a customer or of one opportunity: the customer's stakeholders drawn as their org chart
// (reports-to lines), each card coloured by attitude (−3 red … +3 green, unknown grey) with title, role in the
// decision, influence and our relationship owner; attitude history and "record attitude" per stakeholder; the
// relationship plan beside it (overdue marked, add, mark done); printable (only the map and plan are printed).
import PrintIcon from '@mui/icons-material/Print';
import {
  Alert,
  Box,
  Button,
  Card,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  GlobalStyles,
  LinearProgress,
  List as MuiList,
  ListItem,
  MenuItem,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { ATTITUDES } from '@iron-triangle/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CreateButton, Link, useNotify, useTranslate, useUpdate } from 'react-admin';
import { useErrorMessage } from '../components/ErrorText';
import { useDate, useEnumLabel } from '../components/fields';
import { toInstant } from '../components/InstantInput';
import { RecordName, useRecordName } from '../components/RecordName';
import { mayWrite } from '../sales/access';
import {
  fetchPowerMap,
  recordStakeholderAttitude,
  type PlanActionData,
  type PowerMapData,
  type StakeholderData,
} from '../sales/salesApi';
import { attitudeCode, attitudeColour, attitudeValueText } from './attitude';
import { reportsToForest, type TreeNode } from './tree';

const INFLUENCE_ORDER = ['HIGH', 'MEDIUM', 'LOW'];
const ROLE_ORDER = ['DECISION_MAKER', 'INFLUENCER', 'EVALUATOR', 'GATEKEEPER', 'USER'];

/** Siblings: decision makers first, then by influence, then by name. */
export function compareStakeholders(a: StakeholderData, b: StakeholderData): number {
  return (
    ROLE_ORDER.indexOf(a.decisionRole) - ROLE_ORDER.indexOf(b.decisionRole) ||
    INFLUENCE_ORDER.indexOf(a.influence) - INFLUENCE_ORDER.indexOf(b.influence) ||
    a.name.localeCompare(b.name)
  );
}

/** The words of an attitude on the scale ("+2 · good business relationship"), or "unknown". */
export function useAttitudeLabel() {
  const label = useEnumLabel('Attitude');
  return (attitude: number | null | undefined) => label(attitudeCode(attitude) ?? 'UNKNOWN');
}

const PRINT_STYLES = {
  '@media print': {
    'body *': { visibility: 'hidden' },
    '.power-map-print, .power-map-print *': { visibility: 'visible' },
    '.power-map-print': { position: 'absolute', left: 0, top: 0, width: '100%' },
    '.power-map-print .no-print': { display: 'none !important' },
    '.power-map-print .print-only': { display: 'block !important' },
    '.power-map-card': { printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact', breakInside: 'avoid' },
  },
} as const;

function StakeholderCard({
  stakeholder,
  onRecord,
  onHistory,
}: {
  stakeholder: StakeholderData;
  onRecord: (s: StakeholderData) => void;
  onHistory: (s: StakeholderData) => void;
}) {
  const translate = useTranslate();
  const role = useEnumLabel('DecisionRole');
  const influence = useEnumLabel('InfluenceLevel');
  const attitudeLabel = useAttitudeLabel();
  const owner = useRecordName('Person', stakeholder.relationshipOwnerId).text;
  const colour = attitudeColour(stakeholder.attitude);
  return (
    <Card
      className="power-map-card"
      data-testid={`stakeholder-${stakeholder.id}`}
      data-attitude={stakeholder.attitude ?? 'unknown'}
      sx={{
        width: 210,
        p: 1,
        background: colour.background,
        color: colour.text,
        border: `2px solid ${colour.border}`,
        textAlign: 'left',
      }}
    >
      <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
        {stakeholder.name}
      </Typography>
      {stakeholder.title && <Typography variant="body2">{stakeholder.title}</Typography>}
      <Typography variant="body2">{role(stakeholder.decisionRole)}</Typography>
      <Typography variant="body2">
        {translate('sales.map.influence', { level: influence(stakeholder.influence) })}
      </Typography>
      <Typography variant="body2" data-testid="stakeholder-attitude">
        {attitudeLabel(stakeholder.attitude)}
      </Typography>
      <Typography variant="body2">
        {translate('sales.map.owner', { name: stakeholder.relationshipOwnerId ? owner : translate('app.none') })}
      </Typography>
      <Box className="no-print" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
        {mayWrite('Stakeholder', 'edit', stakeholder) && (
          <Button
            size="small"
            variant="contained"
            color="inherit"
            sx={{ color: '#212121' }}
            onClick={() => onRecord(stakeholder)}
            data-testid="stakeholder-record-attitude"
          >
            {translate('sales.map.record_attitude')}
          </Button>
        )}
        <Button size="small" color="inherit" onClick={() => onHistory(stakeholder)}>
          {translate('sales.map.history')}
        </Button>
        {mayWrite('Stakeholder', 'edit', stakeholder) && (
          <Button size="small" color="inherit" component={Link} to={`/Stakeholder/${stakeholder.id}`}>
            {translate('sales.map.edit')}
          </Button>
        )}
      </Box>
    </Card>
  );
}

function Branch({
  node,
  onRecord,
  onHistory,
}: {
  node: TreeNode<StakeholderData>;
  onRecord: (s: StakeholderData) => void;
  onHistory: (s: StakeholderData) => void;
}) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', px: 1 }}>
      <StakeholderCard stakeholder={node.item} onRecord={onRecord} onHistory={onHistory} />
      {node.children.length > 0 && (
        <>
          <Box sx={{ width: '2px', height: 16, background: '#757575' }} />
          <Box
            sx={{ display: 'flex', alignItems: 'flex-start', borderTop: '2px solid #757575', pt: 2 }}
            data-testid={`reports-to-${node.item.id}`}
          >
            {node.children.map((child) => (
              <Branch key={child.item.id} node={child} onRecord={onRecord} onHistory={onHistory} />
            ))}
          </Box>
        </>
      )}
    </Box>
  );
}

function Legend() {
  const translate = useTranslate();
  const label = useAttitudeLabel();
  return (
    <Box
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'center', my: 1 }}
      data-testid="attitude-legend"
    >
      <Typography variant="caption" sx={{ mr: 1 }}>
        {translate('sales.map.legend')}
      </Typography>
      {[...ATTITUDES, null].map((a) => {
        const colour = attitudeColour(a);
        return (
          <Chip
            key={String(a)}
            size="small"
            className="power-map-card"
            label={label(a)}
            sx={{ background: colour.background, color: colour.text, border: `1px solid ${colour.border}` }}
          />
        );
      })}
    </Box>
  );
}

function RecordAttitudeDialog({ stakeholder, onClose }: { stakeholder: StakeholderData; onClose: () => void }) {
  const translate = useTranslate();
  const label = useAttitudeLabel();
  const notify = useNotify();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const [attitude, setAttitude] = useState<string>(stakeholder.attitude === null ? '' : String(stakeholder.attitude));
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await recordStakeholderAttitude({
        stakeholderId: stakeholder.id,
        attitude: Number(attitude),
        at: at ? toInstant(at) : null,
        note: note.trim() || null,
      });
      notify('sales.map.recorded', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['powerMap'] });
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('sales.map.record_title', { name: stakeholder.name })}</DialogTitle>
      <DialogContent>
        <MuiTextField
          select
          label={translate('sales.map.attitude')}
          value={attitude}
          onChange={(e) => setAttitude(e.target.value)}
          fullWidth
          sx={{ mt: 1 }}
          data-testid="attitude-select"
        >
          {ATTITUDES.map((a) => (
            <MenuItem key={a} value={String(a)} data-testid={`attitude-option-${a}`}>
              {label(a)}
            </MenuItem>
          ))}
        </MuiTextField>
        <MuiTextField
          type="datetime-local"
          label={translate('sales.map.at')}
          value={at}
          onChange={(e) => setAt(e.target.value)}
          fullWidth
          sx={{ mt: 2 }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <MuiTextField
          label={translate('sales.map.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          fullWidth
          multiline
          sx={{ mt: 2 }}
        />
        {Boolean(error) && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {message(error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || attitude === ''} onClick={save} data-testid="attitude-save">
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function HistoryDialog({ stakeholder, onClose }: { stakeholder: StakeholderData; onClose: () => void }) {
  const translate = useTranslate();
  const label = useAttitudeLabel();
  const date = useDate();
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('sales.map.history_of', { name: stakeholder.name })}</DialogTitle>
      <DialogContent>
        {stakeholder.attitudeHistory.length === 0 ? (
          <Typography>{translate('sales.map.history_empty')}</Typography>
        ) : (
          <MuiList dense data-testid="attitude-history">
            {stakeholder.attitudeHistory.map((h) => (
              <ListItem key={h.id} sx={{ display: 'block' }}>
                <Chip
                  size="small"
                  label={attitudeValueText(h.attitude)}
                  sx={{ background: attitudeColour(h.attitude).background, color: attitudeColour(h.attitude).text }}
                />{' '}
                {label(h.attitude)} · {date(h.at, true)}
                {h.recordedById && (
                  <>
                    {' · '}
                    <RecordName resource="Person" id={h.recordedById} />
                  </>
                )}
                {h.note && <Typography variant="body2">{h.note}</Typography>}
              </ListItem>
            ))}
          </MuiList>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

function PlanActionItem({ action, names }: { action: PlanActionData; names: Map<string, string> }) {
  const translate = useTranslate();
  const date = useDate();
  const notify = useNotify();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const [update, { isPending }] = useUpdate();
  const markDone = () =>
    update(
      'RelationshipPlanAction',
      { id: action.id, data: { doneAt: new Date().toISOString() }, previousData: action },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('sales.plan.done', { type: 'success' });
          void queryClient.invalidateQueries({ queryKey: ['powerMap'] });
        },
        onError: (error) => notify(message(error), { type: 'error' }),
      },
    );
  return (
    <ListItem
      sx={{
        display: 'block',
        borderLeft: action.overdue && !action.doneAt ? '4px solid #c62828' : '4px solid transparent',
      }}
      data-testid={`plan-action-${action.id}`}
      data-overdue={action.overdue && !action.doneAt ? 'true' : 'false'}
    >
      <Typography variant="body2" sx={{ fontWeight: 600, textDecoration: action.doneAt ? 'line-through' : 'none' }}>
        {action.action}
      </Typography>
      <Typography variant="body2">
        <RecordName resource="Person" id={action.ownerId} />
        {' · '}
        {action.doneAt
          ? translate('sales.plan.done_on', { date: date(action.doneAt) })
          : action.overdue
            ? translate('sales.plan.overdue', { date: date(action.dueDate) })
            : translate('sales.plan.due', { date: date(action.dueDate) })}
        {action.stakeholderId && names.has(action.stakeholderId)
          ? ` · ${translate('sales.plan.with', { name: names.get(action.stakeholderId) })}`
          : ''}
      </Typography>
      {action.overdue && !action.doneAt && (
        <Chip size="small" color="error" label={translate('resources.RelationshipPlanAction.fields.overdue')} />
      )}
      {!action.doneAt && mayWrite('RelationshipPlanAction', 'edit', action) && (
        <Button size="small" className="no-print" onClick={markDone} disabled={isPending}>
          {translate('sales.plan.mark_done')}
        </Button>
      )}
    </ListItem>
  );
}

function Plan({ map }: { map: PowerMapData }) {
  const translate = useTranslate();
  const names = new Map(map.stakeholders.map((s) => [s.id, s.name]));
  const actions = [...map.planActions].sort(
    (a, b) => Number(Boolean(a.doneAt)) - Number(Boolean(b.doneAt)) || a.dueDate.localeCompare(b.dueDate),
  );
  return (
    <Box sx={{ flex: '1 1 280px', minWidth: 260 }} data-testid="relationship-plan">
      <Typography variant="h6">{translate('sales.plan.title')}</Typography>
      {mayWrite('RelationshipPlanAction', 'create') && (
        <Box className="no-print">
          <CreateButton
            resource="RelationshipPlanAction"
            label="sales.plan.add"
            state={{ record: { customerId: map.customerId, opportunityId: map.opportunityId } }}
          />
        </Box>
      )}
      {actions.length === 0 ? (
        <Typography color="text.secondary">{translate('sales.plan.empty')}</Typography>
      ) : (
        <MuiList dense>
          {actions.map((a) => (
            <PlanActionItem key={a.id} action={a} names={names} />
          ))}
        </MuiList>
      )}
    </Box>
  );
}

export function PowerMap({ customerId, opportunityId }: { customerId?: string; opportunityId?: string }) {
  const translate = useTranslate();
  const date = useDate();
  const message = useErrorMessage();
  const [recording, setRecording] = useState<StakeholderData | null>(null);
  const [history, setHistory] = useState<StakeholderData | null>(null);
  const { data, error } = useQuery({
    queryKey: ['powerMap', customerId ?? null, opportunityId ?? null],
    queryFn: () => fetchPowerMap({ customerId, opportunityId }),
  });
  if (error) return <Alert severity="error">{message(error)}</Alert>;
  if (!data) return <LinearProgress />;
  const forest = reportsToForest(data.stakeholders, compareStakeholders);
  return (
    <Box className="power-map-print" data-testid="power-map">
      <GlobalStyles styles={PRINT_STYLES} />
      <Typography variant="h6" className="print-only" sx={{ display: 'none' }}>
        {translate('sales.map.printed', { customer: data.customerName, date: date(new Date().toISOString()) })}
      </Typography>
      {data.opportunityId && (
        <Typography variant="body2" color="text.secondary">
          {translate('sales.map.opportunity_map', { customer: data.customerName })}
        </Typography>
      )}
      <Box className="no-print" sx={{ display: 'flex', gap: 1, my: 1 }}>
        <Button startIcon={<PrintIcon />} onClick={() => window.print()} data-testid="power-map-print">
          {translate('sales.map.print')}
        </Button>
        {mayWrite('Stakeholder', 'create') && (
          <CreateButton
            resource="Stakeholder"
            label="sales.map.add_stakeholder"
            state={{ record: { customerId: data.customerId, opportunityId: data.opportunityId } }}
          />
        )}
      </Box>
      <Legend />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, alignItems: 'flex-start' }}>
        <Box sx={{ flex: '3 1 480px', overflowX: 'auto' }} data-testid="power-map-chart">
          {forest.length === 0 ? (
            <Typography color="text.secondary">{translate('sales.map.empty')}</Typography>
          ) : (
            <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2 }}>
              {forest.map((node) => (
                <Branch key={node.item.id} node={node} onRecord={setRecording} onHistory={setHistory} />
              ))}
            </Box>
          )}
        </Box>
        <Plan map={data} />
      </Box>
      {recording && <RecordAttitudeDialog stakeholder={recording} onClose={() => setRecording(null)} />}
      {history && <HistoryDialog stakeholder={history} onClose={() => setHistory(null)} />}
    </Box>
  );
}
