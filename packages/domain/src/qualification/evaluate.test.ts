import { DEFAULT_AR_ROLE_MODEL } from '../roles/defaultRoleModels';
import { unwrap } from '../shared/result';
import { DEFAULT_QUALIFICATION_FRAMEWORKS } from './defaultFrameworks';
import { QualificationFramework, QualificationLevel, reviseQualificationFramework } from './framework';
import {
  ASSESSOR_KINDS,
  Assessment,
  PersonFacts,
  QualificationEvaluation,
  assessorCertifies,
  certificationFromEvaluation,
  evaluateQualification,
} from './evaluate';
import { qualificationAt } from './held';
import { PerformanceRecord } from './performance';

// AR default levels: proficiency n everywhere; tenure 0/12/36/60/96 months; projects 0/2/5/10/20;
// gates none / C×2 / B×2 / B×3 / B+×3; valid 24 months.
const AR = DEFAULT_QUALIFICATION_FRAMEWORKS.AR;
const assessedAt = new Date('2026-03-15T08:00:00.000Z');

const ratings = (all: number, overrides: Record<string, number> = {}) =>
  ['SPD', 'AR', 'LTC', 'ES'].map((dimension) => ({ dimension, proficiency: overrides[dimension] ?? all }));

function assessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: 'as-1',
    personId: 'p-1',
    role: 'AR',
    framework: { id: AR.id, version: AR.version },
    assessorKind: 'PANEL',
    assessorId: 'panel-7',
    assessedAt,
    ratings: ratings(3),
    ...overrides,
  };
}

const period = (year: number, rating: PerformanceRecord['rating']): PerformanceRecord => ({
  period: String(year),
  endsAt: new Date(`${year + 1}-01-01T00:00:00.000Z`),
  rating,
});

/** Exactly level 3's experience: 36 months to the day, 5 projects, B and B+ in the last two periods. */
function facts(overrides: Partial<PersonFacts> = {}): PersonFacts {
  return {
    inRoleSince: new Date('2023-03-15T08:00:00.000Z'),
    completedProjects: 5,
    performance: [period(2023, 'C'), period(2024, 'B'), period(2025, 'B+')],
    ...overrides,
  };
}

function evaluate(
  a: Assessment = assessment(),
  f: PersonFacts = facts(),
  framework: QualificationFramework = AR,
): QualificationEvaluation {
  return unwrap(evaluateQualification(a, f, framework));
}

describe('evaluateQualification: the level reached', () => {
  it('reaches level 3 when level 3 is met exactly (tenure exactly at the minimum)', () => {
    const result = evaluate();
    expect(result).toMatchObject({
      level: 3,
      levelName: { 'zh-CN': '骨干', en: 'Backbone' },
      certifies: true,
      tenureMonths: 36,
      completedProjects: 5,
    });
    expect(result.validUntil?.toISOString()).toBe('2028-03-15T08:00:00.000Z');
  });

  it('one month of tenure short of level 3 stays at level 2, and the gap says so', () => {
    const result = evaluate(assessment(), facts({ inRoleSince: new Date('2023-03-15T08:00:00.001Z') }));
    expect(result.level).toBe(2);
    expect(result.tenureMonths).toBe(35);
    expect(result.gap).toMatchObject({
      nextLevel: 3,
      dimensions: [],
      tenureMonthsMissing: 1,
      projectsMissing: 0,
      gateFailed: false,
    });
  });

  it('a dimension one point short stops at the level below, naming the dimension', () => {
    const result = evaluate(assessment({ ratings: ratings(3, { LTC: 2 }) }));
    expect(result.level).toBe(2);
    expect(result.gap?.dimensions).toEqual([{ dimension: 'LTC', required: 3, held: 2 }]);
    expect(result.gap?.nextLevelName.en).toBe('Backbone');
  });

  it('a gate failed by one period stops at the level below', () => {
    const result = evaluate(
      assessment(),
      facts({ performance: [period(2023, 'A'), period(2024, 'C'), period(2025, 'A')] }),
    );
    expect(result.level).toBe(2);
    expect(result.gap?.gateFailed).toBe(true);
    expect(result.gap?.gate?.below.map((p) => p.period)).toEqual(['2024']);
  });

  it('one project short stops at the level below', () => {
    const result = evaluate(assessment(), facts({ completedProjects: 4 }));
    expect(result.level).toBe(2);
    expect(result.gap).toMatchObject({
      nextLevel: 3,
      projectsMissing: 1,
      tenureMonthsMissing: 0,
      dimensions: [],
      gateFailed: false,
    });
  });

  it('proficiency above the level does not lift it past experience', () => {
    const result = evaluate(assessment({ ratings: ratings(5) }));
    expect(result.level).toBe(3);
    expect(result.gap).toMatchObject({
      nextLevel: 4,
      dimensions: [],
      tenureMonthsMissing: 24,
      projectsMissing: 5,
      gateFailed: true,
    });
    expect(result.gap?.gate?.missingPeriods).toBe(0);
    expect(result.gap?.gate?.below.map((p) => p.period)).toEqual(['2023']);
  });

  it('lists every short dimension with the amount held, in role-model order', () => {
    const result = evaluate(assessment({ ratings: ratings(3, { ES: 1, SPD: 2 }) }));
    expect(result.level).toBe(1);
    expect(result.gap?.dimensions).toEqual([{ dimension: 'ES', required: 2, held: 1 }]);
    const twoShort = evaluate(assessment({ ratings: ratings(3, { ES: 1, SPD: 1 }) }));
    expect(twoShort.gap?.dimensions).toEqual([
      { dimension: 'SPD', required: 2, held: 1 },
      { dimension: 'ES', required: 2, held: 1 },
    ]);
  });

  it('reaches the top level with no gap', () => {
    const result = evaluate(
      assessment({ ratings: ratings(5) }),
      facts({
        inRoleSince: new Date('2018-01-01T00:00:00Z'),
        completedProjects: 20,
        performance: [period(2023, 'B+'), period(2024, 'A'), period(2025, 'B+')],
      }),
    );
    expect(result.level).toBe(5);
    expect(result.levelName?.['zh-CN']).toBe('资深专家');
    expect(result.gap).toBeNull();
  });

  it('reaches no level when level 1 is not met; no validity then', () => {
    expect(evaluate(assessment({ ratings: ratings(1) }), facts()).level).toBe(1);
    const framework = unwrap(
      reviseQualificationFramework(
        AR,
        { levels: AR.levels.map((l) => (l.level === 1 ? { ...l, minProjects: 1 } : l)) },
        DEFAULT_AR_ROLE_MODEL,
      ),
    );
    const none = evaluate(
      assessment({ framework: { id: AR.id, version: 2 } }),
      facts({ completedProjects: 0, inRoleSince: null }),
      framework,
    );
    expect(none).toMatchObject({ level: 0, levelName: null, validUntil: null, tenureMonths: 0 });
    expect(none.gap).toMatchObject({ nextLevel: 1, projectsMissing: 1 });
  });

  it('counts a level only when every level below it is met too', () => {
    // Deliberately unvalidated: level 2 asks more projects than level 3.
    const levels: QualificationLevel[] = AR.levels.map((l) => (l.level === 2 ? { ...l, minProjects: 50 } : l));
    const odd: QualificationFramework = { ...AR, levels };
    const result = evaluate(assessment(), facts(), odd);
    expect(result.level).toBe(1);
    expect(result.gap).toMatchObject({ nextLevel: 2, projectsMissing: 45 });
  });

  it('tenure counts whole calendar months to the assessment', () => {
    expect(evaluate(assessment(), facts({ inRoleSince: new Date('2026-03-15T08:00:00.000Z') })).tenureMonths).toBe(0);
    expect(evaluate(assessment(), facts({ inRoleSince: new Date('2027-01-01T00:00:00.000Z') })).tenureMonths).toBe(0);
    expect(evaluate(assessment(), facts({ inRoleSince: new Date('2025-03-15T08:00:00.000Z') })).tenureMonths).toBe(12);
  });

  it('ignores performance periods that end after the assessment', () => {
    const result = evaluate(
      assessment(),
      facts({ performance: [period(2024, 'B'), period(2025, 'B+'), period(2026, 'D')] }),
    );
    expect(result.level).toBe(3);
  });
});

describe('who certifies', () => {
  it('a self-assessment is evaluated (level and gap) but never certifies', () => {
    const result = evaluate(assessment({ assessorKind: 'SELF' }));
    expect(result).toMatchObject({ level: 3, certifies: false });
    expect(result.gap?.nextLevel).toBe(4);
    expect(qualificationAt([certificationFromEvaluation(result)], 'p-1', 'AR', assessedAt)).toEqual({
      held: false,
      reason: 'NEVER_ASSESSED',
    });
  });

  it('a manager certifies only where the framework says so', () => {
    expect(evaluate(assessment({ assessorKind: 'MANAGER' })).certifies).toBe(false);
    const allowing = unwrap(reviseQualificationFramework(AR, { managerMayCertify: true }, DEFAULT_AR_ROLE_MODEL));
    expect(
      evaluate(assessment({ assessorKind: 'MANAGER', framework: { id: AR.id, version: 2 } }), facts(), allowing)
        .certifies,
    ).toBe(true);
    expect(assessorCertifies('SELF', allowing)).toBe(false);
    expect(ASSESSOR_KINDS).toEqual(['SELF', 'MANAGER', 'PANEL']);
    expect(assessorCertifies('PANEL', AR)).toBe(true);
  });
});

describe('validity through qualificationAt', () => {
  const result = evaluate();
  const records = [certificationFromEvaluation(result)];
  const validUntil = result.validUntil as Date;

  it('turns an evaluation into the record qualificationAt reads', () => {
    expect(records[0]).toEqual({
      assessmentId: 'as-1',
      personId: 'p-1',
      role: 'AR',
      level: 3,
      assessedAt,
      validUntil,
      certifying: true,
      framework: { id: 'AR-QUALIFICATION', version: 1 },
    });
  });

  it('is held from the assessment up to validUntil − 1 ms, and expired at validUntil', () => {
    expect(qualificationAt(records, 'p-1', 'AR', assessedAt)).toMatchObject({ held: true, level: 3 });
    expect(qualificationAt(records, 'p-1', 'AR', new Date(validUntil.getTime() - 1))).toEqual({
      held: true,
      level: 3,
      validUntil,
      assessmentId: 'as-1',
    });
    expect(qualificationAt(records, 'p-1', 'AR', validUntil)).toEqual({
      held: false,
      reason: 'EXPIRED',
      expiredAt: validUntil,
      assessmentId: 'as-1',
      level: 3,
    });
  });

  it('a no-level evaluation is recorded as reaching no level', () => {
    const none = evaluate(assessment({ id: 'as-0', ratings: ratings(1) }), facts());
    const record = certificationFromEvaluation({ ...none, level: 0, validUntil: null });
    expect(record.level).toBeNull();
    expect(qualificationAt([record], 'p-1', 'AR', assessedAt)).toEqual({
      held: false,
      reason: 'NO_LEVEL_REACHED',
      assessmentId: 'as-0',
    });
  });
});

describe('refusals', () => {
  it('refuses a framework version other than the one the assessment used', () => {
    const v2 = unwrap(reviseQualificationFramework(AR, { validityMonths: 12 }, DEFAULT_AR_ROLE_MODEL));
    expect(evaluateQualification(assessment(), facts(), v2)).toEqual({
      ok: false,
      error: [
        {
          code: 'ASSESSMENT.FRAMEWORK_MISMATCH',
          data: { assessment: { id: AR.id, version: 1 }, framework: { id: AR.id, version: 2 } },
        },
      ],
    });
  });

  it('refuses a framework of another role', () => {
    const result = evaluateQualification(assessment({ role: 'SR' }), facts(), AR);
    expect(result).toMatchObject({
      ok: false,
      error: [{ code: 'ASSESSMENT.ROLE_MISMATCH', data: { assessment: 'SR', framework: 'AR' } }],
    });
  });

  it('refuses bad ratings, reporting each', () => {
    const result = evaluateQualification(
      assessment({
        assessorKind: 'PEER' as never,
        ratings: [
          { dimension: 'SPD', proficiency: 6 },
          { dimension: 'AR', proficiency: 3 },
          { dimension: 'AR', proficiency: 3 },
          { dimension: 'PLAN', proficiency: 3 },
          { dimension: 'LTC', proficiency: 2.5 },
        ],
      }),
      facts({ completedProjects: -1, inRoleSince: new Date('not a date') }),
      AR,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      { code: 'ASSESSMENT.UNKNOWN_ASSESSOR_KIND', data: { assessorKind: 'PEER' } },
      { code: 'ASSESSMENT.PROFICIENCY_OUT_OF_RANGE', data: { dimension: 'SPD', value: 6, min: 1, max: 5 } },
      { code: 'ASSESSMENT.DUPLICATE_RATING', data: { dimension: 'AR' } },
      { code: 'ASSESSMENT.UNKNOWN_DIMENSION', data: { dimension: 'PLAN' } },
      { code: 'ASSESSMENT.PROFICIENCY_OUT_OF_RANGE', data: { dimension: 'LTC', value: 2.5, min: 1, max: 5 } },
      { code: 'ASSESSMENT.MISSING_RATING', data: { dimension: 'ES' } },
      { code: 'ASSESSMENT.INVALID_FACTS', data: { field: 'completedProjects', value: -1 } },
      { code: 'ASSESSMENT.INVALID_FACTS', data: { field: 'inRoleSince', value: expect.any(Date) } },
    ]);
  });
});
