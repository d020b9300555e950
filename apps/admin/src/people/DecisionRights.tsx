// A person's decision rights (the API's decisionRights, the reverse of "who may decide"): by decision point, each with
// its grades, the unit it covers, its limit, its window and how it is held — a position, a project role, a seat on a
// decision body, or delegations received (drawn as their chain). Asked now, or at a moment as known at another.
import {
  Alert,
  Box,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Fragment, useEffect, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import {
  Form,
  Link,
  useDataProvider,
  useLocaleState,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { parseQuorum } from '@iron-triangle/domain';
import { canAccess } from '../auth/canAccess';
import { ChainView } from '../components/ChainView';
import { ErrorText } from '../components/ErrorText';
import { useDate, useEnumLabel, useMoney } from '../components/fields';
import { RecordName, useRecordName } from '../components/RecordName';
import { formatDateTime } from '../format';
import { AnswerBasisView, AsOfInputs, distinctCorrections } from '../history/AsOf';
import type { Operations } from '../providers/operations';
import { DECISION_POINTS, type DecisionPoint, type DecisionRight } from '../providers/types';
import { personDisplayName } from '../components/personName';

/** The rights by decision point, in the decision points' order; within one, as the API sorts them. */
export function groupByDecisionPoint(rights: readonly DecisionRight[]): Array<[DecisionPoint, DecisionRight[]]> {
  return DECISION_POINTS.map((point) => [point, rights.filter((r) => r.decisionPoint === point)] as const)
    .filter(([, list]) => list.length > 0)
    .map(([point, list]) => [point, [...list]]);
}

/** A body's quorum in words: "All fixed members agree", "At least 3 seats agree". */
function useQuorumText() {
  const translate = useTranslate();
  return (quorum: string | undefined) => {
    if (!quorum) return '';
    const parsed = parseQuorum(quorum, 0);
    if (parsed.kind === 'AT_LEAST' && quorum.trim().toUpperCase() !== 'MAJORITY')
      return translate('decisionBody.AT_LEAST', { count: parsed.count });
    return translate(`decisionBody.${quorum.trim().toUpperCase()}`, { _: translate('decisionBody.ALL_FIXED') });
  };
}

function RuleLink({ id }: { id: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Typography variant="body2">
      {translate('rights.rule')}
      {locale === 'zh-CN' ? '：' : ': '}
      <Link to={`/AuthorityRule/${id}/show`}>
        <RecordName resource="AuthorityRule" id={id} />
      </Link>
    </Typography>
  );
}

/** The seat(s) of a decision body the person sits in, and the body's quorum. */
function BodySeat({ bodyId, seatTitles }: { bodyId: string; seatTitles: string[] }) {
  const translate = useTranslate();
  const title = useEnumLabel('PositionTitle');
  const quorumText = useQuorumText();
  const { record: body, text: name } = useRecordName('DecisionBody', bodyId);
  return (
    <>
      <Typography variant="body2" data-testid="right-body">
        {name}
      </Typography>
      {seatTitles.length > 0 && (
        <Typography variant="body2">
          {translate('rights.seats', { smart_count: seatTitles.length, seats: seatTitles.map(title).join(', ') })}
        </Typography>
      )}
      <Typography variant="body2" color="warning.dark" data-testid="right-quorum">
        {translate('rights.quorum', {
          quorum: quorumText(body?.quorum as string | undefined) || translate('app.not_visible'),
        })}
      </Typography>
    </>
  );
}

/** "Only on projects where they are AR on the team" (the rule's holder: the person, or the first delegator). */
function ProjectRoleNote({ right, personId }: { right: DecisionRight; personId: string }) {
  const translate = useTranslate();
  const role = useEnumLabel('TriangleRole');
  const holder = right.chain.links[0]?.holderPersonId ?? personId;
  const { text: name } = useRecordName('Person', holder === personId ? null : holder);
  if (!right.projectRole) return null;
  return (
    <Typography variant="body2" data-testid="right-project-role">
      {holder === personId
        ? translate('rights.project_role', { role: role(right.projectRole) })
        : translate('rights.project_role_of', { role: role(right.projectRole), name })}
    </Typography>
  );
}

function DelegatedBy({ right }: { right: DecisionRight }) {
  const translate = useTranslate();
  const last = right.chain.links[right.chain.links.length - 1];
  const { text: name } = useRecordName('Person', last?.delegatorId);
  if (!last?.delegatorId) return null;
  return <Typography variant="body2">{translate('rights.delegated_by', { name })}</Typography>;
}

/** How the right is held: the kind, then what it depends on. */
function HeldThrough({ right, personId }: { right: DecisionRight; personId: string }) {
  const translate = useTranslate();
  const rule = right.chain.links[0];
  return (
    <Stack spacing={0.25} sx={{ alignItems: 'flex-start' }}>
      <Chip
        size="small"
        color={right.via === 'DELEGATION' ? 'secondary' : 'primary'}
        variant="outlined"
        label={translate(`rights.via.${right.via}`, { _: translate('app.none') })}
        data-testid="right-via"
      />
      {right.via === 'DELEGATION' && <DelegatedBy right={right} />}
      <ProjectRoleNote right={right} personId={personId} />
      {right.chain.body && <BodySeat bodyId={right.chain.body.bodyId} seatTitles={right.chain.body.seatTitles} />}
      {right.quorumRequired && !right.chain.body && (
        <Typography variant="body2" color="warning.dark" data-testid="right-quorum">
          {translate('rights.quorum', { quorum: translate('app.not_visible') })}
        </Typography>
      )}
      {right.via !== 'DELEGATION' && rule && <RuleLink id={rule.id} />}
    </Stack>
  );
}

/** The columns and their widths: the same in every decision point's table, so that they line up. */
const COLUMNS = ['grades', 'scope', 'limit', 'window', 'held'] as const;
const WIDTHS: Record<(typeof COLUMNS)[number], string> = {
  grades: '16%',
  scope: '18%',
  limit: '15%',
  window: '18%',
  held: '33%',
};

function RightRows({ right, personId }: { right: DecisionRight; personId: string }) {
  const translate = useTranslate();
  const money = useMoney();
  const date = useDate();
  const grade = useEnumLabel('ProjectGrade');
  const delegated = right.chain.links.length > 1;
  const cell = { verticalAlign: 'top', ...(delegated ? { borderBottom: 'none' } : {}) } as const;
  return (
    <>
      <TableRow data-testid="decision-right">
        <TableCell sx={cell}>
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {right.grades.map((g) => (
              <Chip key={g} size="small" label={grade(g)} />
            ))}
          </Stack>
        </TableCell>
        <TableCell sx={cell} data-testid="right-scope">
          {right.scopeOrgUnit?.name ?? translate('app.not_visible')}
        </TableCell>
        <TableCell sx={{ ...cell, whiteSpace: 'nowrap' }} data-testid="right-limit">
          {right.limit ? money(right.limit, right.currency) : translate('app.unlimited')}
        </TableCell>
        <TableCell sx={cell} data-testid="right-window">
          {date(right.validFrom)} – {right.validTo ? date(right.validTo) : translate('app.open_ended')}
        </TableCell>
        <TableCell sx={cell}>
          <HeldThrough right={right} personId={personId} />
        </TableCell>
      </TableRow>
      {delegated && (
        <TableRow>
          <TableCell colSpan={COLUMNS.length} sx={{ pt: 0 }} data-testid="right-chain">
            <ChainView chain={right.chain} personId={personId} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

export interface DecisionRightsViewProps {
  rights: DecisionRight[];
  personId: string;
  personName: string;
  /** The decision moment asked about; null: now. */
  at?: string | null;
  /** What the answer knew: the moment chosen, or when it was asked. */
  asKnownAt: string;
}

export function DecisionRightsView({ rights, personId, personName, at, asKnownAt }: DecisionRightsViewProps) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const point = useEnumLabel('DecisionPoint');
  return (
    <Box data-testid="decision-rights">
      <Typography variant="subtitle1" data-testid="rights-moment">
        {at
          ? translate('rights.title_at', { name: personName, at: formatDateTime(at, locale) })
          : translate('rights.title_now', { name: personName })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('rights.intro')}
      </Typography>
      <AnswerBasisView
        basis={{
          revision: rights[0]?.revision,
          asKnownAt,
          corrections: distinctCorrections(rights.map((r) => r.corrections)),
        }}
      />
      {rights.length === 0 && (
        <Alert severity="info" data-testid="rights-empty">
          {translate('rights.empty', { name: personName })}
        </Alert>
      )}
      {groupByDecisionPoint(rights).map(([decisionPoint, list]) => (
        <Paper variant="outlined" key={decisionPoint} sx={{ mb: 2 }} data-testid={`rights-${decisionPoint}`}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 2, pt: 1.5 }}>
            <Typography variant="h6" component="h3">
              {point(decisionPoint)}
            </Typography>
            <Chip size="small" label={translate('rights.count', { smart_count: list.length })} />
          </Stack>
          <Table size="small" sx={{ tableLayout: 'fixed' }}>
            <TableHead>
              <TableRow>
                {COLUMNS.map((c) => (
                  <TableCell key={c} sx={{ width: WIDTHS[c] }}>
                    {translate(`rights.${c}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((right, i) => (
                <Fragment key={i}>
                  <RightRows right={right} personId={personId} />
                </Fragment>
              ))}
            </TableBody>
          </Table>
        </Paper>
      ))}
    </Box>
  );
}

interface Moments {
  at: string | null;
  asKnownAt: string | null;
}

/** Clears both moments: the rights as they are now. */
function NowButton({ onClick }: { onClick: () => void }) {
  const translate = useTranslate();
  const { reset } = useFormContext();
  return (
    <Button
      onClick={() => {
        reset({ at: null, asKnownAt: null });
        onClick();
      }}
    >
      {translate('asOf.now')}
    </Button>
  );
}

/** The answer for one person at the moments chosen (both null: now). */
export function DecisionRightsPanel({ personId, personName }: { personId: string; personName: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider() as unknown as Operations;
  const [moments, setMoments] = useState<Moments>({ at: null, asKnownAt: null });
  const [state, setState] = useState<{ rights?: DecisionRight[]; asKnownAt?: string; error?: unknown }>({});
  useEffect(() => {
    let live = true;
    setState({});
    // The API answers as known when it reads: now, unless a moment was chosen.
    const asKnownAt = moments.asKnownAt ?? new Date().toISOString();
    dataProvider.decisionRights(personId, moments.at, moments.asKnownAt).then(
      (rights) => live && setState({ rights, asKnownAt }),
      (error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [dataProvider, personId, moments]);
  const show = (values: Record<string, unknown>) =>
    setMoments({
      at: (values.at as string | null | undefined) || null,
      asKnownAt: (values.asKnownAt as string | null | undefined) || null,
    });
  const asked = Boolean(moments.at || moments.asKnownAt);
  return (
    <Box sx={{ width: '100%' }}>
      <Form onSubmit={show}>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 320px))',
            columnGap: 2,
            alignItems: 'start',
          }}
          data-testid="rights-as-of"
        >
          <AsOfInputs />
          <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
            <Button type="submit" variant="outlined">
              {translate('asOf.show')}
            </Button>
            {asked && <NowButton onClick={() => setMoments({ at: null, asKnownAt: null })} />}
          </Box>
        </Box>
      </Form>
      {Boolean(state.error) && <ErrorText error={state.error} />}
      {!state.rights && !state.error && <Typography color="text.secondary">{translate('app.loading')}</Typography>}
      {state.rights && (
        <DecisionRightsView
          rights={state.rights}
          personId={personId}
          personName={personName}
          at={moments.at}
          asKnownAt={state.asKnownAt ?? new Date().toISOString()}
        />
      )}
    </Box>
  );
}

/** The tab's content on a person's page. */
export function DecisionRights() {
  const record = useRecordContext<{ id: string; name?: string }>();
  if (!record) return null;
  return <DecisionRightsPanel personId={String(record.id)} personName={personDisplayName(record)} />;
}

/** Whether the signed-in role may see decision rights (the API answers them to every role that reads authority). */
export function useMayReadDecisionRights(): boolean {
  const { permissions } = usePermissions();
  return canAccess(permissions as never, 'decisionRights', 'show');
}
