// A project's decisions taken by decision bodies: each seat, who voted what and when, whether the decision is
// complete; and a vote recorded from here (recordDecision: one seat's vote under the body's rule).
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import {
  useDataProvider,
  useGetList,
  useGetMany,
  useGetManyReference,
  useGetOne,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useDate, useEnumLabel } from '../components/fields';
import { ErrorText, errorCodeOf, useErrorMessage } from '../components/ErrorText';
import { RecordName } from '../components/RecordName';
import type { Operations } from '../providers/operations';
import {
  DECISION_OUTCOMES,
  LTC_POINTS,
  type BodyCoverage,
  type DecisionPoint,
  type DecisionRecord,
} from '../providers/types';
import { bodyGroups, roundOf, seatVotes } from './bodyVotes';

type Outcome = DecisionRecord['outcome'];
const OUTCOMES: readonly Outcome[] = DECISION_OUTCOMES;

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The body coverages (seats and who may act in each) of a case, from whoMayDecide. */
function useCoverage(projectId: string, decisionPoint: DecisionPoint, version: number) {
  const dataProvider = useDataProvider() as unknown as Operations;
  const [state, setState] = useState<{ bodies: BodyCoverage[]; loaded: boolean; error: unknown }>({
    bodies: [],
    loaded: false,
    error: null,
  });
  useEffect(() => {
    let live = true;
    dataProvider.whoMayDecide({ projectId, decisionPoint }).then(
      (deciders) => {
        const bodies = new Map<string, BodyCoverage>();
        for (const d of deciders)
          for (const b of d.bodies ?? []) if (!bodies.has(String(b.ruleId))) bodies.set(String(b.ruleId), b);
        if (live) setState({ bodies: [...bodies.values()], loaded: true, error: null });
      },
      (error: unknown) => live && setState({ bodies: [], loaded: true, error }),
    );
    return () => {
      live = false;
    };
  }, [dataProvider, projectId, decisionPoint, version]);
  return state;
}

interface CardProps {
  projectId: string;
  decisionPoint: DecisionPoint;
  bodyId: string;
  ruleId: string;
  votes: DecisionRecord[];
  onVoted: () => void;
}

export function BodyDecisionCard({ projectId, decisionPoint, bodyId, ruleId, votes, onVoted }: CardProps) {
  const translate = useTranslate();
  const point = useEnumLabel('DecisionPoint');
  const outcome = useEnumLabel('DecisionOutcome');
  const title = useEnumLabel('PositionTitle');
  const date = useDate();
  const { data: body } = useGetOne<{ id: string; name: string; quorum: string }>('DecisionBody', { id: bodyId });
  const { data: seatRows = [] } = useGetManyReference<{ id: string; title: string; fixed: boolean }>(
    'DecisionBodySeat',
    {
      target: 'decisionBodyId',
      id: bodyId,
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'sortOrder', order: 'ASC' },
    },
  );
  const [version, setVersion] = useState(0);
  const coverage = useCoverage(projectId, decisionPoint, version).bodies.find(
    (b) => String(b.ruleId) === String(ruleId),
  );
  // The body's own seats; else (not readable) the seats whoMayDecide reports; else the seats voted in.
  const seats = seatRows.length
    ? seatRows.map((s) => ({ title: s.title, fixed: s.fixed }))
    : (coverage?.seats.map((s) => ({ title: s.title, fixed: s.fixed })) ??
      [...new Set(votes.flatMap((v) => v.chain.body?.seatTitles ?? []))].map((t) => ({ title: t, fixed: true })));
  const { closedBy, round, lastCompleted } = roundOf(votes);
  const bySeat = seatVotes(
    seats.map((s) => s.title),
    round,
  );
  const approved = [...bySeat.values()].filter((v) => v.outcome === 'APPROVED').length;
  const against = seats.filter((s) => bySeat.has(s.title) && bySeat.get(s.title)!.outcome !== 'APPROVED').length;
  const quorum = body?.quorum ?? coverage?.quorum;

  let status: string;
  if (closedBy)
    status = translate('bodyVote.completed', {
      outcome: outcome(closedBy.outcome),
      date: date(closedBy.decidedAt, true),
    });
  else if (lastCompleted && round.length === 0)
    status = translate('bodyVote.returned', { date: date(lastCompleted.decidedAt, true) });
  else status = translate('bodyVote.in_progress', { approved, against });

  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="body-decision">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="subtitle1">
            {point(decisionPoint)} · {body?.name ?? translate('bodyVote.body')}
          </Typography>
          {quorum && (
            <Chip
              size="small"
              label={translate('bodyVote.quorum', { quorum: translate(`decisionBody.${quorum}`, { _: quorum }) })}
            />
          )}
          <Chip
            size="small"
            variant="outlined"
            color={closedBy ? (closedBy.outcome === 'APPROVED' ? 'success' : 'error') : 'default'}
            label={status}
            data-testid="body-status"
          />
        </Stack>
        <Table size="small" sx={{ mt: 1 }} data-testid="body-seats">
          <TableHead>
            <TableRow>
              <TableCell>{translate('bodyVote.seat')}</TableCell>
              <TableCell>{translate('bodyVote.vote')}</TableCell>
              <TableCell>{translate('bodyVote.voter')}</TableCell>
              <TableCell>{translate('bodyVote.when')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {seats.map((s) => {
              const vote = bySeat.get(s.title);
              return (
                <TableRow key={s.title} data-testid={`seat-${s.title}`}>
                  <TableCell>
                    {title(s.title)}{' '}
                    <Typography component="span" variant="caption" color="text.secondary">
                      ({translate(s.fixed ? 'bodyVote.fixed' : 'bodyVote.on_demand')})
                    </Typography>
                  </TableCell>
                  <TableCell>{vote ? outcome(vote.outcome) : translate('bodyVote.not_voted')}</TableCell>
                  <TableCell>{vote ? <RecordName resource="Person" id={vote.deciderId} /> : ''}</TableCell>
                  <TableCell>{vote ? date(vote.decidedAt, true) : ''}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {votes.length > 0 && (
          <Box sx={{ mt: 1 }}>
            <Typography variant="caption" color="text.secondary">
              {translate('bodyVote.history')}
            </Typography>
            <ul style={{ marginTop: 0 }} data-testid="body-history">
              {votes.map((v) => (
                <li key={v.id}>
                  {date(v.decidedAt, true)} · <RecordName resource="Person" id={v.deciderId} /> ·{' '}
                  {(v.chain.body?.seatTitles ?? []).map(title).join(', ')} · {outcome(v.outcome)}
                  {v.complete ? ` · ${translate('bodyVote.settled')}` : ''}
                </li>
              ))}
            </ul>
          </Box>
        )}
        <VoteForm
          projectId={projectId}
          decisionPoint={decisionPoint}
          closed={Boolean(closedBy)}
          coverage={coverage}
          onVoted={() => {
            setVersion((n) => n + 1);
            onVoted();
          }}
        />
      </CardContent>
    </Card>
  );
}

function VoteForm({
  projectId,
  decisionPoint,
  closed,
  coverage,
  onVoted,
}: {
  projectId: string;
  decisionPoint: DecisionPoint;
  closed: boolean;
  coverage?: BodyCoverage;
  onVoted: () => void;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider() as unknown as Operations;
  const notify = useNotify();
  const message = useErrorMessage();
  const outcomeLabel = useEnumLabel('DecisionOutcome');
  const title = useEnumLabel('PositionTitle');
  const voters = useMemo(() => {
    const seen = new Map<string, string[]>();
    for (const seat of coverage?.seats ?? [])
      for (const f of seat.filledBy)
        seen.set(String(f.personId), [...(seen.get(String(f.personId)) ?? []), seat.title]);
    return [...seen.entries()].map(([personId, titles]) => ({ personId, titles }));
  }, [coverage]);
  const { data: people = [] } = useGetMany<{ id: string; name: string }>(
    'Person',
    { ids: voters.map((v) => v.personId) },
    { enabled: voters.length > 0 },
  );
  const [deciderId, setDeciderId] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('APPROVED');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState(newKey);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const decision = await dataProvider.recordDecision({
        projectId,
        decisionPoint,
        outcome,
        deciderId,
        ...(comment ? { comment } : {}),
        idempotencyKey: key,
      });
      notify(decision.complete ? 'bodyVote.recorded_complete' : 'bodyVote.recorded', {
        type: 'success',
        messageArgs: { outcome: outcomeLabel(decision.outcome) },
      });
      setKey(newKey());
      setComment('');
      onVoted();
    } catch (e) {
      setError(e);
      // The decision may have been closed meanwhile: show how it stands now.
      if (errorCodeOf(e) === 'DECISION_CLOSED') onVoted();
    } finally {
      setBusy(false);
    }
  };

  const closedError = errorCodeOf(error) === 'DECISION_CLOSED';
  return (
    <Box sx={{ mt: 2 }}>
      {Boolean(error) && (
        <Alert severity={closedError ? 'warning' : 'error'} sx={{ mb: 1 }} data-testid="vote-error">
          {closedError && <AlertTitle>{translate('bodyVote.closed_title')}</AlertTitle>}
          {message(error)}
        </Alert>
      )}
      {closed ? (
        <Typography variant="body2" color="text.secondary">
          {translate('bodyVote.closed_hint')}
        </Typography>
      ) : (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <TextField
            select
            size="small"
            sx={{ minWidth: 260 }}
            label={translate('bodyVote.voter')}
            value={deciderId}
            onChange={(e) => setDeciderId(e.target.value)}
            helperText={voters.length === 0 ? translate('bodyVote.no_voters') : undefined}
            slotProps={{ htmlInput: { 'data-testid': 'vote-voter' } }}
          >
            {voters.map((v) => (
              <MenuItem key={v.personId} value={v.personId}>
                {people.find((p) => String(p.id) === v.personId)?.name ?? translate('app.not_visible')} ·{' '}
                {v.titles.map(title).join(', ')}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            sx={{ minWidth: 140 }}
            label={translate('bodyVote.vote')}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as Outcome)}
          >
            {OUTCOMES.map((o) => (
              <MenuItem key={o} value={o}>
                {outcomeLabel(o)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label={translate('bodyVote.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <Button variant="contained" disabled={busy || !deciderId} onClick={submit}>
            {translate('bodyVote.submit')}
          </Button>
        </Stack>
      )}
    </Box>
  );
}

/** Opens a body vote for a decision point that has no votes yet (the bodies that decide it for the project). */
function StartBodyVote({ projectId, taken, onVoted }: { projectId: string; taken: Set<string>; onVoted: () => void }) {
  const translate = useTranslate();
  const point = useEnumLabel('DecisionPoint');
  const [decisionPoint, setDecisionPoint] = useState<DecisionPoint | ''>('');
  return (
    <Box sx={{ mt: 1 }}>
      <TextField
        select
        size="small"
        sx={{ minWidth: 260 }}
        label={translate('bodyVote.start')}
        value={decisionPoint}
        onChange={(e) => setDecisionPoint(e.target.value as DecisionPoint)}
      >
        {LTC_POINTS.map((p) => (
          <MenuItem key={p} value={p}>
            {point(p)}
          </MenuItem>
        ))}
      </TextField>
      {decisionPoint && (
        <StartCards projectId={projectId} decisionPoint={decisionPoint} taken={taken} onVoted={onVoted} />
      )}
    </Box>
  );
}

function StartCards({
  projectId,
  decisionPoint,
  taken,
  onVoted,
}: {
  projectId: string;
  decisionPoint: DecisionPoint;
  taken: Set<string>;
  onVoted: () => void;
}) {
  const translate = useTranslate();
  const { bodies, loaded } = useCoverage(projectId, decisionPoint, 0);
  const open = bodies.filter((b) => !taken.has(`${decisionPoint}|${b.ruleId}|${b.bodyId}`));
  if (!loaded) return null;
  if (bodies.length > 0 && open.length === 0) return null; // already shown above
  if (open.length === 0)
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('bodyVote.no_body')}
      </Typography>
    );
  return (
    <Box sx={{ mt: 1 }}>
      {open.map((b) => (
        <BodyDecisionCard
          key={b.ruleId}
          projectId={projectId}
          decisionPoint={decisionPoint}
          bodyId={String(b.bodyId)}
          ruleId={String(b.ruleId)}
          votes={[]}
          onVoted={onVoted}
        />
      ))}
    </Box>
  );
}

export function BodyDecisions({ projectId }: { projectId: string }) {
  const translate = useTranslate();
  // 200 votes: within the API's query cost limit (fields × page size) with the chains' nested fields.
  const {
    data: decisions = [],
    error,
    refetch,
  } = useGetList<DecisionRecord>('Decision', {
    filter: { projectId },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'decidedAt', order: 'ASC' },
  });
  const groups = bodyGroups(decisions);
  const taken = new Set(groups.map((g) => g.key));
  const refreshAll = useRefresh();
  // The votes here, and the project's other views of its decisions (the table below).
  const refresh = () => {
    void refetch();
    refreshAll();
  };
  return (
    <Box sx={{ mb: 2 }} data-testid="body-decisions">
      <Typography variant="h6">{translate('bodyVote.title')}</Typography>
      {Boolean(error) && (
        <Alert severity="error">
          <ErrorText error={error} />
        </Alert>
      )}
      {groups.map((g) => (
        <BodyDecisionCard
          key={g.key}
          projectId={projectId}
          decisionPoint={g.decisionPoint}
          bodyId={g.bodyId}
          ruleId={g.ruleId}
          votes={g.votes}
          onVoted={refresh}
        />
      ))}
      <StartBodyVote projectId={projectId} taken={taken} onVoted={refresh} />
    </Box>
  );
}
