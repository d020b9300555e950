// How the pool was funded: each metric's attainment and contribution, the gate, the multiplier, the amount.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEnumLabel, useMoney } from '../components/fields';
import { percentAsPercent } from '../components/percent';
import { percent, type PoolFundingTrace } from './traces';

/** The funding trace as the API types it (IncentivePool.funding); nothing before the pool is funded. */
export function FundingTrace({
  funding,
  currency,
}: {
  funding: PoolFundingTrace | null | undefined;
  currency: string;
}) {
  const translate = useTranslate();
  const money = useMoney();
  const metric = useEnumLabel('Metric');
  const branch = useEnumLabel('MultiplierBranch');
  if (!funding) return null;
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
                {percent(m.attainment)}
                {m.capped ? ` (${translate('pool.capped')})` : ''}
              </TableCell>
              <TableCell align="right">{percentAsPercent(m.weight)}</TableCell>
              <TableCell align="right">{percent(m.contribution)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate('pool.trace_attainment', { value: percent(funding.attainment) })} ·{' '}
        {translate(funding.gate.passed ? 'pool.trace_gate_passed' : 'pool.trace_gate_failed', {
          threshold: percent(funding.gate.threshold),
        })}{' '}
        ·{' '}
        {translate('pool.trace_multiplier', {
          value: funding.multiplier.value.display,
          branch: branch(funding.multiplier.branch),
        })}{' '}
        · <strong>{translate('pool.trace_funded', { amount: money(funding.fundedAmount, currency) })}</strong>
      </Typography>
    </Box>
  );
}
