import { DEFAULT_CONFLICT_ROLES } from '../authorization/types';
import { CompanySettings, DEFAULT_COMPANY_SETTINGS, conflictRolesOf, validateCompanySettings } from './settings';

const valid = (over: Partial<CompanySettings>) => validateCompanySettings({ ...DEFAULT_COMPANY_SETTINGS, ...over });

describe('company settings', () => {
  it('has defaults that pass their own checks', () => {
    expect(DEFAULT_COMPANY_SETTINGS).toEqual({
      materialChangeShare: '10',
      sponsorConflictOfInterest: false,
      decisionDueDays: { I: 10, II: 5, III: 3 },
      requireDecisionMakerForAti: true,
      stageProbabilities: { POTENTIAL: 10, INTENT: 30, NEGOTIATION: 70, DEAL: 100, LOST: 0 },
      leadSizeThresholds: {
        currency: 'CNY',
        companyMajor: 10_000_000_000n,
        major: 1_000_000_000n,
        important: 100_000_000n,
      },
    });
    expect(validateCompanySettings(DEFAULT_COMPANY_SETTINGS)).toEqual({ ok: true, value: DEFAULT_COMPANY_SETTINGS });
  });

  it('takes a share above 0 and up to 100, normalised', () => {
    for (const [given, kept] of [
      ['0.0001', '0.0001'],
      ['100', '100'],
      ['010.50', '10.5'],
      [' 12.5 ', '12.5'],
      ['100.0000', '100'],
    ] as const)
      expect(valid({ materialChangeShare: given })).toMatchObject({ ok: true, value: { materialChangeShare: kept } });
    for (const out of ['0', '0.0000', '100.0001', '250'])
      expect(valid({ materialChangeShare: out })).toEqual({
        ok: false,
        error: [
          {
            code: 'SETTINGS.MATERIAL_CHANGE_SHARE_OUT_OF_RANGE',
            data: { value: out, min: '0', max: '100' },
          },
        ],
      });
    for (const bad of ['', 'ten', '-5', '1e1', '10.12345', '1,5', '1000'])
      expect(valid({ materialChangeShare: bad })).toMatchObject({
        ok: false,
        error: [{ code: bad === '1000' ? 'SETTINGS.MATERIAL_CHANGE_SHARE_NOT_A_NUMBER' : expect.any(String) }],
      });
  });

  it('takes whole days from 1 to 90 per grade, and reports every problem at once', () => {
    expect(valid({ decisionDueDays: { I: 1, II: 90, III: 45 } }).ok).toBe(true);
    const result = valid({ materialChangeShare: '0', decisionDueDays: { I: 0, II: 91, III: 2.5 } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.map((e) => [e.code, 'grade' in e.data ? e.data.grade : null])).toEqual([
      ['SETTINGS.MATERIAL_CHANGE_SHARE_OUT_OF_RANGE', null],
      ['SETTINGS.DECISION_DUE_DAYS_OUT_OF_RANGE', 'I'],
      ['SETTINGS.DECISION_DUE_DAYS_OUT_OF_RANGE', 'II'],
      ['SETTINGS.DECISION_DUE_DAYS_OUT_OF_RANGE', 'III'],
    ]);
  });

  it('gives the conflicted roles: the triangle and the core group; the Sponsor only when set', () => {
    expect(conflictRolesOf({ sponsorConflictOfInterest: false })).toEqual(['AR', 'SR', 'FR', 'CORE_MEMBER']);
    expect(conflictRolesOf({ sponsorConflictOfInterest: false })).toBe(DEFAULT_CONFLICT_ROLES);
    expect(conflictRolesOf({ sponsorConflictOfInterest: true })).toEqual(['AR', 'SR', 'FR', 'CORE_MEMBER', 'SPONSOR']);
    expect(DEFAULT_CONFLICT_ROLES).not.toContain('EXPERT');
  });

  it('takes stage probabilities rising along the funnel, lead size thresholds descending; defaults unchanged', () => {
    expect(DEFAULT_COMPANY_SETTINGS.stageProbabilities).toEqual({
      POTENTIAL: 10,
      INTENT: 30,
      NEGOTIATION: 70,
      DEAL: 100,
      LOST: 0,
    });
    expect(DEFAULT_COMPANY_SETTINGS.leadSizeThresholds.important).toBe(100_000_000n);
    const probabilities = { POTENTIAL: 20, INTENT: 40, NEGOTIATION: 80, DEAL: 100, LOST: 0 };
    const thresholds = { currency: 'CNY', companyMajor: 3n, major: 2n, important: 1n };
    const fine = valid({ stageProbabilities: probabilities, leadSizeThresholds: thresholds });
    expect(fine.ok && fine.value.stageProbabilities).toEqual(probabilities);
    expect(fine.ok && fine.value.leadSizeThresholds).toEqual(thresholds);
    const bad = valid({
      stageProbabilities: { ...probabilities, INTENT: 20 },
      leadSizeThresholds: { ...thresholds, major: 3n },
    });
    expect(!bad.ok && bad.error.map((e) => e.code)).toEqual([
      'SALES.STAGE_PROBABILITIES_INVALID',
      'SALES.LEAD_THRESHOLDS_NOT_ORDERED',
    ]);
    expect(!bad.ok && bad.error[0]!.data).toEqual({ stage: 'INTENT', value: 20 });
  });
});
