// What waits for the signed-in person: their pending decision requests, oldest first, each decided from a dialog.
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link, Title, useGetList, useNotify, useTranslate } from 'react-admin';
import { useErrorMessage } from '../components/ErrorText';
import { useDate, useEnumLabel, useMoney } from '../components/fields';
import { useRecordName } from '../components/RecordName';
import {
  InboxRequest,
  isOverdue,
  myRecipient,
  RequestAction,
  signedInPersonId,
  useDecideRequest,
  useInbox,
} from './inboxApi';

const ACTIONS: Array<{ action: RequestAction; color: 'success' | 'error' | 'warning' }> = [
  { action: 'APPROVE', color: 'success' },
  { action: 'REJECT', color: 'error' },
  { action: 'RETURN', color: 'warning' },
];

/** The delegator of an active delegation to `personId` covering the decision point ("via a delegation from X"). */
function DelegatorName({ personId, decisionPoint }: { personId: string; decisionPoint: string }) {
  const translate = useTranslate();
  const { data } = useGetList('Delegation', {
    filter: { delegateId: personId, activeAt: new Date().toISOString().slice(0, 13) + ':00:00.000Z' },
    pagination: { page: 1, perPage: 100 },
  });
  const delegation = data?.find((d) => ((d.decisionPoints as string[] | undefined) ?? []).includes(decisionPoint));
  const delegator = useRecordName('Person', delegation ? String(delegation.delegatorId) : null);
  if (!delegation) return <>{translate('inbox.via.delegation')}</>;
  return <>{translate('inbox.via.delegation_from', { name: delegator.text })}</>;
}

function SeatOf({ seats, scopeOrgUnitId }: { seats: string; scopeOrgUnitId: string }) {
  const translate = useTranslate();
  const unit = useRecordName('OrgUnit', scopeOrgUnitId);
  return <>{translate('inbox.via.seat', { seats, unit: unit.text })}</>;
}

/** How the request reached this person: directly, through a delegation, or in a seat of a decision body. */
export function HowItReached({ request, personId }: { request: InboxRequest; personId: string | null }) {
  const translate = useTranslate();
  const seat = useEnumLabel('PositionTitle');
  const recipient = myRecipient(request, personId);
  if (!recipient) return null;
  const escalated = recipient.level > 0 ? ` · ${translate('inbox.escalated', { level: recipient.level })}` : '';
  if (recipient.via === 'DELEGATION' && personId)
    return (
      <span data-testid="inbox-via">
        <DelegatorName personId={personId} decisionPoint={request.decisionPoint} />
        {escalated}
      </span>
    );
  if (recipient.via === 'SEAT')
    return (
      <span data-testid="inbox-via">
        <SeatOf seats={recipient.seatTitles.map(seat).join(', ')} scopeOrgUnitId={recipient.scopeOrgUnitId} />
        {escalated}
      </span>
    );
  return (
    <span data-testid="inbox-via">
      {translate('inbox.via.direct')}
      {escalated}
    </span>
  );
}

export function InboxRow({
  request,
  personId,
  now,
  onAction,
}: {
  request: InboxRequest;
  personId: string | null;
  now: Date;
  onAction: (request: InboxRequest, action: RequestAction) => void;
}) {
  const translate = useTranslate();
  const point = useEnumLabel('DecisionPoint');
  const money = useMoney();
  const date = useDate();
  const overdue = isOverdue(request, now);
  return (
    <Card data-testid="inbox-row" variant="outlined">
      <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <Box sx={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography variant="subtitle1" component="div">
            <Link to={`/Project/${request.projectId}/show/decisions`}>
              {request.project?.name ?? translate('app.not_visible')}
            </Link>
            {' · '}
            {point(request.decisionPoint)}
          </Typography>
          <Typography variant="body2" color="text.secondary" component="div">
            <span data-testid="inbox-amount">
              {translate('inbox.amount', { amount: money(request.amount, request.currency) })}
            </span>
            {' · '}
            {translate('inbox.requester', { name: request.requester?.name ?? translate('inbox.no_requester') })}
          </Typography>
          <Typography variant="body2" color="text.secondary" component="div">
            {translate('inbox.due', { date: date(request.dueAt, true) })}{' '}
            {overdue && (
              <Chip size="small" color="error" label={translate('inbox.overdue')} data-testid="inbox-overdue" />
            )}
            {' · '}
            <HowItReached request={request} personId={personId} />
          </Typography>
          {request.note && (
            <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
              {translate('inbox.note', { note: request.note })}
            </Typography>
          )}
        </Box>
        <Box sx={{ display: 'flex', gap: 1 }}>
          {ACTIONS.map(({ action, color }) => (
            <Button key={action} variant="outlined" color={color} onClick={() => onAction(request, action)}>
              {translate(`inbox.action.${action}`)}
            </Button>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
}

/** Asks for an optional note, then decides; a refusal stays in the dialog in the reader's language. */
export function DecideDialog({
  request,
  action,
  onClose,
}: {
  request: InboxRequest;
  action: RequestAction;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const point = useEnumLabel('DecisionPoint');
  const message = useErrorMessage();
  const notify = useNotify();
  const decide = useDecideRequest();
  const [note, setNote] = useState('');
  const confirm = () =>
    decide.mutate(
      { id: request.id, action, note },
      {
        onSuccess: () => {
          notify(`inbox.decided.${action}`, { type: 'success' });
          onClose();
        },
      },
    );
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>
        {translate(`inbox.confirm.${action}`, {
          project: request.project?.name ?? '',
          point: point(request.decisionPoint),
        })}
      </DialogTitle>
      <DialogContent>
        <MuiTextField
          label={translate('inbox.decision_note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          fullWidth
          multiline
          sx={{ mt: 1 }}
          slotProps={{ htmlInput: { 'data-testid': 'inbox-note' } }}
        />
        {decide.isError && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="inbox-error">
            {message(decide.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={decide.isPending} onClick={confirm} data-testid="inbox-confirm">
          {translate(`inbox.action.${action}`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function Inbox() {
  const translate = useTranslate();
  const message = useErrorMessage();
  const personId = signedInPersonId();
  const { data, error, isPending } = useInbox(Boolean(personId));
  const [open, setOpen] = useState<{ request: InboxRequest; action: RequestAction } | null>(null);
  const now = new Date();
  const requests = data ?? [];
  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Title title="inbox.title" />
      <Typography variant="h6">{translate('inbox.title')}</Typography>
      {!personId && <Alert severity="info">{translate('inbox.no_person')}</Alert>}
      {Boolean(error) && <Alert severity="error">{message(error)}</Alert>}
      {personId && isPending && <Typography color="text.secondary">{translate('app.loading')}</Typography>}
      {personId && !isPending && !error && requests.length === 0 && (
        <Typography color="text.secondary" data-testid="inbox-empty">
          {translate('inbox.empty')}
        </Typography>
      )}
      {requests.map((request) => (
        <InboxRow
          key={request.id}
          request={request}
          personId={personId}
          now={now}
          onAction={(r, action) => setOpen({ request: r, action })}
        />
      ))}
      {open && <DecideDialog request={open.request} action={open.action} onClose={() => setOpen(null)} />}
    </Box>
  );
}
