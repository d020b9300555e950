// The funnel's charts (@mui/x-charts, in the charts chunk): opportunities by stage and grade, amount and weighted
// amount by stage, conversion between stages, and the forecasts; each bar and each line under a chart opens the
// filtered list of opportunities.
import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { useEnumLabel, useMoney } from '../components/fields';
import { CategoryLinks, Chart, ChartCard } from '../dashboard/DashboardCharts';
import {
  conversionChart,
  forecastChart,
  forecastLink,
  FORECAST_TERMS,
  funnelAmountChart,
  funnelByStageChart,
  stageLink,
  type FunnelFilter,
  type SalesFunnelData,
} from './funnelData';

export function ForecastLines({ funnel, filter }: { funnel: SalesFunnelData; filter: FunnelFilter }) {
  const translate = useTranslate();
  const money = useMoney();
  return (
    <CategoryLinks
      links={FORECAST_TERMS.map((term) => {
        const f = funnel.forecasts[term];
        return {
          to: forecastLink(filter, f),
          label: translate('sales.funnel.forecast_line', {
            term: translate(`sales.funnel.terms.${term}`),
            orders: money(f.orders, funnel.currency),
            revenue: money(f.revenue, funnel.currency),
            collection: money(f.collection, funnel.currency),
          }),
        };
      })}
    />
  );
}

export function StageChart({ funnel, filter }: { funnel: SalesFunnelData; filter: FunnelFilter }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const stage = useEnumLabel('OpportunityStage');
  const grade = useEnumLabel('LeadGrade');
  const chart = funnelByStageChart(funnel);
  return (
    <ChartCard title={translate('sales.funnel.by_stage')} testId="funnel-by-stage">
      <Chart
        data={chart}
        stacked
        label={grade}
        category={stage}
        onBar={(key, i) => navigate(stageLink(filter, chart.categories[i]!, String(key)))}
      />
      <CategoryLinks
        links={funnel.byStage
          .filter((c) => c.stage !== 'LOST' || c.count > 0)
          .map((c) => ({ to: stageLink(filter, c.stage), label: `${stage(c.stage)} (${c.count})` }))}
      />
    </ChartCard>
  );
}

export default function FunnelCharts({ funnel, filter }: { funnel: SalesFunnelData; filter: FunnelFilter }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const stage = useEnumLabel('OpportunityStage');
  const money = useMoney();
  const amounts = funnelAmountChart(funnel);
  const conversion = conversionChart(funnel);
  const forecasts = forecastChart(funnel);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }} data-testid="funnel-charts">
      <StageChart funnel={funnel} filter={filter} />
      <ChartCard title={translate('sales.funnel.amounts')} testId="funnel-amounts">
        <Chart
          data={amounts}
          label={(key) => translate(`sales.funnel.${String(key)}`)}
          category={stage}
          value={(key, i) => {
            const cell = funnel.byStage.find((c) => c.stage === amounts.categories[i]);
            return cell ? money(key === 'weighted' ? cell.weighted : cell.amount, funnel.currency) : '';
          }}
          onBar={(_key, i) => navigate(stageLink(filter, amounts.categories[i]!))}
        />
      </ChartCard>
      <ChartCard title={translate('sales.funnel.conversion')} testId="funnel-conversion">
        <Chart
          data={conversion}
          label={() => translate('sales.funnel.conversion')}
          category={(c) => {
            const [from, to] = c.split('>');
            return `${stage(from)} → ${stage(to)}`;
          }}
          onBar={(_key, i) => navigate(stageLink(filter, funnel.conversion[i]!.to))}
        />
        <CategoryLinks
          links={funnel.conversion.map((c) => ({
            to: stageLink(filter, c.to),
            label:
              c.percent === null
                ? translate('sales.funnel.conversion_none', { from: stage(c.from), to: stage(c.to) })
                : translate('sales.funnel.conversion_of', {
                    from: stage(c.from),
                    to: stage(c.to),
                    advanced: c.advanced,
                    reached: c.reached,
                    percent: c.percent,
                  }),
          }))}
        />
      </ChartCard>
      <ChartCard title={translate('sales.funnel.forecasts')} testId="funnel-forecasts">
        <Chart
          data={forecasts}
          label={(key) => translate(`sales.funnel.measures.${String(key)}`)}
          category={(term) => translate(`sales.funnel.terms.${term}`)}
          value={(key, i) => {
            const f = funnel.forecasts[FORECAST_TERMS[i]!];
            return f ? money(f[key as 'orders' | 'revenue' | 'collection'], funnel.currency) : '';
          }}
          onBar={(_key, i) => navigate(forecastLink(filter, funnel.forecasts[FORECAST_TERMS[i]!]))}
        />
        <ForecastLines funnel={funnel} filter={filter} />
      </ChartCard>
    </Box>
  );
}
