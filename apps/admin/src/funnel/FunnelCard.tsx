// The dashboard's sales-funnel card (charts chunk): the funnel by stage and grade over everything the reader may
// see, the forecasts, and the way to the funnel screen.
import { LinearProgress, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useErrorMessage } from '../components/ErrorText';
import { ForecastLines, StageChart } from './FunnelCharts';
import { FunnelSummary } from './FunnelSummary';
import { useSalesFunnel } from './FunnelPage';

const ALL = {};

export default function FunnelCard() {
  const translate = useTranslate();
  const message = useErrorMessage();
  const { data, error } = useSalesFunnel(ALL);
  if (error)
    return <Typography color="error">{translate('sales.funnel.failed', { error: message(error) })}</Typography>;
  if (!data) return <LinearProgress />;
  return (
    <>
      <StageChart funnel={data} filter={ALL} />
      <FunnelSummary funnel={data} />
      <ForecastLines funnel={data} filter={ALL} />
      <Link to="/funnel" data-testid="dash-funnel-link">
        {translate('sales.funnel.open')}
      </Link>
    </>
  );
}
