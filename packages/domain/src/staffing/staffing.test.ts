import { CertificationRecord, QualificationHeld, qualificationAt } from '../qualification/held';
import {
  DEFAULT_STAFFING_RULES,
  StaffingRule,
  checkAppointment,
  minimumLevelFor,
  validateStaffingRules,
} from './staffing';

const heldAt = (level: number): QualificationHeld => ({ held: true, level, validUntil: null, assessmentId: 'a1' });
const rules = DEFAULT_STAFFING_RULES;

describe('default staffing rules', () => {
  it('grade I needs level 3, grade II level 2, grade III level 1 in AR, SR and FR', () => {
    for (const role of ['AR', 'SR', 'FR'] as const) {
      expect(minimumLevelFor(rules, role, 'I')).toBe(3);
      expect(minimumLevelFor(rules, role, 'II')).toBe(2);
      expect(minimumLevelFor(rules, role, 'III')).toBe(1);
    }
    expect(rules).toHaveLength(9);
    expect(validateStaffingRules(rules).ok).toBe(true);
  });

  it('has no rule for the supporting roles', () => {
    expect(minimumLevelFor(rules, 'SPONSOR', 'I')).toBeNull();
    expect(minimumLevelFor(rules, 'EXPERT', 'I')).toBeNull();
  });

  it('the strictest of overlapping rules wins', () => {
    const overlapping: StaffingRule[] = [
      ...rules,
      { role: 'AR', grade: 'II', minimumLevel: 4 },
      { role: 'AR', grade: 'II', minimumLevel: 1 },
    ];
    expect(minimumLevelFor(overlapping, 'AR', 'II')).toBe(4);
  });
});

describe('checkAppointment', () => {
  it('accepts a level exactly at the minimum, or above', () => {
    expect(checkAppointment({ qualification: heldAt(3), role: 'AR', grade: 'I', rules })).toEqual({
      ok: true,
      value: { role: 'AR', grade: 'I', required: 3, held: 3 },
    });
    expect(checkAppointment({ qualification: heldAt(5), role: 'FR', grade: 'III', rules }).ok).toBe(true);
  });

  it('refuses one level below the minimum', () => {
    expect(checkAppointment({ qualification: heldAt(2), role: 'SR', grade: 'I', rules })).toEqual({
      ok: false,
      error: [{ code: 'STAFFING.BELOW_MINIMUM', data: { role: 'SR', grade: 'I', required: 3, held: 2 } }],
    });
    expect(checkAppointment({ qualification: heldAt(1), role: 'FR', grade: 'II', rules })).toMatchObject({
      ok: false,
      error: [{ code: 'STAFFING.BELOW_MINIMUM', data: { required: 2, held: 1 } }],
    });
  });

  it('refuses someone never assessed', () => {
    expect(
      checkAppointment({ qualification: { held: false, reason: 'NEVER_ASSESSED' }, role: 'AR', grade: 'III', rules }),
    ).toEqual({
      ok: false,
      error: [
        {
          code: 'STAFFING.NOT_QUALIFIED',
          data: {
            role: 'AR',
            grade: 'III',
            required: 1,
            reason: 'NEVER_ASSESSED',
            expiredAt: null,
            level: null,
            assessmentId: null,
          },
        },
      ],
    });
  });

  it('refuses an expired qualification with the date it ended, from qualificationAt at the appointment moment', () => {
    const records: CertificationRecord[] = [
      {
        assessmentId: 'a9',
        personId: 'p1',
        role: 'FR',
        level: 4,
        assessedAt: new Date('2024-01-01T00:00:00Z'),
        validUntil: new Date('2026-01-01T00:00:00Z'),
        certifying: true,
      },
    ];
    const before = qualificationAt(records, 'p1', 'FR', new Date('2025-12-31T23:59:59.999Z'));
    expect(checkAppointment({ qualification: before, role: 'FR', grade: 'I', rules }).ok).toBe(true);
    const after = qualificationAt(records, 'p1', 'FR', new Date('2026-01-01T00:00:00Z'));
    expect(checkAppointment({ qualification: after, role: 'FR', grade: 'I', rules })).toEqual({
      ok: false,
      error: [
        {
          code: 'STAFFING.NOT_QUALIFIED',
          data: {
            role: 'FR',
            grade: 'I',
            required: 3,
            reason: 'EXPIRED',
            expiredAt: new Date('2026-01-01T00:00:00Z'),
            level: 4,
            assessmentId: 'a9',
          },
        },
      ],
    });
  });

  it('refuses when the deciding assessment reached no level', () => {
    expect(
      checkAppointment({
        qualification: { held: false, reason: 'NO_LEVEL_REACHED', assessmentId: 'a2' },
        role: 'SR',
        grade: 'II',
        rules,
      }),
    ).toMatchObject({
      ok: false,
      error: [
        { code: 'STAFFING.NOT_QUALIFIED', data: { reason: 'NO_LEVEL_REACHED', assessmentId: 'a2', expiredAt: null } },
      ],
    });
  });

  it('lets roles without a rule pass, qualified or not', () => {
    expect(
      checkAppointment({
        qualification: { held: false, reason: 'NEVER_ASSESSED' },
        role: 'SPONSOR',
        grade: 'I',
        rules,
      }),
    ).toEqual({
      ok: true,
      value: { role: 'SPONSOR', grade: 'I', required: null, held: null },
    });
    expect(checkAppointment({ qualification: heldAt(1), role: 'CORE_MEMBER', grade: 'I', rules })).toMatchObject({
      ok: true,
      value: { held: 1 },
    });
    expect(checkAppointment({ qualification: heldAt(1), role: 'AR', grade: 'I', rules: [] }).ok).toBe(true);
  });
});

describe('validateStaffingRules', () => {
  it('reports every bad rule by index', () => {
    const result = validateStaffingRules([
      { role: 'AR', grade: 'I', minimumLevel: 3 },
      { role: 'AR', grade: 'I', minimumLevel: 2 },
      { role: 'BOSS' as never, grade: 'IV' as never, minimumLevel: 0 },
      { role: 'SR', grade: 'II', minimumLevel: 1.5 },
    ]);
    expect(result).toEqual({
      ok: false,
      error: [
        { code: 'STAFFING.DUPLICATE_RULE', data: { index: 1, role: 'AR', grade: 'I' } },
        { code: 'STAFFING.UNKNOWN_ROLE', data: { index: 2, role: 'BOSS' } },
        { code: 'STAFFING.UNKNOWN_GRADE', data: { index: 2, grade: 'IV' } },
        { code: 'STAFFING.INVALID_LEVEL', data: { index: 2, minimumLevel: 0 } },
        { code: 'STAFFING.INVALID_LEVEL', data: { index: 3, minimumLevel: 1.5 } },
      ],
    });
  });
});
