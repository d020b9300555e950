// From the dashboard's figures to the charts' categories and series (every category listed, in the domain's order,
// zeros where nothing counts), and each bar's filtered list. No chart library here: the charts chunk stays lazy.
import { DECISION_POINTS, POOL_STATUSES, PROJECT_GRADES } from '@iron-triangle/domain';
import type { DecisionWeek, PoolStatusTotal, QualificationLevelCount, TriangleCoverage } from './dashboardApi';

/** The roles of the triangle, in order. */
export const TRIANGLE = ['AR', 'SR', 'FR'] as const;

export interface ChartSeries {
  /** Stable id (the bar's link is read from it). */
  id: string;
  /** What the series is: a level, a currency, a decision point, complete or missing. */
  key: string | number;
  data: number[];
}

export interface ChartData {
  /** The x-axis categories (roles, grades, statuses, week starts), in order. */
  categories: string[];
  series: ChartSeries[];
}

/** Where a list shows what a bar counts: react-admin's list route with its filter. */
export function listLink(resource: string, filter: Record<string, unknown>): string {
  return `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

/** Qualification levels by role: a series per level held, a category per triangle role. */
export function qualificationChart(levels: readonly QualificationLevelCount[]): ChartData {
  const held = [...new Set(levels.map((l) => l.level))].sort((a, b) => a - b);
  return {
    categories: [...TRIANGLE],
    series: held.map((level) => ({
      id: `level-${level}`,
      key: level,
      data: TRIANGLE.map((role) => levels.find((l) => l.role === role && l.level === level)?.people ?? 0),
    })),
  };
}

export function qualificationLink(role: string, level?: number): string {
  return listLink('Assessment', level === undefined ? { role, certifies: true } : { role, levelReached: level });
}

/** Triangle coverage of active projects by grade: complete and missing, stacked. */
export function coverageChart(coverage: readonly TriangleCoverage[]): ChartData {
  const of = (grade: string) => coverage.find((c) => c.grade === grade);
  return {
    categories: [...PROJECT_GRADES],
    series: (['complete', 'missing'] as const).map((key) => ({
      id: key,
      key,
      data: PROJECT_GRADES.map((grade) => of(grade)?.[key] ?? 0),
    })),
  };
}

export function coverageLink(grade: string): string {
  return listLink('Project', { grade });
}

/** Pools by status: a series per currency (amounts, in major units, for the bars' heights). */
export function poolChart(totals: readonly PoolStatusTotal[]): ChartData {
  const currencies = [...new Set(totals.map((t) => t.currency))].sort();
  return {
    categories: [...POOL_STATUSES],
    series: currencies.map((currency) => ({
      id: `currency-${currency}`,
      key: currency,
      data: POOL_STATUSES.map((status) =>
        Number(totals.find((t) => t.status === status && t.currency === currency)?.amount ?? 0),
      ),
    })),
  };
}

/** The pools of a status (all currencies) and their exact sums per currency, for labels. */
export function poolsOfStatus(totals: readonly PoolStatusTotal[], status: string) {
  const rows = totals.filter((t) => t.status === status);
  return {
    pools: rows.reduce((n, t) => n + t.pools, 0),
    sums: rows.map((t) => ({ currency: t.currency, amount: t.amount })),
  };
}

export function poolLink(status: string): string {
  return listLink('IncentivePool', { status });
}

/** Decisions per week: a category per week (its start), a series per decision point taken, stacked. */
export function decisionChart(weeks: readonly DecisionWeek[]): ChartData {
  const taken = DECISION_POINTS.filter((point) => weeks.some((w) => w.byPoint.some((p) => p.decisionPoint === point)));
  return {
    categories: weeks.map((w) => w.weekStart),
    series: taken.map((point) => ({
      id: `point-${point}`,
      key: point,
      data: weeks.map((w) => w.byPoint.find((p) => p.decisionPoint === point)?.decisions ?? 0),
    })),
  };
}

export function decisionLink(week: Pick<DecisionWeek, 'weekStart' | 'weekEnd'>, decisionPoint?: string): string {
  return listLink('Decision', {
    from: week.weekStart,
    to: week.weekEnd,
    ...(decisionPoint ? { decisionPoint } : {}),
  });
}
