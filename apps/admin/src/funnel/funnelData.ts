// From the API's sales funnel (packages/domain/src/sales/funnel.ts SalesFunnel, as GraphQL sends it: money as decimal
// strings in major units) to the charts' categories and series, and each bar's filtered list of opportunities. No
// chart library here: the charts chunk stays lazy.
import { FUNNEL_STAGES, LEAD_GRADES } from '@iron-triangle/domain';
import { listLink, type ChartData } from '../dashboard/chartData';

export interface FunnelCellData {
  count: number;
  amount: string;
}
export interface SalesFunnelData {
  at: string;
  currency: string;
  total: FunnelCellData;
  byStage: Array<FunnelCellData & { stage: string; weighted: string }>;
  byGrade: Array<FunnelCellData & { grade: string }>;
  byStageAndGrade: Array<FunnelCellData & { stage: string; grade: string }>;
  conversion: Array<{ from: string; to: string; reached: number; advanced: number; percent: string | null }>;
  forecasts: Record<ForecastTerm, { from: string; to: string; orders: string; revenue: string; collection: string }>;
  overdue: FunnelCellData;
}

export const FORECAST_TERMS = ['shortTerm', 'annual', 'longTerm'] as const;
export type ForecastTerm = (typeof FORECAST_TERMS)[number];
export const FORECAST_MEASURES = ['orders', 'revenue', 'collection'] as const;
export type ForecastMeasure = (typeof FORECAST_MEASURES)[number];

/** The filter the funnel was asked with, carried to the lists its bars open. */
export interface FunnelFilter {
  orgUnitId?: string | null;
  from?: string | null;
  to?: string | null;
}

const amount = (text: string | null | undefined) => (text ? Number(text) : 0);

/** The open funnel (potential → deal) by stage: one category per stage, a series per grade (counts), stacked. */
export function funnelByStageChart(funnel: SalesFunnelData): ChartData {
  return {
    categories: [...FUNNEL_STAGES],
    series: LEAD_GRADES.map((grade) => ({
      id: `grade-${grade}`,
      key: grade,
      data: FUNNEL_STAGES.map(
        (stage) => funnel.byStageAndGrade.find((c) => c.stage === stage && c.grade === grade)?.count ?? 0,
      ),
    })),
  };
}

/** Amount and probability-weighted amount per stage (major units, for the bars' heights). */
export function funnelAmountChart(funnel: SalesFunnelData): ChartData {
  const of = (stage: string) => funnel.byStage.find((c) => c.stage === stage);
  return {
    categories: [...FUNNEL_STAGES],
    series: [
      { id: 'amount', key: 'amount', data: FUNNEL_STAGES.map((s) => amount(of(s)?.amount)) },
      { id: 'weighted', key: 'weighted', data: FUNNEL_STAGES.map((s) => amount(of(s)?.weighted)) },
    ],
  };
}

/** The forecasts: a category per term (3 months, annual, 1–3 years), a series per measure. */
export function forecastChart(funnel: SalesFunnelData): ChartData {
  return {
    categories: [...FORECAST_TERMS],
    series: FORECAST_MEASURES.map((measure) => ({
      id: measure,
      key: measure,
      data: FORECAST_TERMS.map((term) => amount(funnel.forecasts[term]?.[measure])),
    })),
  };
}

function scope(filter: FunnelFilter): Record<string, string> {
  const result: Record<string, string> = {};
  if (filter.orgUnitId) result.orgUnitId = filter.orgUnitId;
  if (filter.from) result.closeFrom = filter.from;
  if (filter.to) result.closeTo = filter.to;
  return result;
}

/** The opportunities a stage bar counts (of one grade when given), within the funnel's filter. */
export function stageLink(filter: FunnelFilter, stage: string, grade?: string): string {
  return listLink('Opportunity', { ...scope(filter), stage, ...(grade ? { grade } : {}) });
}

/** The opportunities a forecast weighs: those closing within the term. */
export function forecastLink(filter: FunnelFilter, window: { from: string; to: string }): string {
  return listLink('Opportunity', {
    ...(filter.orgUnitId ? { orgUnitId: filter.orgUnitId } : {}),
    closeFrom: window.from,
    closeTo: window.to,
  });
}

/** Conversion as a number for a bar (0 when none reached the stage it starts from). */
export function conversionChart(funnel: SalesFunnelData): ChartData {
  return {
    categories: funnel.conversion.map((c) => `${c.from}>${c.to}`),
    series: [
      { id: 'percent', key: 'percent', data: funnel.conversion.map((c) => (c.percent ? Number(c.percent) : 0)) },
    ],
  };
}
