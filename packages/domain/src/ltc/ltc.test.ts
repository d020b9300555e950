import { CUSTOMER_TIERS, DECISION_POINTS, LTC_STAGES, PROJECT_GRADES, isDecisionPoint, isProjectGrade } from './ltc';

describe('LTC vocabulary', () => {
  it('has the decision points of DOMAIN.md §4 plus pool approval', () => {
    expect(DECISION_POINTS).toEqual(['ATI', 'ATB', 'ATC', 'ATAC', 'ATCC', 'POOL_APPROVAL']);
    expect(isDecisionPoint('ATB')).toBe(true);
    expect(isDecisionPoint('atb')).toBe(false);
  });

  it('has grades I–III, the stage groups and the customer tiers', () => {
    expect(PROJECT_GRADES).toEqual(['I', 'II', 'III']);
    expect(isProjectGrade('II')).toBe(true);
    expect(isProjectGrade('IV')).toBe(false);
    expect(LTC_STAGES).toContain('CONTRACT_EXECUTION');
    expect(CUSTOMER_TIERS).toEqual(['S', 'A', 'B', 'C']);
  });
});
