// How the pool was funded: each metric's attainment and contribution, the gate, the multiplier, the amount.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEnumLabel, useMoney } from '../components/fields';
import { TraceText } from './AllocationTable';
import { percentOf } from '../format';

interface Ratio {
  exact?: string;
  display?: string;
}
interface MetricTrace {
  metric: string;
  weight?: number | string;
  target?: string;
  actual?: string;
  attainment?: Ratio;
  capped?: boolean;
  contribution?: Ratio;
}
interface Funding {
  currency?: string;
  metrics?: MetricTrace[];
  attainment?: Ratio;
  gate?: { threshold?: string; passed?: boolean };
  multiplier?: Ratio & { branch?: string };
  fundedAmount?: string;
}

/** An exact trace fraction ("419/600") as a percentage; the 4-decimal display when there is no fraction. */
const pct = (r?: Ratio) => {
  const m = /^(\d+)\/(\d+)$/.exec(r?.exact ?? '');
  if (m) return percentOf(m[1], m[2]);
  return r?.display ? percentOf(r.display, '1') : '—';
};
/** "3/5" → "60.0%"; other text as it is. */
const fraction = (text?: string) => {
  const m = /^(\d+)\/(\d+)$/.exec(text ?? '');
  return m ? percentOf(m[1], m[2]) : (text ?? '?');
};

export function FundingTrace({ trace, currency }: { trace: unknown; currency: string }) {
  const translate = useTranslate();
  const money = useMoney();
  const metric = useEnumLabel('Metric');
  const funding = trace as Funding | null;
  if (!funding || !Array.isArray(funding.metrics)) return <TraceText trace={trace} />;
  return (
    <Box data-testid="funding-trace">
      <Table size="small" sx={{ width: 'auto' }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.PoolMetric.fields.metric')}</TableCell>
            <TableCell align="right">{translate('pool.target')}</TableCell>
            <TableCell align="right">{translate('pool.actual')}</TableCell>
            <TableCell align="right">{translate('pool.attainment')}</TableCell>
            <TableCell align="right">{translate('pool.weight')}</TableCell>
            <TableCell align="right">{translate('pool.contribution')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {funding.metrics.map((m) => (
            <TableRow key={m.metric}>
              <TableCell>{metric(m.metric)}</TableCell>
              <TableCell align="right">{money(m.target, currency)}</TableCell>
              <TableCell align="right">{money(m.actual, currency)}</TableCell>
              <TableCell align="right">
                {pct(m.attainment)}
                {m.capped ? ` (${translate('pool.capped')})` : ''}
              </TableCell>
              <TableCell align="right">
                {typeof m.weight === 'number' && m.weight > 1 ? `${m.weight}%` : m.weight}
              </TableCell>
              <TableCell align="right">{pct(m.contribution)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate('pool.trace_attainment', { value: pct(funding.attainment) })}
        {funding.gate && (
          <>
            {' '}
            ·{' '}
            {translate(funding.gate.passed ? 'pool.trace_gate_passed' : 'pool.trace_gate_failed', {
              threshold: fraction(funding.gate.threshold),
            })}
          </>
        )}
        {funding.multiplier && (
          <>
            {' '}
            ·{' '}
            {translate('pool.trace_multiplier', {
              value: funding.multiplier.display ?? '?',
              branch: funding.multiplier.branch ?? '',
            })}
          </>
        )}
        {funding.fundedAmount && (
          <>
            {' '}
            · <strong>{translate('pool.trace_funded', { amount: money(funding.fundedAmount, currency) })}</strong>
          </>
        )}
      </Typography>
    </Box>
  );
}
