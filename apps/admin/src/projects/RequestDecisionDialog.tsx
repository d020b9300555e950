// "Request a decision" on a project: the point (the next allowed one preselected), the amount (the project's, in
// major units as the API's Money), a due date and a note; shows whom the request will be routed to (whoMayDecide).
// The API's refusals (REQUEST.*, OUT_OF_SEQUENCE) in the portal's words.
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { useEnumLabel } from '../components/fields';
import { useErrorMessage } from '../components/ErrorText';
import { DECIMAL } from '../format';
import { reasonsOf } from '../graphql/client';
import { requestDecision, routedTo } from './timelineApi';

interface Props {
  projectId: string;
  amount: string;
  currency: string;
  /** The points that may be asked for now, in sequence. */
  points: readonly string[];
  nextPoint: string | null;
  onDone: () => void;
}

/**
 * A refusal in the portal's words: a refused argument (BAD_USER_INPUT) carries its REQUEST.* reasons, each with a
 * message of ours; anything else as the portal says every API error.
 */
function useRequestError() {
  const translate = useTranslate();
  const generic = useErrorMessage();
  return (error: unknown): string => {
    const extensions = (error as { extensions?: Record<string, unknown> } | null)?.extensions;
    const codes = reasonsOf(extensions)
      .map((r) => String(r.code))
      .filter((code) => code.startsWith('REQUEST.'));
    return codes.length ? codes.map((code) => translate(`errors.${code}`)).join(' ') : generic(error);
  };
}

/** A calendar day (yyyy-mm-dd, the reader's day) as the end of that day, in UTC. */
export function endOfDay(day: string): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T23:59:59`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function RequestDecisionButton(props: Props) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="contained" disabled={!props.points.length} onClick={() => setOpen(true)}>
        {translate('requestDecision.button')}
      </Button>
      {open && (
        <RequestDecisionDialog
          {...props}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            props.onDone();
          }}
        />
      )}
    </>
  );
}

function RequestDecisionDialog({
  projectId,
  amount,
  currency,
  points,
  nextPoint,
  onDone,
  onClose,
}: Props & {
  onClose: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const pointLabel = useEnumLabel('DecisionPoint');
  const errorMessage = useRequestError();
  const [point, setPoint] = useState(nextPoint ?? points[0] ?? '');
  const [value, setValue] = useState(amount);
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [deciders, setDeciders] = useState<{ names: string[]; hidden: number; seats: boolean } | null>(null);
  const amountOk = DECIMAL.test(value.trim());

  useEffect(() => {
    let live = true;
    setDeciders(null);
    if (!point) return undefined;
    routedTo(projectId, point, amountOk ? value.trim() : undefined).then(
      (list) =>
        live &&
        setDeciders({
          names: [...new Set(list.flatMap((d) => (d.person?.name ? [d.person.name] : [])))],
          hidden: new Set(list.filter((d) => !d.person?.name).map((d) => String(d.personId))).size,
          seats: list.some((d) => d.quorumRequired),
        }),
      () => live && setDeciders({ names: [], hidden: 0, seats: false }),
    );
    return () => {
      live = false;
    };
  }, [projectId, point, value, amountOk, translate]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await requestDecision({
        projectId,
        decisionPoint: point,
        amount: value.trim(),
        dueAt: endOfDay(due),
        note: note.trim() || undefined,
      });
      notify('requestDecision.sent', { type: 'success' });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="request-decision-title">
      <DialogTitle id="request-decision-title">{translate('requestDecision.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            select
            label={translate('requestDecision.point')}
            value={point}
            onChange={(e) => setPoint(e.target.value)}
          >
            {points.map((p) => (
              <MenuItem key={p} value={p}>
                {pointLabel(p)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate('requestDecision.amount', { currency })}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={!amountOk}
            helperText={amountOk ? undefined : translate('validation.decimal')}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          />
          <TextField
            type="date"
            label={translate('requestDecision.due')}
            value={due}
            onChange={(e) => setDue(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            helperText={translate('requestDecision.due_help')}
          />
          <TextField
            label={translate('requestDecision.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
          />
          <Typography variant="body2" data-testid="routed-to">
            {deciders === null
              ? translate('app.loading')
              : deciders.names.length + deciders.hidden
                ? translate('requestDecision.routed_to', {
                    names: [
                      ...deciders.names,
                      ...(deciders.hidden
                        ? [translate('requestDecision.others', { smart_count: deciders.hidden })]
                        : []),
                    ].join(', '),
                  })
                : translate('requestDecision.routed_none')}
            {deciders?.seats ? ` ${translate('requestDecision.body_seats')}` : ''}
          </Typography>
          {error !== null && (
            <Alert severity="error" role="alert" data-testid="request-error">
              {errorMessage(error)}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={busy || !point || !amountOk}>
          {translate('requestDecision.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
