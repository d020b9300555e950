import {
  DEFAULT_AR_ROLE_MODEL,
  DEFAULT_FR_ROLE_MODEL,
  DEFAULT_ROLE_MODELS,
  DEFAULT_SR_ROLE_MODEL,
} from './defaultRoleModels';
import {
  RoleDimension,
  RoleModel,
  defineRoleModel,
  reviseRoleModel,
  roleModelDimensionCodes,
  roleModelRef,
  validateRoleModel,
} from './roleModel';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

function model(overrides: Partial<RoleModel> = {}): RoleModel {
  return {
    id: 'M',
    role: 'AR',
    version: 1,
    name: text('模型', 'Model'),
    dimensions: [
      {
        code: 'D1',
        name: text('维度一', 'Dimension one'),
        behaviours: [{ code: 'D1.B1', name: text('行为', 'Behaviour') }],
      },
    ],
    ...overrides,
  };
}

describe('default role models (DOMAIN.md §2)', () => {
  it('AR has the four role cognitions', () => {
    expect(roleModelDimensionCodes(DEFAULT_AR_ROLE_MODEL)).toEqual(['SPD', 'AR', 'LTC', 'ES']);
  });
  it('SR has the 5P', () => {
    expect(roleModelDimensionCodes(DEFAULT_SR_ROLE_MODEL)).toEqual(['PLAN', 'PLACE', 'PRODUCT', 'PROMOTION', 'PROFIT']);
  });
  it('FR has HEROS', () => {
    expect(roleModelDimensionCodes(DEFAULT_FR_ROLE_MODEL)).toEqual(['H', 'E', 'R', 'O', 'S']);
  });

  it.each(Object.entries(DEFAULT_ROLE_MODELS))(
    '%s is valid, version 1, bilingual, with key behaviours in every dimension',
    (role, m) => {
      expect(m.role).toBe(role);
      expect(m.version).toBe(1);
      expect(validateRoleModel(m)).toEqual({ ok: true, value: m });
      for (const dimension of m.dimensions) {
        expect(dimension.behaviours.length).toBeGreaterThan(0);
        for (const behaviour of dimension.behaviours)
          expect(behaviour.code.startsWith(`${dimension.code}.`)).toBe(true);
      }
    },
  );

  it('uses the words users know', () => {
    expect(DEFAULT_AR_ROLE_MODEL.dimensions[0]?.name['zh-CN']).toBe('销售项目的主导者');
    expect(
      DEFAULT_FR_ROLE_MODEL.dimensions.find((d) => d.code === 'R')?.behaviours.map((b) => b.name['zh-CN']),
    ).toEqual(['按契约交付', '按预算执行']);
  });

  it('is frozen: the defaults cannot be changed in place', () => {
    expect(Object.isFrozen(DEFAULT_AR_ROLE_MODEL)).toBe(true);
    expect(Object.isFrozen(DEFAULT_AR_ROLE_MODEL.dimensions)).toBe(true);
    expect(Object.isFrozen(DEFAULT_AR_ROLE_MODEL.dimensions[0]?.name)).toBe(true);
    expect(Object.isFrozen(DEFAULT_ROLE_MODELS)).toBe(true);
  });
});

describe('validateRoleModel', () => {
  it('accepts a minimal model', () => {
    expect(validateRoleModel(model()).ok).toBe(true);
  });

  it('refuses a model without dimensions', () => {
    expect(validateRoleModel(model({ dimensions: [] }))).toEqual({
      ok: false,
      error: [{ code: 'ROLE_MODEL.NO_DIMENSIONS', data: {} }],
    });
  });

  it('refuses duplicate dimension codes', () => {
    const d: RoleDimension = { code: 'D1', name: text('一', 'One'), behaviours: [] };
    expect(validateRoleModel(model({ dimensions: [d, d] }))).toEqual({
      ok: false,
      error: [{ code: 'ROLE_MODEL.DUPLICATE_DIMENSION', data: { dimension: 'D1' } }],
    });
  });

  it('refuses duplicate behaviour codes within a dimension', () => {
    const b = { code: 'B', name: text('行为', 'Behaviour') };
    expect(
      validateRoleModel(model({ dimensions: [{ code: 'D', name: text('维', 'D'), behaviours: [b, b] }] })),
    ).toEqual({
      ok: false,
      error: [{ code: 'ROLE_MODEL.DUPLICATE_BEHAVIOUR', data: { dimension: 'D', behaviour: 'B' } }],
    });
  });

  it('refuses names missing in either language, wherever they are', () => {
    const result = validateRoleModel(
      model({
        name: text('', 'Model'),
        dimensions: [{ code: 'D', name: text('维', ' '), behaviours: [{ code: 'B', name: text('', '') }] }],
      }),
    );
    expect(result).toEqual({
      ok: false,
      error: [
        { code: 'ROLE_MODEL.MISSING_NAME', data: { dimension: null, behaviour: null, locale: 'zh-CN' } },
        { code: 'ROLE_MODEL.MISSING_NAME', data: { dimension: 'D', behaviour: null, locale: 'en' } },
        { code: 'ROLE_MODEL.MISSING_NAME', data: { dimension: 'D', behaviour: 'B', locale: 'zh-CN' } },
        { code: 'ROLE_MODEL.MISSING_NAME', data: { dimension: 'D', behaviour: 'B', locale: 'en' } },
      ],
    });
  });

  it('refuses blank or malformed codes, ids, roles and versions, reporting every problem', () => {
    const result = validateRoleModel(
      model({
        id: ' ',
        role: 'BOSS' as never,
        version: 0,
        dimensions: [{ code: 'has space', name: text('维', 'D'), behaviours: [{ code: '', name: text('行', 'B') }] }],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((e) => e.code)).toEqual([
      'ROLE_MODEL.INVALID_ID',
      'ROLE_MODEL.UNKNOWN_ROLE',
      'ROLE_MODEL.INVALID_VERSION',
      'ROLE_MODEL.INVALID_CODE',
      'ROLE_MODEL.INVALID_CODE',
    ]);
    expect(validateRoleModel(model({ version: 1.5 })).ok).toBe(false);
  });
});

describe('versions', () => {
  it('a revision is the next version and leaves the old one as it was', () => {
    const v1 = DEFAULT_SR_ROLE_MODEL;
    const before = JSON.stringify(v1);
    const dimensions = v1.dimensions.filter((d) => d.code !== 'PROFIT');
    const v2 = reviseRoleModel(v1, { dimensions });
    expect(v2.ok).toBe(true);
    if (!v2.ok) return;
    expect(v2.value.version).toBe(2);
    expect(v2.value.id).toBe(v1.id);
    expect(roleModelDimensionCodes(v2.value)).toEqual(['PLAN', 'PLACE', 'PRODUCT', 'PROMOTION']);
    expect(JSON.stringify(v1)).toBe(before);
    expect(roleModelRef(v1)).toEqual({ id: 'SR-5P', version: 1 });
    expect(roleModelRef(v2.value)).toEqual({ id: 'SR-5P', version: 2 });
  });

  it('renames without touching dimensions', () => {
    const v2 = reviseRoleModel(DEFAULT_FR_ROLE_MODEL, { name: text('交付经理模型', 'FR model') });
    expect(v2.ok && v2.value.name.en).toBe('FR model');
    expect(v2.ok && v2.value.dimensions).toEqual(DEFAULT_FR_ROLE_MODEL.dimensions);
  });

  it('an invalid edit makes no version', () => {
    expect(reviseRoleModel(DEFAULT_AR_ROLE_MODEL, { dimensions: [] })).toEqual({
      ok: false,
      error: [{ code: 'ROLE_MODEL.NO_DIMENSIONS', data: {} }],
    });
  });

  it('copies its input: later changes to the caller’s arrays do not reach the model', () => {
    const dimensions: RoleDimension[] = [{ code: 'D', name: text('维', 'D'), behaviours: [] }];
    const defined = defineRoleModel(model({ dimensions }));
    dimensions.push({ code: 'E', name: text('维', 'E'), behaviours: [] });
    expect(defined.ok && defined.value.dimensions.map((d) => d.code)).toEqual(['D']);
  });
});
