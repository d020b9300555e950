import { GRADE_I_REASONS, GRADE_REASONS, GradingCriteria, customerCooperationCriteria, gradeProject } from './grading';

describe('gradeProject (DOMAIN.md §4)', () => {
  it.each<[GradingCriteria, string]>([
    [{ majorProductDirectionImpact: true }, 'PRODUCT_DIRECTION'],
    [{ majorSTierCustomerImpact: true }, 'S_TIER_CUSTOMER'],
    [{ strategicIndustryBreakthrough: true }, 'STRATEGIC_INDUSTRY'],
    [{ majorBusinessModelImpact: true }, 'BUSINESS_MODEL'],
  ])('grade I on any one grade-I criterion: %o', (criteria, reason) => {
    expect(gradeProject(criteria)).toEqual({ grade: 'I', reasons: [reason] });
  });

  it('grade I gives every grade-I criterion that holds, in a stable order, and not the A-tier one', () => {
    expect(
      gradeProject({
        majorBusinessModelImpact: true,
        majorATierCustomerImpact: true,
        majorProductDirectionImpact: true,
        strategicIndustryBreakthrough: false,
      }),
    ).toEqual({ grade: 'I', reasons: ['PRODUCT_DIRECTION', 'BUSINESS_MODEL'] });
    expect(
      gradeProject({
        majorProductDirectionImpact: true,
        majorSTierCustomerImpact: true,
        strategicIndustryBreakthrough: true,
        majorBusinessModelImpact: true,
      }).reasons,
    ).toEqual(['PRODUCT_DIRECTION', 'S_TIER_CUSTOMER', 'STRATEGIC_INDUSTRY', 'BUSINESS_MODEL']);
  });

  it('grade II when not grade I and a major impact on an A-tier customer', () => {
    expect(gradeProject({ majorATierCustomerImpact: true })).toEqual({ grade: 'II', reasons: ['A_TIER_CUSTOMER'] });
    expect(gradeProject({ majorATierCustomerImpact: true, majorSTierCustomerImpact: false })).toEqual({
      grade: 'II',
      reasons: ['A_TIER_CUSTOMER'],
    });
  });

  it('grade III otherwise', () => {
    expect(gradeProject({})).toEqual({ grade: 'III', reasons: ['NO_CRITERION'] });
    expect(
      gradeProject({
        majorProductDirectionImpact: false,
        majorSTierCustomerImpact: false,
        strategicIndustryBreakthrough: false,
        majorBusinessModelImpact: false,
        majorATierCustomerImpact: false,
      }),
    ).toEqual({ grade: 'III', reasons: ['NO_CRITERION'] });
  });

  it('only a real true counts (values from loosely typed callers)', () => {
    expect(
      gradeProject({ majorProductDirectionImpact: 'yes' as never, majorATierCustomerImpact: 1 as never }).grade,
    ).toBe('III');
  });

  it('has exactly the documented reason codes', () => {
    expect(GRADE_I_REASONS).toEqual(['PRODUCT_DIRECTION', 'S_TIER_CUSTOMER', 'STRATEGIC_INDUSTRY', 'BUSINESS_MODEL']);
    expect(GRADE_REASONS).toEqual([
      'PRODUCT_DIRECTION',
      'S_TIER_CUSTOMER',
      'STRATEGIC_INDUSTRY',
      'BUSINESS_MODEL',
      'A_TIER_CUSTOMER',
      'NO_CRITERION',
    ]);
  });
});

describe('customerCooperationCriteria', () => {
  it('turns a major customer impact into the S- or A-tier criterion by tier', () => {
    expect(gradeProject(customerCooperationCriteria('S', true))).toEqual({ grade: 'I', reasons: ['S_TIER_CUSTOMER'] });
    expect(gradeProject(customerCooperationCriteria('A', true))).toEqual({ grade: 'II', reasons: ['A_TIER_CUSTOMER'] });
    expect(gradeProject(customerCooperationCriteria('B', true)).grade).toBe('III');
    expect(gradeProject(customerCooperationCriteria(null, true)).grade).toBe('III');
    expect(gradeProject(customerCooperationCriteria('S', false)).grade).toBe('III');
  });

  it('combines with the other criteria', () => {
    expect(gradeProject({ ...customerCooperationCriteria('A', true), majorBusinessModelImpact: true })).toEqual({
      grade: 'I',
      reasons: ['BUSINESS_MODEL'],
    });
  });
});
