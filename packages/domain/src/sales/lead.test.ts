import fc from 'fast-check';
import { gradeProject } from '../grading/grading';
import { CUSTOMER_TIERS } from '../ltc/ltc';
import {
  DEFAULT_LEAD_SIZE_THRESHOLDS,
  LEAD_CLASSES,
  LEAD_CLASS_NAMES,
  LEAD_GRADES,
  LEAD_GRADE_NAMES,
  LEAD_GRADE_REASONS,
  LEAD_GRADE_REASON_LEVELS,
  LeadFacts,
  LeadGradeCriteria,
  checkLeadVerification,
  classifyLead,
  compareLeadGrades,
  gradeLead,
  isLeadGrade,
  projectCriteriaFromLead,
  validateLeadSizeThresholds,
} from './lead';

const DATE = new Date('2026-06-01T00:00:00Z');
const cny = (minor: bigint) => ({ minor, currency: 'CNY' });

describe('classifyLead (DOMAIN.md §4)', () => {
  it('initial without a clear need, even with every other fact', () => {
    expect(classifyLead({})).toEqual({ leadClass: 'INITIAL', reasons: [], missing: ['CLEAR_NEED'] });
    expect(
      classifyLead({ clearNeed: false, decisionMakerKnown: true, investmentPlan: true, expectedDate: DATE }),
    ).toEqual({
      leadClass: 'INITIAL',
      reasons: ['DECISION_MAKER', 'INVESTMENT_PLAN', 'EXPECTED_DATE'],
      missing: ['CLEAR_NEED'],
    });
  });

  it('credible with a clear need, naming what an opportunity lead still needs', () => {
    expect(classifyLead({ clearNeed: true })).toEqual({
      leadClass: 'CREDIBLE',
      reasons: ['CLEAR_NEED'],
      missing: ['DECISION_MAKER', 'INVESTMENT_PLAN', 'EXPECTED_DATE'],
    });
  });

  it.each<[LeadFacts, string]>([
    [{ clearNeed: true, investmentPlan: true, expectedDate: DATE }, 'DECISION_MAKER'],
    [{ clearNeed: true, decisionMakerKnown: true, expectedDate: DATE }, 'INVESTMENT_PLAN'],
    [{ clearNeed: true, decisionMakerKnown: true, investmentPlan: true, expectedDate: null }, 'EXPECTED_DATE'],
    [{ clearNeed: true, decisionMakerKnown: true, investmentPlan: true, expectedDate: new Date('x') }, 'EXPECTED_DATE'],
  ])('one fact short of an opportunity lead stays credible: %o', (facts, missing) => {
    expect(classifyLead(facts)).toMatchObject({ leadClass: 'CREDIBLE', missing: [missing] });
  });

  it('an opportunity lead with a clear need, a decision maker, an investment plan and a date', () => {
    expect(
      classifyLead({ clearNeed: true, decisionMakerKnown: true, investmentPlan: true, expectedDate: DATE }),
    ).toEqual({
      leadClass: 'OPPORTUNITY_LEAD',
      reasons: ['CLEAR_NEED', 'DECISION_MAKER', 'INVESTMENT_PLAN', 'EXPECTED_DATE'],
      missing: [],
    });
  });

  it('property: a fact added never lowers the class; reasons and missing split the facts', () => {
    const facts = fc.record({
      clearNeed: fc.boolean(),
      decisionMakerKnown: fc.boolean(),
      investmentPlan: fc.boolean(),
      expectedDate: fc.option(fc.constant(DATE), { nil: null }),
    });
    fc.assert(
      fc.property(facts, fc.constantFrom('clearNeed', 'decisionMakerKnown', 'investmentPlan'), (f, key) => {
        const before = classifyLead(f);
        const after = classifyLead({ ...f, [key]: true });
        expect(LEAD_CLASSES.indexOf(after.leadClass)).toBeGreaterThanOrEqual(LEAD_CLASSES.indexOf(before.leadClass));
        expect(new Set([...before.reasons, ...before.missing]).size).toBe(
          before.reasons.length + before.missing.length,
        );
      }),
    );
  });

  it('names every class in both languages', () => {
    for (const c of LEAD_CLASSES) expect(LEAD_CLASS_NAMES[c]['zh-CN'] && LEAD_CLASS_NAMES[c].en).toBeTruthy();
    expect(LEAD_CLASS_NAMES.OPPORTUNITY_LEAD['zh-CN']).toBe('机会线索');
  });
});

describe('gradeLead (DOMAIN.md §4: size, customer position, strategic value)', () => {
  const t = DEFAULT_LEAD_SIZE_THRESHOLDS;

  it.each<[bigint, string, string[]]>([
    [t.companyMajor, 'COMPANY_MAJOR', ['SIZE_COMPANY_MAJOR']],
    [t.companyMajor - 1n, 'MAJOR', ['SIZE_MAJOR']],
    [t.major, 'MAJOR', ['SIZE_MAJOR']],
    [t.major - 1n, 'IMPORTANT', ['SIZE_IMPORTANT']],
    [t.important, 'IMPORTANT', ['SIZE_IMPORTANT']],
    [t.important - 1n, 'GENERAL', ['NO_CRITERION']],
    [0n, 'GENERAL', ['NO_CRITERION']],
  ])('by size at the thresholds: %s → %s', (minor, grade, reasons) => {
    expect(gradeLead({ expectedAmount: cny(minor) })).toEqual({ ok: true, value: { grade, reasons } });
  });

  it.each<[LeadGradeCriteria, string, string[]]>([
    [{ strategicIndustryBreakthrough: true }, 'COMPANY_MAJOR', ['STRATEGIC_INDUSTRY']],
    [{ majorProductDirectionImpact: true }, 'COMPANY_MAJOR', ['PRODUCT_DIRECTION']],
    [{ majorBusinessModelImpact: true }, 'COMPANY_MAJOR', ['BUSINESS_MODEL']],
    [{ customerTier: 'S' }, 'MAJOR', ['S_TIER_CUSTOMER']],
    [{ marketBreakthrough: true }, 'MAJOR', ['MARKET_BREAKTHROUGH']],
    [{ customerTier: 'A' }, 'IMPORTANT', ['A_TIER_CUSTOMER']],
    [{ customerTier: 'B' }, 'GENERAL', ['NO_CRITERION']],
    [{ customerTier: 'C', marketBreakthrough: false }, 'GENERAL', ['NO_CRITERION']],
    [{ customerTier: null, expectedAmount: null }, 'GENERAL', ['NO_CRITERION']],
  ])('by position and strategic value: %o → %s', (criteria, grade, reasons) => {
    expect(gradeLead(criteria)).toEqual({ ok: true, value: { grade, reasons } });
  });

  it('the highest level wins and gives every criterion at that level, in a stable order', () => {
    expect(
      gradeLead({
        customerTier: 'S',
        marketBreakthrough: true,
        expectedAmount: cny(t.major),
        strategicIndustryBreakthrough: false,
      }),
    ).toEqual({
      ok: true,
      value: { grade: 'MAJOR', reasons: ['SIZE_MAJOR', 'S_TIER_CUSTOMER', 'MARKET_BREAKTHROUGH'] },
    });
    expect(
      gradeLead({ majorBusinessModelImpact: true, customerTier: 'S', expectedAmount: cny(t.companyMajor) }),
    ).toEqual({ ok: true, value: { grade: 'COMPANY_MAJOR', reasons: ['SIZE_COMPANY_MAJOR', 'BUSINESS_MODEL'] } });
  });

  it('company thresholds apply, and size in another currency is refused', () => {
    const usd = { currency: 'USD', companyMajor: 1000n, major: 100n, important: 10n };
    expect(gradeLead({ expectedAmount: { minor: 100n, currency: 'USD' } }, usd)).toEqual({
      ok: true,
      value: { grade: 'MAJOR', reasons: ['SIZE_MAJOR'] },
    });
    expect(gradeLead({ expectedAmount: { minor: 100n, currency: 'USD' } })).toEqual({
      ok: false,
      error: { code: 'MONEY.CURRENCY_MISMATCH', data: { left: 'USD', right: 'CNY' } },
    });
  });

  it('property: the grade is the highest level among the reasons, and more size never lowers it', () => {
    const criteria = fc.record({
      expectedAmount: fc.option(
        fc.bigInt({ min: 0n, max: 2n * t.companyMajor }).map((minor) => cny(minor)),
        { nil: null },
      ),
      customerTier: fc.option(fc.constantFrom(...CUSTOMER_TIERS), { nil: null }),
      strategicIndustryBreakthrough: fc.boolean(),
      majorProductDirectionImpact: fc.boolean(),
      majorBusinessModelImpact: fc.boolean(),
      marketBreakthrough: fc.boolean(),
    });
    fc.assert(
      fc.property(criteria, fc.bigInt({ min: 0n, max: t.companyMajor }), (c, more) => {
        const g = gradeLead(c);
        if (!g.ok) throw new Error('unexpected');
        for (const r of g.value.reasons) expect(LEAD_GRADE_REASON_LEVELS[r]).toBe(g.value.grade);
        const bigger = gradeLead({ ...c, expectedAmount: cny((c.expectedAmount?.minor ?? 0n) + more) });
        if (!bigger.ok) throw new Error('unexpected');
        expect(compareLeadGrades(bigger.value.grade, g.value.grade)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('thresholds must descend strictly above zero', () => {
    expect(validateLeadSizeThresholds(t).ok).toBe(true);
    for (const bad of [
      { ...t, major: t.companyMajor },
      { ...t, important: t.major },
      { ...t, important: 0n },
    ]) {
      expect(validateLeadSizeThresholds(bad)).toMatchObject({
        ok: false,
        error: { code: 'SALES.LEAD_THRESHOLDS_NOT_ORDERED' },
      });
    }
  });

  it('knows its grades and reasons, named in both languages', () => {
    expect(LEAD_GRADES.every(isLeadGrade)).toBe(true);
    expect(isLeadGrade('I')).toBe(false);
    expect(LEAD_GRADE_NAMES.COMPANY_MAJOR['zh-CN']).toBe('公司级重大');
    expect(LEAD_GRADE_REASONS).toContain('NO_CRITERION');
    expect(compareLeadGrades('COMPANY_MAJOR', 'GENERAL')).toBeLessThan(0);
  });
});

describe('checkLeadVerification', () => {
  it('someone other than the finder verifies, once', () => {
    expect(checkLeadVerification({ foundBy: 'p1' }, 'p2')).toEqual({ ok: true, value: { verifiedBy: 'p2' } });
    expect(checkLeadVerification({ foundBy: 'p1', verifiedBy: null }, 'p1')).toEqual({
      ok: false,
      error: { code: 'SALES.LEAD_VERIFIED_BY_FINDER', data: { personId: 'p1' } },
    });
    expect(checkLeadVerification({ foundBy: 'p1', verifiedBy: 'p3' }, 'p2')).toEqual({
      ok: false,
      error: { code: 'SALES.LEAD_ALREADY_VERIFIED', data: { verifiedBy: 'p3' } },
    });
  });
});

describe('projectCriteriaFromLead', () => {
  it("carries the lead's strategic judgements to project grading, not its size or customer tier", () => {
    expect(projectCriteriaFromLead({ customerTier: 'S', expectedAmount: cny(10n ** 12n) })).toEqual({
      majorProductDirectionImpact: false,
      strategicIndustryBreakthrough: false,
      majorBusinessModelImpact: false,
    });
    const criteria = projectCriteriaFromLead({ strategicIndustryBreakthrough: true, majorBusinessModelImpact: true });
    expect(gradeProject(criteria)).toEqual({ grade: 'I', reasons: ['STRATEGIC_INDUSTRY', 'BUSINESS_MODEL'] });
    expect(gradeProject(projectCriteriaFromLead({ majorProductDirectionImpact: true })).reasons).toEqual([
      'PRODUCT_DIRECTION',
    ]);
  });
});
