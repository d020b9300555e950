import { FUNNEL_STAGES, LEAD_GRADES, OPPORTUNITY_STAGES } from '@iron-triangle/domain';
import {
  conversionChart,
  forecastChart,
  forecastLink,
  funnelAmountChart,
  funnelByStageChart,
  SalesFunnelData,
  stageLink,
} from './funnelData';

const zero = { count: 0, amount: '0.00' };
function funnel(): SalesFunnelData {
  const cells = OPPORTUNITY_STAGES.flatMap((stage) => LEAD_GRADES.map((grade) => ({ stage, grade, ...zero })));
  const set = (stage: string, grade: string, count: number, amount: string) =>
    Object.assign(
      cells.find((c) => c.stage === stage && c.grade === grade)!,
      { count, amount },
    );
  set('POTENTIAL', 'MAJOR', 3, '300.00');
  set('POTENTIAL', 'GENERAL', 1, '10.00');
  set('NEGOTIATION', 'COMPANY_MAJOR', 2, '2000.00');
  set('LOST', 'MAJOR', 5, '50.00');
  return {
    at: '2026-12-01T00:00:00.000Z',
    currency: 'CNY',
    total: { count: 11, amount: '2360.00' },
    byStage: OPPORTUNITY_STAGES.map((stage) => ({ stage, ...zero, weighted: '0.00' })).map((c) =>
      c.stage === 'NEGOTIATION' ? { ...c, count: 2, amount: '2000.00', weighted: '1400.00' } : c,
    ),
    byGrade: LEAD_GRADES.map((grade) => ({ grade, ...zero })),
    byStageAndGrade: cells,
    conversion: [
      { from: 'POTENTIAL', to: 'INTENT', reached: 6, advanced: 2, percent: '33.3' },
      { from: 'INTENT', to: 'NEGOTIATION', reached: 2, advanced: 2, percent: '100' },
      { from: 'NEGOTIATION', to: 'DEAL', reached: 0, advanced: 0, percent: null },
    ],
    forecasts: {
      shortTerm: { from: 'a', to: 'b', orders: '1400.00', revenue: '700.50', collection: '0.00' },
      annual: { from: 'a', to: 'c', orders: '1500.00', revenue: '1500.00', collection: '1200.00' },
      longTerm: { from: 'c', to: 'd', orders: '0.00', revenue: '0.00', collection: '30.00' },
    },
    overdue: zero,
  };
}

describe('funnel chart data', () => {
  it('counts the open funnel by stage in order, a series per grade, lost ones left out', () => {
    const chart = funnelByStageChart(funnel());
    expect(chart.categories).toEqual([...FUNNEL_STAGES]);
    expect(chart.series.map((s) => s.key)).toEqual([...LEAD_GRADES]);
    const of = (grade: string) => chart.series.find((s) => s.key === grade)!.data;
    expect(of('MAJOR')).toEqual([3, 0, 0, 0]);
    expect(of('GENERAL')).toEqual([1, 0, 0, 0]);
    expect(of('COMPANY_MAJOR')).toEqual([0, 0, 2, 0]);
    expect(chart.series.flatMap((s) => s.data).reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('gives amounts and weighted amounts per stage', () => {
    const chart = funnelAmountChart(funnel());
    expect(chart.series.find((s) => s.key === 'amount')!.data).toEqual([0, 0, 2000, 0]);
    expect(chart.series.find((s) => s.key === 'weighted')!.data).toEqual([0, 0, 1400, 0]);
  });

  it('lays the forecasts out by term and measure', () => {
    const chart = forecastChart(funnel());
    expect(chart.categories).toEqual(['shortTerm', 'annual', 'longTerm']);
    expect(chart.series.map((s) => [s.key, s.data])).toEqual([
      ['orders', [1400, 1500, 0]],
      ['revenue', [700.5, 1500, 0]],
      ['collection', [0, 1200, 30]],
    ]);
  });

  it('shows conversion in percent, nothing reached as zero', () => {
    expect(conversionChart(funnel()).series[0]!.data).toEqual([33.3, 100, 0]);
  });

  it('links each bar to the opportunities it counts, within the funnel filter', () => {
    const filterOf = (link: string) => JSON.parse(decodeURIComponent(link.split('filter=')[1]!));
    expect(stageLink({ orgUnitId: '7' }, 'INTENT', 'MAJOR')).toMatch(/^\/Opportunity\?filter=/);
    expect(filterOf(stageLink({ orgUnitId: '7' }, 'INTENT', 'MAJOR'))).toEqual({
      orgUnitId: '7',
      stage: 'INTENT',
      grade: 'MAJOR',
    });
    expect(filterOf(stageLink({}, 'DEAL'))).toEqual({ stage: 'DEAL' });
    expect(filterOf(forecastLink({ orgUnitId: '2' }, { from: 'a', to: 'b' }))).toEqual({
      orgUnitId: '2',
      closeFrom: 'a',
      closeTo: 'b',
    });
  });
});
