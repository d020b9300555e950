import fc from 'fast-check';
import { LEAD_GRADES } from './lead';
import { FunnelOpportunity, furthestStageOf, salesFunnel } from './funnel';
import { OPPORTUNITY_STAGES, OpportunityStage } from './opportunity';

const AT = new Date('2026-01-31T00:00:00Z');
const cny = (minor: bigint) => ({ minor, currency: 'CNY' });
let n = 0;
function opp(stage: OpportunityStage, minor: bigint, closeDate: string, extra: Partial<FunnelOpportunity> = {}) {
  n += 1;
  return { id: `o${n}`, stage, grade: 'MAJOR' as const, amount: cny(minor), closeDate: new Date(closeDate), ...extra };
}
function funnel(list: FunnelOpportunity[]) {
  const result = salesFunnel(list, { at: AT, currency: 'CNY' });
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

describe('salesFunnel: counts and amounts', () => {
  it('an empty funnel is all zeros, every stage and grade present', () => {
    const f = funnel([]);
    expect(f.total).toEqual({ count: 0, amount: cny(0n) });
    expect(f.byStage.map((c) => c.stage)).toEqual([...OPPORTUNITY_STAGES]);
    expect(f.byGrade.map((c) => c.grade)).toEqual([...LEAD_GRADES]);
    expect(f.byStageAndGrade).toHaveLength(OPPORTUNITY_STAGES.length * LEAD_GRADES.length);
    expect(f.conversion.every((c) => c.percent === null && c.reached === 0)).toBe(true);
    expect(f.forecasts.shortTerm.orders).toEqual(cny(0n));
  });

  it('counts and sums per stage, per grade and per both, and weighs each stage by its probability', () => {
    const f = funnel([
      opp('POTENTIAL', 1000n, '2026-02-10T00:00:00Z'),
      opp('POTENTIAL', 3000n, '2026-02-10T00:00:00Z', { grade: 'GENERAL' }),
      opp('NEGOTIATION', 2000n, '2026-03-01T00:00:00Z'),
      opp('LOST', 500n, '2026-01-01T00:00:00Z', { furthestStage: 'INTENT' }),
    ]);
    expect(f.total).toEqual({ count: 4, amount: cny(6500n) });
    expect(f.byStage.find((c) => c.stage === 'POTENTIAL')).toEqual({
      stage: 'POTENTIAL',
      count: 2,
      amount: cny(4000n),
      weighted: cny(400n),
    });
    expect(f.byStage.find((c) => c.stage === 'NEGOTIATION')?.weighted).toEqual(cny(1400n));
    expect(f.byStage.find((c) => c.stage === 'LOST')).toMatchObject({ count: 1, weighted: cny(0n) });
    expect(f.byGrade.find((c) => c.grade === 'GENERAL')).toEqual({ grade: 'GENERAL', count: 1, amount: cny(3000n) });
    expect(f.byGrade.find((c) => c.grade === 'MAJOR')).toEqual({ grade: 'MAJOR', count: 3, amount: cny(3500n) });
    expect(f.byStageAndGrade.find((c) => c.stage === 'POTENTIAL' && c.grade === 'MAJOR')).toEqual({
      stage: 'POTENTIAL',
      grade: 'MAJOR',
      count: 1,
      amount: cny(1000n),
    });
  });

  it('conversion counts what reached each stage or further, lost ones at their furthest stage', () => {
    const f = funnel([
      opp('POTENTIAL', 1n, '2026-02-01T00:00:00Z'),
      opp('LOST', 1n, '2026-02-01T00:00:00Z'),
      opp('LOST', 1n, '2026-02-01T00:00:00Z', { furthestStage: 'NEGOTIATION' }),
      opp('INTENT', 1n, '2026-02-01T00:00:00Z', { furthestStage: 'NEGOTIATION' }),
      opp('DEAL', 1n, '2026-01-01T00:00:00Z'),
      opp('NEGOTIATION', 1n, '2026-02-01T00:00:00Z'),
    ]);
    expect(f.conversion).toEqual([
      { from: 'POTENTIAL', to: 'INTENT', reached: 6, advanced: 4, percent: '66.7' },
      { from: 'INTENT', to: 'NEGOTIATION', reached: 4, advanced: 4, percent: '100' },
      { from: 'NEGOTIATION', to: 'DEAL', reached: 4, advanced: 1, percent: '25' },
    ]);
  });

  it('overdue: open opportunities whose close date is before `at`, not closed ones nor one closing at `at`', () => {
    const f = funnel([
      opp('INTENT', 10n, '2026-01-30T23:59:59Z'),
      opp('INTENT', 20n, AT.toISOString()),
      opp('DEAL', 40n, '2025-12-01T00:00:00Z'),
      opp('LOST', 80n, '2025-12-01T00:00:00Z'),
    ]);
    expect(f.overdue).toEqual({ count: 1, amount: cny(10n) });
  });
});

describe('salesFunnel: forecasts as of `at`', () => {
  it('windows are [at, +3 months), [at, +12 months) and [+12, +36 months), in calendar months from `at`', () => {
    const f = funnel([]);
    expect(f.forecasts.shortTerm.from).toEqual(AT);
    expect(f.forecasts.shortTerm.to).toEqual(new Date('2026-04-30T00:00:00Z'));
    expect(f.forecasts.annual.to).toEqual(new Date('2027-01-31T00:00:00Z'));
    expect(f.forecasts.longTerm.from).toEqual(new Date('2027-01-31T00:00:00Z'));
    expect(f.forecasts.longTerm.to).toEqual(new Date('2029-01-31T00:00:00Z'));
  });

  it('weighs orders by stage probability at the window boundaries', () => {
    const f = funnel([
      opp('INTENT', 1000n, AT.toISOString()), // in: 300
      opp('NEGOTIATION', 1000n, '2026-04-29T23:59:59Z'), // in: 700
      opp('NEGOTIATION', 1000n, '2026-04-30T00:00:00Z'), // annual only
      opp('POTENTIAL', 1000n, '2026-01-30T23:59:59Z'), // before `at`: none
      opp('DEAL', 1000n, '2026-02-15T00:00:00Z'), // 100 %
      opp('LOST', 1000n, '2026-02-15T00:00:00Z'), // 0 %
      opp('POTENTIAL', 1000n, '2027-01-31T00:00:00Z'), // long term: 100
      opp('POTENTIAL', 1000n, '2029-01-31T00:00:00Z'), // beyond: none
    ]);
    expect(f.forecasts.shortTerm.orders).toEqual(cny(2000n));
    expect(f.forecasts.annual.orders).toEqual(cny(2700n));
    expect(f.forecasts.longTerm.orders).toEqual(cny(100n));
  });

  it('revenue and collection follow their own dates, the close date when not given', () => {
    const f = funnel([
      opp('DEAL', 1000n, '2026-02-01T00:00:00Z', {
        revenueDate: new Date('2026-06-01T00:00:00Z'),
        collectionDate: new Date('2027-03-01T00:00:00Z'),
      }),
      opp('NEGOTIATION', 1000n, '2026-02-01T00:00:00Z'),
    ]);
    expect(f.forecasts.shortTerm).toMatchObject({ orders: cny(1700n), revenue: cny(700n), collection: cny(700n) });
    expect(f.forecasts.annual).toMatchObject({ orders: cny(1700n), revenue: cny(1700n), collection: cny(700n) });
    expect(f.forecasts.longTerm).toMatchObject({ orders: cny(0n), revenue: cny(0n), collection: cny(1000n) });
  });

  it("an open opportunity's own probability replaces its stage's; a closed one keeps 100 % or 0 %", () => {
    const f = funnel([
      opp('INTENT', 1000n, '2026-02-01T00:00:00Z', { probability: 55 }),
      opp('DEAL', 1000n, '2026-02-01T00:00:00Z', { probability: 10 }),
      opp('LOST', 1000n, '2026-02-01T00:00:00Z', { probability: 90 }),
    ]);
    expect(f.forecasts.shortTerm.orders).toEqual(cny(1550n));
  });

  it('rounds the weighted sum once, half up, and takes company stage probabilities', () => {
    const items = [opp('POTENTIAL', 5n, '2026-02-01T00:00:00Z'), opp('POTENTIAL', 5n, '2026-02-01T00:00:00Z')];
    expect(funnel(items).forecasts.shortTerm.orders).toEqual(cny(1n)); // 0.5 + 0.5, not 1 + 1 nor 0 + 0
    expect(funnel([items[0] as FunnelOpportunity]).forecasts.shortTerm.orders).toEqual(cny(1n)); // 0.5 → 1
    const r = salesFunnel(items, {
      at: AT,
      currency: 'CNY',
      stageProbabilities: { POTENTIAL: 20, INTENT: 40, NEGOTIATION: 80, DEAL: 100, LOST: 0 },
    });
    expect(r.ok && r.value.forecasts.shortTerm.orders).toEqual(cny(2n));
  });
});

describe('salesFunnel: refusals', () => {
  it.each<[Partial<FunnelOpportunity>, string]>([
    [{ amount: { minor: 1n, currency: 'USD' } }, 'MONEY.CURRENCY_MISMATCH'],
    [{ amount: cny(-1n) }, 'SALES.AMOUNT_NEGATIVE'],
    [{ probability: 101 }, 'SALES.PROBABILITY_INVALID'],
    [{ probability: -1 }, 'SALES.PROBABILITY_INVALID'],
    [{ probability: 12.5 }, 'SALES.PROBABILITY_INVALID'],
    [{ stage: 'NEGOTIATION', furthestStage: 'INTENT' }, 'SALES.FURTHEST_STAGE_BEHIND'],
  ])('%o → %s', (change, code) => {
    const bad = { ...opp('INTENT', 1n, '2026-02-01T00:00:00Z'), ...change };
    const result = salesFunnel([opp('POTENTIAL', 1n, '2026-02-01T00:00:00Z'), bad], { at: AT, currency: 'CNY' });
    expect(result).toMatchObject({ ok: false, error: { code, data: { id: bad.id } } });
  });
});

describe('furthestStageOf', () => {
  it('the furthest funnel stage in a history', () => {
    expect(furthestStageOf([])).toBe('POTENTIAL');
    expect(furthestStageOf(['LOST'])).toBe('POTENTIAL');
    expect(furthestStageOf(['POTENTIAL', 'INTENT', 'NEGOTIATION', 'INTENT', 'LOST'])).toBe('NEGOTIATION');
  });
});

describe('salesFunnel: properties', () => {
  const arbitrary = fc.array(
    fc.record({
      stage: fc.constantFrom(...OPPORTUNITY_STAGES),
      grade: fc.constantFrom(...LEAD_GRADES),
      minor: fc.bigInt({ min: 0n, max: 10n ** 15n }),
      days: fc.integer({ min: -400, max: 1500 }),
    }),
    { maxLength: 30 },
  );
  const build = (
    rows: { stage: OpportunityStage; grade: (typeof LEAD_GRADES)[number]; minor: bigint; days: number }[],
  ) =>
    rows.map((r, i) => ({
      id: `p${i}`,
      stage: r.stage,
      grade: r.grade,
      amount: cny(r.minor),
      closeDate: new Date(AT.getTime() + r.days * 86_400_000),
    }));

  it('stage, grade and stage × grade cells each add up to the total; conversion never rises', () => {
    fc.assert(
      fc.property(arbitrary, (rows) => {
        const f = funnel(build(rows));
        const sum = (cells: { count: number; amount: { minor: bigint } }[]) => [
          cells.reduce((a, c) => a + c.count, 0),
          cells.reduce((a, c) => a + c.amount.minor, 0n),
        ];
        const total = [f.total.count, f.total.amount.minor];
        expect(sum(f.byStage)).toEqual(total);
        expect(sum(f.byGrade)).toEqual(total);
        expect(sum(f.byStageAndGrade)).toEqual(total);
        expect(f.conversion[0]?.reached).toBe(rows.length);
        for (const c of f.conversion) expect(c.advanced).toBeLessThanOrEqual(c.reached);
      }),
    );
  });

  it('a weighted forecast lies between nothing and the whole amount in its window, and equals it at 100 %', () => {
    fc.assert(
      fc.property(arbitrary, (rows) => {
        const list = build(rows);
        const f = funnel(list);
        const inShort = list.filter((o) => o.closeDate >= AT && o.closeDate < f.forecasts.shortTerm.to);
        const whole = inShort.reduce((a, o) => a + o.amount.minor, 0n);
        const won = inShort.filter((o) => o.stage === 'DEAL').reduce((a, o) => a + o.amount.minor, 0n);
        expect(f.forecasts.shortTerm.orders.minor).toBeGreaterThanOrEqual(won);
        expect(f.forecasts.shortTerm.orders.minor).toBeLessThanOrEqual(whole);
        const certain = funnel(list.map((o) => ({ ...o, stage: 'DEAL' as const })));
        expect(certain.forecasts.shortTerm.orders.minor).toBe(whole);
        expect(f.forecasts.annual.orders.minor).toBeGreaterThanOrEqual(f.forecasts.shortTerm.orders.minor);
      }),
    );
  });
});
