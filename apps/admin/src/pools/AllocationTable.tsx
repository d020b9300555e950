// A pool's allocation: each member's share with the trace of how it was computed (IncentivePool.allocation), and
// the exact total.
import { Alert, Box, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { sumDecimals } from '../components/decimal';
import { useEnumLabel, useMoney } from '../components/fields';
import { fractionAsPercent } from '../components/percent';
import { RecordName } from '../components/RecordName';
import { compareDecimal } from '../format';
import type { ExactFraction, PoolShareTrace, PoolWithTraces } from './traces';

export function TraceText({ trace }: { trace: unknown }) {
  if (trace === undefined || trace === null) return null;
  if (typeof trace === 'string') return <span>{trace}</span>;
  if (Array.isArray(trace))
    return (
      <ol style={{ margin: 0, paddingLeft: 16 }}>
        {trace.map((step, i) => (
          <li key={i}>
            <TraceText trace={step} />
          </li>
        ))}
      </ol>
    );
  if (typeof trace === 'object') {
    const entries = Object.entries(trace as Record<string, unknown>).filter(
      ([k]) => !['memberId', 'personId', 'id'].includes(k),
    );
    return (
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1 }}>
        {entries.map(([k, v]) => [
          <dt key={`${k}-k`} style={{ color: '#666' }}>
            {k}
          </dt>,
          <dd key={`${k}-v`} style={{ margin: 0 }}>
            <TraceText trace={v} />
          </dd>,
        ])}
      </Box>
    );
  }
  return <span>{String(trace)}</span>;
}

/** One member's share as a formula: weight × coefficient × participation = score; score of the total → share. */
export function ShareFormula({
  trace,
  total,
  currency,
}: {
  trace: PoolShareTrace | undefined;
  total: ExactFraction | undefined;
  currency: string;
}) {
  const translate = useTranslate();
  const money = useMoney();
  if (!trace) return null;
  return (
    <span>
      {translate('allocation.formula', {
        weight: fractionAsPercent(trace.weight),
        coefficient: trace.coefficient,
        participation: trace.participation,
        score: trace.score.display,
      })}
      <br />
      {translate('allocation.portion', {
        score: trace.score.display,
        total: total?.display ?? '?',
        share: money(trace.share, currency),
      })}
      {trace.remainderUnit && (
        <>
          <br />
          {translate('allocation.remainder')}
        </>
      )}
    </span>
  );
}

export function AllocationTable({
  pool,
}: {
  pool: Pick<PoolWithTraces, 'members' | 'currency' | 'fundedAmount' | 'allocation'>;
}) {
  const translate = useTranslate();
  const money = useMoney();
  const role = useEnumLabel('TriangleRole');
  const members = pool.members ?? [];
  const allocated = members.some((m) => m.share !== null && m.share !== undefined);
  const total = sumDecimals(members.map((m) => m.share));
  const mismatch = allocated && pool.fundedAmount && compareDecimal(total, pool.fundedAmount) !== 0;
  return (
    <Box data-testid="allocation-table">
      <Table size="small" aria-label={translate('pool.allocation_trace')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('allocation.member')}</TableCell>
            <TableCell>{translate('allocation.role')}</TableCell>
            <TableCell align="right">{translate('allocation.weight')}</TableCell>
            <TableCell align="right">{translate('allocation.coefficient')}</TableCell>
            <TableCell align="right">{translate('allocation.participation')}</TableCell>
            <TableCell align="right">{translate('allocation.share')}</TableCell>
            <TableCell>{translate('allocation.trace')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {members.map((m) => (
            <TableRow key={m.id}>
              <TableCell>
                <RecordName resource="Person" id={m.personId} />
              </TableCell>
              <TableCell>{role(m.role)}</TableCell>
              <TableCell align="right">{fractionAsPercent(m.weight)}</TableCell>
              <TableCell align="right">{m.coefficient}</TableCell>
              <TableCell align="right">{m.participation}</TableCell>
              <TableCell align="right" data-testid="share">
                {m.share ? money(m.share, pool.currency) : translate('app.none')}
              </TableCell>
              <TableCell sx={{ fontSize: 12 }}>
                <ShareFormula
                  trace={pool.allocation?.shares.find((share) => share.memberId === String(m.id))}
                  total={pool.allocation?.totalScore}
                  currency={pool.currency}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
        {allocated && (
          <TableFooter>
            <TableRow>
              <TableCell colSpan={5}>{translate('allocation.total')}</TableCell>
              <TableCell align="right" data-testid="total">
                {money(total, pool.currency)}
              </TableCell>
              <TableCell />
            </TableRow>
          </TableFooter>
        )}
      </Table>
      {!allocated && (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {translate('allocation.empty')}
        </Typography>
      )}
      {mismatch && (
        <Alert severity="warning">{translate('allocation.sums_to', { total: money(total, pool.currency) })}</Alert>
      )}
    </Box>
  );
}
