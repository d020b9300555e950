import { validateCase } from './CheckDecision';

describe('validateCase', () => {
  it('takes a project alone', () => {
    expect(validateCase({ decisionPoint: 'ATB', projectId: '5' })).toEqual({});
  });

  it('takes a described case with its grade, org unit and amount (the API needs all three)', () => {
    expect(validateCase({ decisionPoint: 'ATB', grade: 'III', orgUnitId: '2', amount: '1000.00' })).toEqual({});
    for (const missing of ['grade', 'orgUnitId', 'amount']) {
      const values: Record<string, unknown> = { decisionPoint: 'ATB', grade: 'III', orgUnitId: '2', amount: '1000.00' };
      delete values[missing];
      expect(validateCase(values)).toEqual({ projectId: 'check.need_case' });
    }
  });
});
