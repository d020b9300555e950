import fc from 'fast-check';
import {
  DEFAULT_STAGE_PROBABILITIES,
  FUNNEL_STAGES,
  LeadConversionFacts,
  OPPORTUNITY_STAGES,
  OPPORTUNITY_STAGE_NAMES,
  OpportunityStage,
  allowedStageTransitions,
  checkStageTransition,
  isOpportunityStage,
  leadToOpportunity,
  missingForOpportunity,
  validateStageProbabilities,
} from './opportunity';

const START = new Date('2026-09-01T00:00:00Z');
const READY: LeadConversionFacts = {
  budget: { minor: 500_000_000n, currency: 'CNY' },
  startTime: START,
  fittingSolution: true,
  foundBy: 'ar-1',
  verifiedBy: 'sr-1',
};

describe('leadToOpportunity (DOMAIN.md §4)', () => {
  it('a definite budget, a definite start time, a fitting solution and a verification by another → potential', () => {
    expect(leadToOpportunity(READY)).toEqual({
      ok: true,
      value: { stage: 'POTENTIAL', expectedAmount: READY.budget, startTime: START },
    });
  });

  it.each<[Partial<LeadConversionFacts>, string[]]>([
    [{ budget: null }, ['DEFINITE_BUDGET']],
    [{ budget: { minor: 0n, currency: 'CNY' } }, ['DEFINITE_BUDGET']],
    [{ budget: { minor: -1n, currency: 'CNY' } }, ['DEFINITE_BUDGET']],
    [{ startTime: null }, ['DEFINITE_START_TIME']],
    [{ startTime: new Date('not a date') }, ['DEFINITE_START_TIME']],
    [{ fittingSolution: false }, ['FITTING_SOLUTION']],
    [{ verifiedBy: null }, ['VERIFIED']],
    [{ verifiedBy: 'ar-1' }, ['VERIFIED_BY_OTHER']],
  ])('refused with the missing fact named: %o', (change, missing) => {
    expect(leadToOpportunity({ ...READY, ...change })).toEqual({
      ok: false,
      error: { code: 'SALES.LEAD_NOT_READY', data: { missing } },
    });
  });

  it('a budget of one minor unit is definite', () => {
    expect(leadToOpportunity({ ...READY, budget: { minor: 1n, currency: 'CNY' } }).ok).toBe(true);
  });

  it('names every missing fact at once, in a stable order', () => {
    expect(missingForOpportunity({ foundBy: 'ar-1' })).toEqual([
      'DEFINITE_BUDGET',
      'DEFINITE_START_TIME',
      'FITTING_SOLUTION',
      'VERIFIED',
    ]);
  });

  it('property: converts exactly when nothing is missing', () => {
    const facts = fc.record({
      budget: fc.option(
        fc.bigInt({ min: -5n, max: 5n }).map((minor) => ({ minor, currency: 'CNY' })),
        { nil: null },
      ),
      startTime: fc.option(fc.constant(START), { nil: null }),
      fittingSolution: fc.boolean(),
      foundBy: fc.constantFrom('a', 'b'),
      verifiedBy: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const result = leadToOpportunity(f);
        const expected =
          f.budget !== null &&
          f.budget.minor > 0n &&
          f.startTime !== null &&
          f.fittingSolution &&
          f.verifiedBy !== null &&
          f.verifiedBy !== f.foundBy;
        expect(result.ok).toBe(expected);
      }),
    );
  });
});

describe('opportunity stages', () => {
  it.each<[OpportunityStage, OpportunityStage[]]>([
    ['POTENTIAL', ['INTENT', 'LOST']],
    ['INTENT', ['NEGOTIATION', 'POTENTIAL', 'LOST']],
    ['NEGOTIATION', ['DEAL', 'INTENT', 'LOST']],
    ['DEAL', []],
    ['LOST', []],
  ])('from %s', (from, allowed) => {
    expect(allowedStageTransitions(from)).toEqual(allowed);
  });

  it('refuses skipping a stage, moving out of a closed one, and standing still', () => {
    expect(checkStageTransition('POTENTIAL', 'INTENT')).toEqual({ ok: true, value: 'INTENT' });
    expect(checkStageTransition('POTENTIAL', 'NEGOTIATION')).toEqual({
      ok: false,
      error: {
        code: 'SALES.STAGE_TRANSITION_NOT_ALLOWED',
        data: { from: 'POTENTIAL', to: 'NEGOTIATION', allowed: ['INTENT', 'LOST'] },
      },
    });
    expect(checkStageTransition('DEAL', 'LOST').ok).toBe(false);
    expect(checkStageTransition('LOST', 'POTENTIAL').ok).toBe(false);
    expect(checkStageTransition('INTENT', 'INTENT').ok).toBe(false);
  });

  it('property: every allowed move is one funnel step or to LOST from an open stage', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPPORTUNITY_STAGES), fc.constantFrom(...OPPORTUNITY_STAGES), (from, to) => {
        const ok = checkStageTransition(from, to).ok;
        const i = FUNNEL_STAGES.indexOf(from as never);
        const j = FUNNEL_STAGES.indexOf(to as never);
        const open = from !== 'DEAL' && from !== 'LOST';
        expect(ok).toBe(open && (to === 'LOST' || (j >= 0 && Math.abs(i - j) === 1)));
      }),
    );
  });

  it('knows and names its stages', () => {
    expect(OPPORTUNITY_STAGES.every(isOpportunityStage)).toBe(true);
    expect(isOpportunityStage('WON')).toBe(false);
    expect(OPPORTUNITY_STAGE_NAMES.NEGOTIATION).toEqual({ 'zh-CN': '谈判', en: 'negotiation' });
  });

  it('stage probabilities: whole percent, rising along the funnel, deal 100, lost 0', () => {
    expect(validateStageProbabilities(DEFAULT_STAGE_PROBABILITIES).ok).toBe(true);
    const d = DEFAULT_STAGE_PROBABILITIES;
    expect(validateStageProbabilities({ ...d, POTENTIAL: 0 }).ok).toBe(true);
    expect(validateStageProbabilities({ ...d, NEGOTIATION: 99 }).ok).toBe(true);
    expectInvalid({ ...d, INTENT: 10 }, 'INTENT', 10);
    expectInvalid({ ...d, NEGOTIATION: 100 }, 'DEAL', 100);
    expectInvalid({ ...d, DEAL: 90 }, 'DEAL', 90);
    expectInvalid({ ...d, LOST: 5 }, 'LOST', 5);
    expectInvalid({ ...d, POTENTIAL: -1 }, 'POTENTIAL', -1);
    expectInvalid({ ...d, INTENT: 30.5 }, 'INTENT', 30.5);
    expectInvalid({ ...d, NEGOTIATION: 101 }, 'NEGOTIATION', 101);
  });
});

function expectInvalid(p: typeof DEFAULT_STAGE_PROBABILITIES, stage: string, value: number): void {
  expect(validateStageProbabilities(p)).toEqual({
    ok: false,
    error: { code: 'SALES.STAGE_PROBABILITIES_INVALID', data: { stage, value } },
  });
}
