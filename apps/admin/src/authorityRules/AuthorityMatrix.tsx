// Authority rules as a matrix: decision point (rows) × project grade (columns); each cell lists who holds it,
// over which scope and up to which amount. As they are now, or — "as of" — as they were in force at a moment, as
// known at another, from each rule's history (history/rulesAsOf.ts).
import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { Form, Link, useDataProvider, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { ErrorText } from '../components/ErrorText';
import { useEnumLabel, useMoney } from '../components/fields';
import { RecordName } from '../components/RecordName';
import { formatDateTime } from '../format';
import { AnswerBasisView, AsOfInputs } from '../history/AsOf';
import { MatrixRule, rulesAsOf, RulesAsOf } from '../history/rulesAsOf';
import type { Operations } from '../providers/operations';
import { DECISION_POINTS, GRADES } from '../providers/types';

type Rule = MatrixRule;

/** The moments chosen: the decision's (effective) and what was known (recorded); empty: now. */
interface Moments {
  at?: string | null;
  asKnownAt?: string | null;
}

function Holder({ rule }: { rule: Rule }) {
  const title = useEnumLabel('PositionTitle');
  const role = useEnumLabel('TriangleRole');
  if (rule.holderKind === 'DECISION_BODY') return <RecordName resource="DecisionBody" id={rule.decisionBodyId} />;
  if (rule.holderKind === 'PROJECT_ROLE') return <>{role(rule.holderRole)}</>;
  return (
    <>
      {title(rule.holderTitle)} (<RecordName resource="OrgUnit" id={rule.holderOrgUnitId} />)
    </>
  );
}

function MatrixTable({ rules }: { rules: readonly Rule[] }) {
  const translate = useTranslate();
  const point = useEnumLabel('DecisionPoint');
  const grade = useEnumLabel('ProjectGrade');
  const money = useMoney();
  return (
    <Table size="small" aria-label={translate('resources.AuthorityRule.matrix')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.AuthorityRule.fields.decisionPoints')}</TableCell>
          {GRADES.map((g) => (
            <TableCell key={g}>{grade(g)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {DECISION_POINTS.map((p) => (
          <TableRow key={p}>
            <TableCell sx={{ fontWeight: 'bold', whiteSpace: 'nowrap' }}>{point(p)}</TableCell>
            {GRADES.map((g) => {
              const held = rules.filter((r) => r.decisionPoints?.includes(p) && r.grades?.includes(g));
              return (
                <TableCell key={g} sx={{ verticalAlign: 'top' }}>
                  {held.length === 0
                    ? '—'
                    : held.map((r) => (
                        <Box key={r.id} sx={{ mb: 0.5 }} data-testid={`matrix-rule-${r.id}`}>
                          <Link to={`/AuthorityRule/${r.id}/show`}>
                            <Holder rule={r} />
                          </Link>
                          <Typography variant="caption" component="div" color="text.secondary">
                            {translate('chain.scope')}: <RecordName resource="OrgUnit" id={r.scopeOrgUnitId} /> ·{' '}
                            {translate('chain.limit')}:{' '}
                            {r.limit ? money(r.limit, r.currency) : translate('app.unlimited')}
                          </Typography>
                        </Box>
                      ))}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function MatrixNow() {
  const translate = useTranslate();
  const { data = [], isPending } = useGetList<Rule>('AuthorityRule', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
  });
  if (isPending) return <Typography sx={{ p: 2 }}>{translate('app.loading')}</Typography>;
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ px: 1 }} data-testid="matrix-moment">
        {translate('asOf.matrix_now')}
      </Typography>
      <MatrixTable rules={data} />
    </>
  );
}

function MatrixAsOf({ moments }: { moments: Moments }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider() as unknown as Operations;
  const [state, setState] = useState<{ answer?: RulesAsOf & { at: Date; knownAt: Date }; error?: unknown }>({});
  useEffect(() => {
    let live = true;
    setState({});
    // Now is when the question is asked: the moments left empty are that one.
    const now = new Date();
    const at = moments.at ? new Date(moments.at) : now;
    const knownAt = moments.asKnownAt ? new Date(moments.asKnownAt) : now;
    dataProvider.authorityRuleHistories().then(
      (histories) => live && setState({ answer: { ...rulesAsOf(histories, at, knownAt), at, knownAt } }),
      (error) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [dataProvider, moments]);
  if (state.error) return <ErrorText error={state.error} />;
  const answer = state.answer;
  if (!answer) return <Typography sx={{ p: 2 }}>{translate('app.loading')}</Typography>;
  return (
    <>
      <Typography variant="body2" sx={{ px: 1, mb: 1 }} data-testid="matrix-moment">
        {translate('asOf.matrix_as_of', {
          at: formatDateTime(answer.at, locale),
          known: formatDateTime(answer.knownAt, locale),
          revision: answer.revision,
        })}
      </Typography>
      <AnswerBasisView basis={{ corrections: answer.corrections }} />
      <MatrixTable rules={answer.rules} />
    </>
  );
}

/** Clears both moments: the matrix as it is now. */
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

export function AuthorityMatrix() {
  const translate = useTranslate();
  const [moments, setMoments] = useState<Moments | null>(null);
  const show = (values: Record<string, unknown>) => {
    const at = (values.at as string | null | undefined) || null;
    const asKnownAt = (values.asKnownAt as string | null | undefined) || null;
    setMoments(at || asKnownAt ? { at, asKnownAt } : null);
  };
  return (
    <Box sx={{ overflowX: 'auto', p: 1 }} data-testid="authority-matrix">
      <Typography variant="h6" sx={{ px: 1 }}>
        {translate('resources.AuthorityRule.matrix')}
      </Typography>
      <Form onSubmit={show}>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 320px))',
            columnGap: 2,
            alignItems: 'start',
            px: 1,
          }}
          data-testid="matrix-as-of"
        >
          <AsOfInputs />
          <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
            <Button type="submit" variant="outlined">
              {translate('asOf.show')}
            </Button>
            {moments && <NowButton onClick={() => setMoments(null)} />}
          </Box>
        </Box>
      </Form>
      {moments ? <MatrixAsOf moments={moments} /> : <MatrixNow />}
    </Box>
  );
}
