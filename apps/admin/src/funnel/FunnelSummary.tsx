// The funnel's totals in words (no chart library: the funnel page shows it before the charts chunk loads).
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useMoney } from '../components/fields';
import type { SalesFunnelData } from './funnelData';

export function FunnelSummary({ funnel }: { funnel: SalesFunnelData }) {
  const translate = useTranslate();
  const money = useMoney();
  return (
    <Box data-testid="funnel-summary">
      <Typography>
        {translate('sales.funnel.total', {
          count: funnel.total.count,
          amount: money(funnel.total.amount, funnel.currency),
        })}
      </Typography>
      {funnel.overdue.count > 0 && (
        <Typography color="warning.main">
          {translate('sales.funnel.overdue', {
            count: funnel.overdue.count,
            amount: money(funnel.overdue.amount, funnel.currency),
          })}
        </Typography>
      )}
    </Box>
  );
}
