import {
  DEFAULT_AR_ROLE_MODEL,
  DEFAULT_FR_ROLE_MODEL,
  DEFAULT_ROLE_MODELS,
  DEFAULT_SR_ROLE_MODEL,
} from '../roles/defaultRoleModels';
import { reviseRoleModel, roleModelDimensionCodes } from '../roles/roleModel';
import { unwrap } from '../shared/result';
import { DEFAULT_QUALIFICATION_FRAMEWORKS, DEFAULT_VALIDITY_MONTHS } from './defaultFrameworks';
import {
  DEFAULT_LEVEL_NAMES,
  QualificationFramework,
  QualificationLevel,
  frameworkLevel,
  qualificationFrameworkRef,
  reviseQualificationFramework,
  validateQualificationFramework,
} from './framework';

const AR = DEFAULT_QUALIFICATION_FRAMEWORKS.AR;

function withLevels(
  levels: QualificationLevel[],
  overrides: Partial<QualificationFramework> = {},
): QualificationFramework {
  return { ...AR, levels, ...overrides };
}
function codes(result: ReturnType<typeof validateQualificationFramework>): string[] {
  return result.ok ? [] : result.error.map((e) => e.code);
}
const level = (n: number, patch: Partial<QualificationLevel> = {}): QualificationLevel => ({
  ...(AR.levels[n - 1] as QualificationLevel),
  ...patch,
});

describe('default frameworks', () => {
  it.each(Object.entries(DEFAULT_QUALIFICATION_FRAMEWORKS))(
    '%s: five named levels on version 1 of its role model, valid',
    (role, framework) => {
      const model = DEFAULT_ROLE_MODELS[role as 'AR' | 'SR' | 'FR'];
      expect(framework.role).toBe(role);
      expect(framework.roleModel).toEqual({ id: model.id, version: 1 });
      expect(framework.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
      expect(framework.levels.map((l) => l.name)).toEqual(DEFAULT_LEVEL_NAMES);
      expect(framework.validityMonths).toBe(DEFAULT_VALIDITY_MONTHS);
      expect(framework.managerMayCertify).toBe(false);
      expect(validateQualificationFramework(framework, model).ok).toBe(true);
      for (const l of framework.levels) expect(Object.keys(l.minProficiency)).toEqual(roleModelDimensionCodes(model));
    },
  );

  it('names the levels 初做者 … 资深专家', () => {
    expect(DEFAULT_LEVEL_NAMES.map((n) => n['zh-CN'])).toEqual(['初做者', '有经验者', '骨干', '专家', '资深专家']);
    expect(DEFAULT_LEVEL_NAMES.map((n) => n.en)).toEqual([
      'Beginner',
      'Experienced',
      'Backbone',
      'Expert',
      'Senior Expert',
    ]);
  });

  it('finds a level by number', () => {
    expect(frameworkLevel(AR, 3)?.name.en).toBe('Backbone');
    expect(frameworkLevel(AR, 6)).toBeUndefined();
    expect(qualificationFrameworkRef(AR)).toEqual({ id: 'AR-QUALIFICATION', version: 1 });
  });
});

describe('validateQualificationFramework', () => {
  const model = DEFAULT_AR_ROLE_MODEL;

  it('refuses a framework without levels', () => {
    expect(codes(validateQualificationFramework(withLevels([]), model))).toEqual(['FRAMEWORK.NO_LEVELS']);
  });

  it('refuses levels that are not contiguous from 1', () => {
    const result = validateQualificationFramework(withLevels([level(1), level(3)]), model);
    expect(result).toMatchObject({
      ok: false,
      error: [{ code: 'FRAMEWORK.LEVELS_NOT_CONTIGUOUS', data: { position: 1, expected: 2, found: 3 } }],
    });
    expect(codes(validateQualificationFramework(withLevels([level(2)]), model))).toContain(
      'FRAMEWORK.LEVELS_NOT_CONTIGUOUS',
    );
  });

  it('accepts a shorter ladder 1..n', () => {
    expect(validateQualificationFramework(withLevels([level(1), level(2), level(3)]), model).ok).toBe(true);
  });

  it('refuses proficiency outside 1..5 or not whole', () => {
    const bad = level(1, { minProficiency: { ...level(1).minProficiency, SPD: 0, AR: 6, LTC: 1.5 } });
    const result = validateQualificationFramework(withLevels([bad]), model);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      { code: 'FRAMEWORK.PROFICIENCY_OUT_OF_RANGE', data: { level: 1, dimension: 'SPD', value: 0, min: 1, max: 5 } },
      { code: 'FRAMEWORK.PROFICIENCY_OUT_OF_RANGE', data: { level: 1, dimension: 'AR', value: 6, min: 1, max: 5 } },
      { code: 'FRAMEWORK.PROFICIENCY_OUT_OF_RANGE', data: { level: 1, dimension: 'LTC', value: 1.5, min: 1, max: 5 } },
    ]);
  });

  it('refuses dimensions that do not match the role-model version', () => {
    const { ES: _dropped, ...rest } = level(1).minProficiency;
    const result = validateQualificationFramework(
      withLevels([level(1, { minProficiency: { ...rest, PLAN: 1 } })]),
      model,
    );
    expect(result).toEqual({
      ok: false,
      error: [
        { code: 'FRAMEWORK.MISSING_DIMENSION', data: { level: 1, dimension: 'ES' } },
        { code: 'FRAMEWORK.UNKNOWN_DIMENSION', data: { level: 1, dimension: 'PLAN' } },
      ],
    });
  });

  it('refuses a framework checked against another role model or version', () => {
    expect(codes(validateQualificationFramework(AR, DEFAULT_SR_ROLE_MODEL))).toEqual(
      expect.arrayContaining([
        'FRAMEWORK.ROLE_MISMATCH',
        'FRAMEWORK.ROLE_MODEL_MISMATCH',
        'FRAMEWORK.MISSING_DIMENSION',
        'FRAMEWORK.UNKNOWN_DIMENSION',
      ]),
    );
    const v2 = unwrap(reviseRoleModel(DEFAULT_AR_ROLE_MODEL, {}));
    expect(validateQualificationFramework(AR, v2)).toEqual({
      ok: false,
      error: [
        {
          code: 'FRAMEWORK.ROLE_MODEL_MISMATCH',
          data: { expected: { id: 'AR-FOUR-ROLES', version: 1 }, actual: { id: 'AR-FOUR-ROLES', version: 2 } },
        },
      ],
    });
  });

  it('refuses a requirement that decreases with the level, naming it', () => {
    const one = level(1, {
      minProficiency: { ...level(1).minProficiency, AR: 3 },
      minTenureMonths: 6,
      minProjects: 1,
      gate: { minimumRating: 'C', periods: 1 },
    });
    const two = level(2, {
      minProficiency: { ...level(2).minProficiency, AR: 2 },
      minTenureMonths: 0,
      minProjects: 0,
      gate: null,
    });
    expect(validateQualificationFramework(withLevels([one, two]), model)).toEqual({
      ok: false,
      error: [
        {
          code: 'FRAMEWORK.REQUIREMENT_DECREASES',
          data: { level: 2, requirement: 'PROFICIENCY', dimension: 'AR', previous: 3, value: 2 },
        },
        {
          code: 'FRAMEWORK.REQUIREMENT_DECREASES',
          data: { level: 2, requirement: 'TENURE', dimension: null, previous: 6, value: 0 },
        },
        {
          code: 'FRAMEWORK.REQUIREMENT_DECREASES',
          data: { level: 2, requirement: 'PROJECTS', dimension: null, previous: 1, value: 0 },
        },
        {
          code: 'FRAMEWORK.REQUIREMENT_DECREASES',
          data: {
            level: 2,
            requirement: 'GATE',
            dimension: null,
            previous: { minimumRating: 'C', periods: 1 },
            value: null,
          },
        },
      ],
    });
  });

  it('refuses a gate that loosens: fewer periods or a lower rating', () => {
    // Level 3 asks B over 2 periods; more periods at a lower rating is still looser.
    const loosened = withLevels([level(1), level(2), level(3), level(4, { gate: { minimumRating: 'C', periods: 3 } })]);
    expect(validateQualificationFramework(loosened, model)).toMatchObject({
      ok: false,
      error: [{ code: 'FRAMEWORK.REQUIREMENT_DECREASES', data: { level: 4, requirement: 'GATE' } }],
    });
    const shorter = withLevels([level(1), level(2), level(3), level(4, { gate: { minimumRating: 'B', periods: 1 } })]);
    expect(codes(validateQualificationFramework(shorter, model))).toEqual(['FRAMEWORK.REQUIREMENT_DECREASES']);
  });

  it('accepts equal requirements on consecutive levels', () => {
    expect(
      validateQualificationFramework(
        withLevels([level(1), level(2, { minProficiency: level(1).minProficiency })]),
        model,
      ).ok,
    ).toBe(true);
  });

  it('refuses bad counts, gates, validity, names, id and version', () => {
    const result = validateQualificationFramework(
      withLevels(
        [
          level(1, {
            minTenureMonths: -1,
            minProjects: 0.5,
            gate: { minimumRating: 'E' as never, periods: 0 },
            name: { 'zh-CN': '', en: 'x' },
          }),
        ],
        {
          id: '',
          version: 0,
          validityMonths: 0,
          name: { 'zh-CN': 'x', en: '' },
        },
      ),
      model,
    );
    expect(codes(result)).toEqual([
      'FRAMEWORK.INVALID_ID',
      'FRAMEWORK.INVALID_VERSION',
      'FRAMEWORK.MISSING_NAME',
      'FRAMEWORK.INVALID_VALIDITY',
      'FRAMEWORK.MISSING_NAME',
      'FRAMEWORK.INVALID_REQUIREMENT',
      'FRAMEWORK.INVALID_REQUIREMENT',
      'FRAMEWORK.INVALID_REQUIREMENT',
    ]);
  });
});

describe('reviseQualificationFramework', () => {
  it('makes the next version and leaves the old one untouched', () => {
    const before = JSON.stringify(AR);
    const v2 = reviseQualificationFramework(AR, { validityMonths: 36 }, DEFAULT_AR_ROLE_MODEL);
    expect(v2.ok).toBe(true);
    if (!v2.ok) return;
    expect(v2.value).toMatchObject({
      id: AR.id,
      version: 2,
      validityMonths: 36,
      roleModel: { id: 'AR-FOUR-ROLES', version: 1 },
    });
    expect(JSON.stringify(AR)).toBe(before);
    expect(Object.isFrozen(v2.value.levels[0]?.minProficiency)).toBe(true);
  });

  it('moves to a newer role-model version when the levels are edited to match', () => {
    const model2 = unwrap(
      reviseRoleModel(DEFAULT_FR_ROLE_MODEL, {
        dimensions: DEFAULT_FR_ROLE_MODEL.dimensions.filter((d) => d.code !== 'E'),
      }),
    );
    const FR = DEFAULT_QUALIFICATION_FRAMEWORKS.FR;
    expect(codes(reviseQualificationFramework(FR, {}, model2))).toEqual([
      'FRAMEWORK.UNKNOWN_DIMENSION',
      'FRAMEWORK.UNKNOWN_DIMENSION',
      'FRAMEWORK.UNKNOWN_DIMENSION',
      'FRAMEWORK.UNKNOWN_DIMENSION',
      'FRAMEWORK.UNKNOWN_DIMENSION',
    ]);
    const levels = FR.levels.map((l) => {
      const { E: _e, ...minProficiency } = l.minProficiency;
      return { ...l, minProficiency };
    });
    const v2 = reviseQualificationFramework(
      FR,
      { levels, managerMayCertify: true, name: { 'zh-CN': '新标准', en: 'New standard' } },
      model2,
    );
    expect(v2.ok && v2.value).toMatchObject({
      version: 2,
      roleModel: { id: 'FR-HEROS', version: 2 },
      managerMayCertify: true,
    });
    expect(FR.roleModel.version).toBe(1);
  });

  it('refuses to move to another role model', () => {
    expect(reviseQualificationFramework(AR, {}, DEFAULT_SR_ROLE_MODEL)).toEqual({
      ok: false,
      error: [
        {
          code: 'FRAMEWORK.ROLE_MODEL_MISMATCH',
          data: { expected: AR.roleModel, actual: { id: 'SR-5P', version: 1 } },
        },
      ],
    });
  });
});
