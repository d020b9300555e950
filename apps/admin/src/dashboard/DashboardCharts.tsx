// The dashboard's four charts (@mui/x-charts, loaded in a chunk of its own): qualification levels by role, triangle
// coverage of active projects by grade, pools by status and amount, decisions per week. A bar opens the list of
// what it counts; the links under each chart open the list of a category.
import { Box, Card, CardContent, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { ReactNode } from 'react';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { useDate, useEnumLabel, useMoney } from '../components/fields';
import {
  ChartData,
  coverageChart,
  coverageLink,
  decisionChart,
  decisionLink,
  poolChart,
  poolLink,
  poolsOfStatus,
  qualificationChart,
  qualificationLink,
} from './chartData';
import type { DashboardData } from './dashboardApi';

const HEIGHT = 260;

/** "AR · Account Responsible" → "Account Responsible": the words of a label, short enough for an axis. */
export function tickLabel(label: string): string {
  const parts = label.split(' · ');
  return parts[parts.length - 1] ?? label;
}

export function ChartCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card sx={{ flex: '1 1 420px', minWidth: 0 }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6">{title}</Typography>
        {children}
      </CardContent>
    </Card>
  );
}

export function CategoryLinks({ links }: { links: Array<{ to: string; label: string }> }) {
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 1 }}>
      {links.map((l) => (
        <Link key={l.to} to={l.to} variant="body2">
          {l.label}
        </Link>
      ))}
    </Box>
  );
}

export function Chart({
  data,
  label,
  category,
  stacked,
  value,
  onBar,
}: {
  data: ChartData;
  label: (key: string | number) => string;
  category: (value: string) => string;
  stacked?: boolean;
  value?: (seriesKey: string | number, index: number, v: number | null) => string;
  onBar: (seriesKey: string | number, index: number) => void;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  if (data.series.length === 0) return <Typography color="text.secondary">{translate('dashboard.nothing')}</Typography>;
  return (
    <BarChart
      height={HEIGHT}
      xAxis={[
        {
          scaleType: 'band',
          data: data.categories,
          // On the axis the words alone ("Account Responsible"), in the tooltip the whole label.
          valueFormatter: (v: string, context) => (context.location === 'tick' ? tickLabel(category(v)) : category(v)),
        },
      ]}
      yAxis={[{ width: 56, valueFormatter: (v: number) => compact.format(v) }]}
      series={data.series.map((s) => ({
        id: s.id,
        data: s.data,
        label: label(s.key),
        ...(stacked ? { stack: 'total' } : {}),
        ...(value
          ? { valueFormatter: (v: number | null, ctx: { dataIndex: number }) => value(s.key, ctx.dataIndex, v) }
          : {}),
      }))}
      onItemClick={(_event, item) => {
        const series = data.series.find((s) => s.id === item.seriesId);
        if (series) onBar(series.key, item.dataIndex);
      }}
    />
  );
}

export default function DashboardCharts({ data }: { data: DashboardData }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const role = useEnumLabel('TriangleRole');
  const level = useEnumLabel('Level');
  const grade = useEnumLabel('ProjectGrade');
  const status = useEnumLabel('PoolStatus');
  const point = useEnumLabel('DecisionPoint');
  const money = useMoney();
  const date = useDate();

  const qualifications = qualificationChart(data.qualificationLevels);
  const coverage = coverageChart(data.triangleCoverage);
  const pools = poolChart(data.poolsByStatus);
  const decisions = decisionChart(data.decisionsByWeek);
  const weekOf = (start: string) => data.decisionsByWeek.find((w) => w.weekStart === start);

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }} data-testid="dash-charts">
      <ChartCard title={translate('h15dash.qualifications')} testId="chart-qualifications">
        <Chart
          data={qualifications}
          label={(key) => level(key)}
          category={role}
          onBar={(key, i) => navigate(qualificationLink(qualifications.categories[i]!, Number(key)))}
        />
        <CategoryLinks links={qualifications.categories.map((r) => ({ to: qualificationLink(r), label: role(r) }))} />
      </ChartCard>
      <ChartCard title={translate('h15dash.coverage')} testId="chart-coverage">
        <Chart
          data={coverage}
          stacked
          label={(key) => translate(`h15dash.${String(key)}`)}
          category={grade}
          onBar={(_key, i) => navigate(coverageLink(coverage.categories[i]!))}
        />
        <CategoryLinks
          links={data.triangleCoverage.map((c) => ({
            to: coverageLink(c.grade),
            label: translate('h15dash.coverage_of', {
              grade: grade(c.grade),
              complete: c.complete,
              projects: c.projects,
            }),
          }))}
        />
      </ChartCard>
      <ChartCard title={translate('h15dash.pools')} testId="chart-pools">
        <Chart
          data={pools}
          label={(key) => String(key)}
          category={status}
          value={(currency, i) => {
            const found = data.poolsByStatus.find((t) => t.status === pools.categories[i] && t.currency === currency);
            return found
              ? translate('h15dash.pools_sum', {
                  smart_count: found.pools,
                  amount: money(found.amount, found.currency),
                })
              : '';
          }}
          onBar={(_key, i) => navigate(poolLink(pools.categories[i]!))}
        />
        <CategoryLinks
          links={pools.categories
            .map((s) => ({ s, of: poolsOfStatus(data.poolsByStatus, s) }))
            .filter(({ of }) => of.pools > 0)
            .map(({ s, of }) => ({
              to: poolLink(s),
              label: `${status(s)} (${of.pools}) · ${of.sums.map((x) => money(x.amount, x.currency)).join(' + ')}`,
            }))}
        />
      </ChartCard>
      <ChartCard title={translate('h15dash.decisions')} testId="chart-decisions">
        <Chart
          data={decisions}
          stacked
          label={(key) => point(key)}
          category={(start) => date(start)}
          onBar={(key, i) => {
            const week = weekOf(decisions.categories[i]!);
            if (week) navigate(decisionLink(week, String(key)));
          }}
        />
        <CategoryLinks
          links={data.decisionsByWeek
            .filter((w) => w.decisions > 0)
            .map((w) => ({
              to: decisionLink(w),
              label: translate('h15dash.week_of', { date: date(w.weekStart), smart_count: w.decisions }),
            }))}
        />
      </ChartCard>
    </Box>
  );
}
