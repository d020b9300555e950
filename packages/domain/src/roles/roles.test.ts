import { ROLE_NAMES, SUPPORTING_ROLES, TEAM_ROLES, TRIANGLE_ROLES, isCoreRole, isTriangleRole } from './roles';

describe('roles', () => {
  it('has the core three and the supporting roles', () => {
    expect(TRIANGLE_ROLES).toEqual(['AR', 'SR', 'FR']);
    expect(TEAM_ROLES).toEqual([...TRIANGLE_ROLES, ...SUPPORTING_ROLES]);
  });

  it('recognises role codes', () => {
    expect(isTriangleRole('SPONSOR')).toBe(true);
    expect(isTriangleRole('AR')).toBe(true);
    expect(isTriangleRole('ar')).toBe(false);
    expect(isCoreRole('FR')).toBe(true);
    expect(isCoreRole('EXPERT')).toBe(false);
  });

  it('names every role in zh-CN and English', () => {
    for (const role of TEAM_ROLES) {
      expect(ROLE_NAMES[role]['zh-CN']).not.toBe('');
      expect(ROLE_NAMES[role].en).not.toBe('');
    }
    expect(ROLE_NAMES.AR['zh-CN']).toBe('客户经理');
    expect(ROLE_NAMES.SPONSOR['zh-CN']).toBe('项目负责人');
  });
});
