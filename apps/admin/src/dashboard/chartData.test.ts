import {
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
import type { DecisionWeek } from './dashboardApi';

const filterOf = (link: string) => {
  const [path, query] = link.split('?');
  return { path, filter: JSON.parse(decodeURIComponent(query!.replace(/^filter=/, ''))) };
};

describe("the dashboard charts' data", () => {
  it('qualification levels: a category per triangle role, a series per level held, zeros where nobody holds it', () => {
    const chart = qualificationChart([
      { role: 'SR', level: 1, people: 4 },
      { role: 'AR', level: 3, people: 2 },
      { role: 'AR', level: 2, people: 1 },
    ]);
    expect(chart.categories).toEqual(['AR', 'SR', 'FR']);
    expect(chart.series).toEqual([
      { id: 'level-1', key: 1, data: [0, 4, 0] },
      { id: 'level-2', key: 2, data: [1, 0, 0] },
      { id: 'level-3', key: 3, data: [2, 0, 0] },
    ]);
    expect(qualificationChart([]).series).toEqual([]);
    expect(filterOf(qualificationLink('AR', 3))).toEqual({
      path: '/Assessment',
      filter: { role: 'AR', levelReached: 3 },
    });
    expect(filterOf(qualificationLink('FR')).filter).toEqual({ role: 'FR', certifies: true });
  });

  it('triangle coverage: every grade in order, complete and missing', () => {
    const chart = coverageChart([
      { grade: 'II', projects: 3, complete: 1, missing: 2 },
      { grade: 'I', projects: 2, complete: 2, missing: 0 },
    ]);
    expect(chart.categories).toEqual(['I', 'II', 'III']);
    expect(chart.series).toEqual([
      { id: 'complete', key: 'complete', data: [2, 1, 0] },
      { id: 'missing', key: 'missing', data: [0, 2, 0] },
    ]);
    expect(filterOf(coverageLink('II'))).toEqual({ path: '/Project', filter: { grade: 'II' } });
  });

  it('pools: every status in order, a series per currency, exact sums kept for the labels', () => {
    const totals = [
      { status: 'DRAFT', currency: 'CNY', pools: 2, amount: '90071992548409.93' },
      { status: 'ALLOCATED', currency: 'USD', pools: 1, amount: '0.20' },
      { status: 'ALLOCATED', currency: 'CNY', pools: 2, amount: '17.00' },
    ];
    const chart = poolChart(totals);
    expect(chart.categories).toEqual(['DRAFT', 'FUNDED', 'ALLOCATED', 'APPROVED', 'LOCKED']);
    expect(chart.series).toEqual([
      { id: 'currency-CNY', key: 'CNY', data: [Number('90071992548409.93'), 0, 17, 0, 0] },
      { id: 'currency-USD', key: 'USD', data: [0, 0, 0.2, 0, 0] },
    ]);
    expect(poolsOfStatus(totals, 'ALLOCATED')).toEqual({
      pools: 3,
      sums: [
        { currency: 'USD', amount: '0.20' },
        { currency: 'CNY', amount: '17.00' },
      ],
    });
    expect(poolsOfStatus(totals, 'DRAFT').sums).toEqual([{ currency: 'CNY', amount: '90071992548409.93' }]);
    expect(filterOf(poolLink('ALLOCATED'))).toEqual({ path: '/IncentivePool', filter: { status: 'ALLOCATED' } });
  });

  it('decisions per week: a category per week, a series per decision point taken, in the LTC order', () => {
    const week = (start: string, end: string, byPoint: DecisionWeek['byPoint']): DecisionWeek => ({
      weekStart: start,
      weekEnd: end,
      decisions: byPoint.reduce((n, p) => n + p.decisions, 0),
      byPoint,
    });
    const weeks = [
      week('2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z', [{ decisionPoint: 'ATC', decisions: 1 }]),
      week('2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z', [
        { decisionPoint: 'ATB', decisions: 1 },
        { decisionPoint: 'ATI', decisions: 2 },
      ]),
    ];
    const chart = decisionChart(weeks);
    expect(chart.categories).toEqual(['2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z']);
    expect(chart.series).toEqual([
      { id: 'point-ATI', key: 'ATI', data: [0, 2] },
      { id: 'point-ATB', key: 'ATB', data: [0, 1] },
      { id: 'point-ATC', key: 'ATC', data: [1, 0] },
    ]);
    expect(filterOf(decisionLink(weeks[1]!, 'ATB'))).toEqual({
      path: '/Decision',
      filter: { from: '2026-03-09T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z', decisionPoint: 'ATB' },
    });
    expect(filterOf(decisionLink(weeks[0]!)).filter).toEqual({
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-09T00:00:00.000Z',
    });
  });
});
