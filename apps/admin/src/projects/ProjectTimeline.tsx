// The project's decision timeline (issue #14): the LTC points as a vertical stepper — done, pending, reopened, next or
// locked (timeline.ts) — with "Request a decision" and, for the requester, withdrawing a pending request.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Box, Button, Chip, Stack, Step, StepContent, StepLabel, Stepper, Typography } from '@mui/material';
import { useNotify, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { roleMay, type UserRole } from '@iron-triangle/domain';
import { useDate, useEnumLabel, useMoney } from '../components/fields';
import { useErrorMessage } from '../components/ErrorText';
import { loadSession } from '../auth/session';
import { buildTimeline, type StepState, type TimelineStep } from './timeline';
import { loadTimeline, withdrawDecisionRequest, type TimelineData } from './timelineApi';
import { RequestDecisionButton } from './RequestDecisionDialog';

const CHIP_COLOR: Record<StepState, 'success' | 'warning' | 'error' | 'primary' | 'default'> = {
  done: 'success',
  pending: 'warning',
  reopened: 'error',
  next: 'primary',
  locked: 'default',
};

export function ProjectTimeline() {
  const record = useRecordContext();
  const projectId = record ? String(record.id) : null;
  const translate = useTranslate();
  const [data, setData] = useState<TimelineData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const errorMessage = useErrorMessage();
  const { permissions } = usePermissions<UserRole>();
  const mayRequest = Boolean(permissions) && roleMay(permissions as UserRole, 'decisions', 'write');
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const stage = useEnumLabel('Stage');

  useEffect(() => {
    if (!projectId) return undefined;
    let live = true;
    loadTimeline(projectId).then(
      (d) => live && (setData(d), setError(null)),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [projectId, version]);

  const timeline = useMemo(
    () => (data ? buildTimeline({ stage: data.stage, decisions: data.decisions, requests: data.requests }) : null),
    [data],
  );
  if (error) return <Alert severity="error">{errorMessage(error)}</Alert>;
  if (!data || !timeline) return <Typography color="text.secondary">{translate('app.loading')}</Typography>;
  const askable = timeline.steps.filter((s) => s.allowed && s.state !== 'pending').map((s) => s.point);
  return (
    <Box data-testid="project-timeline" sx={{ maxWidth: 900 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="h6">{translate('timeline.title')}</Typography>
        <Chip
          data-testid="timeline-stage"
          variant="outlined"
          label={translate('timeline.current_stage', { stage: stage(data.stage) })}
        />
        {mayRequest && !timeline.closed && (
          <RequestDecisionButton
            projectId={data.id}
            amount={data.amount}
            currency={data.currency}
            points={askable}
            nextPoint={timeline.nextPoint}
            onDone={reload}
          />
        )}
      </Stack>
      {timeline.closed && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('timeline.closed')}
        </Alert>
      )}
      <Stepper orientation="vertical" nonLinear>
        {timeline.steps.map((step) => (
          <Step key={step.point} expanded completed={step.state === 'done'} data-testid={`timeline-${step.point}`}>
            <StepLabel error={step.state === 'reopened'} optional={<StageCaption step={step} />}>
              <TimelineLabel step={step} />
            </StepLabel>
            <StepContent>
              <StepDetails step={step} data={data} mayWithdraw={mayRequest} onChanged={reload} />
            </StepContent>
          </Step>
        ))}
      </Stepper>
    </Box>
  );
}

function StageCaption({ step }: { step: TimelineStep }) {
  const translate = useTranslate();
  const stage = useEnumLabel('Stage');
  const text = step.movesTo
    ? translate('timeline.stage_moves', { stage: stage(step.stage), to: stage(step.movesTo) })
    : translate('timeline.stage', { stage: stage(step.stage) });
  return (
    <Typography variant="caption" color={step.current ? 'primary' : 'text.secondary'}>
      {text}
    </Typography>
  );
}

function TimelineLabel({ step }: { step: TimelineStep }) {
  const translate = useTranslate();
  const point = useEnumLabel('DecisionPoint');
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="subtitle1">{point(step.point)}</Typography>
      <Chip size="small" color={CHIP_COLOR[step.state]} label={translate(`timeline.state.${step.state}`)} />
    </Stack>
  );
}

function StepDetails({
  step,
  data,
  mayWithdraw,
  onChanged,
}: {
  step: TimelineStep;
  data: TimelineData;
  mayWithdraw: boolean;
  onChanged: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const point = useEnumLabel('DecisionPoint');
  const outcome = useEnumLabel('DecisionOutcome');
  const date = useDate();
  const money = useMoney();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const nameOf = (id: string | null | undefined) => {
    const decision = data.decisions.find((d) => String(d.deciderId) === String(id));
    if (decision?.decider?.name) return decision.decider.name;
    for (const r of data.requests) {
      if (r.requester && String(r.requester.id) === String(id)) return r.requester.name;
      const recipient = r.recipients.find((x) => String(x.personId) === String(id));
      if (recipient?.person?.name) return recipient.person.name;
    }
    return translate('app.not_visible');
  };
  const decided = (d: NonNullable<TimelineStep['decision']>) =>
    translate('timeline.decided', {
      outcome: outcome(d.outcome),
      name: nameOf(d.deciderId),
      date: date(d.decidedAt, true),
    });
  const lines: React.ReactNode[] = [];
  if (step.decision) {
    lines.push(decided(step.decision));
    if (step.decision.comment) lines.push(translate('timeline.note', { note: step.decision.comment }));
  } else if (step.latest) lines.push(translate('timeline.latest', { text: decided(step.latest) }));
  const request = step.request ? data.requests.find((r) => r.id === step.request?.id) : undefined;
  if (request) {
    lines.push(
      translate('timeline.asked', {
        name: request.requester?.name ?? translate('timeline.admin'),
        date: date(request.requestedAt, true),
        amount: money(request.amount, request.currency),
      }),
    );
    lines.push(translate('timeline.waiting_with', { names: (step.waitingWith ?? []).map(nameOf).join(', ') }));
    lines.push(translate('timeline.due', { date: date(request.dueAt, true) }));
    if (request.note) lines.push(translate('timeline.note', { note: request.note }));
  }
  if (step.state === 'reopened' && step.reopened)
    lines.push(
      translate('timeline.reopened', {
        date: date(step.reopened.reopenedAt, true),
        reason: step.reopened.reopenedReason ?? '',
      }),
    );
  if (step.state === 'next') lines.push(translate('timeline.next'));
  if (step.state === 'reopened' && step.allowed) lines.push(translate('timeline.next'));
  if (step.state !== 'done' && step.state !== 'pending' && step.missing)
    lines.push(translate('timeline.locked_missing', { point: point(step.missing) }));
  if (step.state === 'locked' && step.closed) lines.push(translate('timeline.locked_closed'));
  const session = loadSession();
  const mine =
    request && session?.user.personId != null && String(request.requesterId) === String(session.user.personId);
  const withdraw = async () => {
    if (!request) return;
    setBusy(true);
    try {
      await withdrawDecisionRequest(request.id);
      notify('timeline.withdrawn', { type: 'success' });
      onChanged();
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box>
      {lines.map((line, i) => (
        <Typography key={i} variant="body2">
          {line}
        </Typography>
      ))}
      {request?.overdue && <Chip size="small" color="error" label={translate('timeline.overdue')} sx={{ mt: 0.5 }} />}
      {request && mine && mayWithdraw && (
        <Button size="small" color="warning" sx={{ mt: 1 }} disabled={busy} onClick={withdraw}>
          {translate('timeline.withdraw')}
        </Button>
      )}
    </Box>
  );
}
