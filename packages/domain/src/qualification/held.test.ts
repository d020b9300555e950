import { CertificationRecord, qualificationAt } from './held';

const t = (iso: string) => new Date(iso);
function record(overrides: Partial<CertificationRecord>): CertificationRecord {
  return {
    assessmentId: 'a1',
    personId: 'p1',
    role: 'AR',
    level: 3,
    assessedAt: t('2025-01-01T00:00:00Z'),
    validUntil: t('2027-01-01T00:00:00Z'),
    certifying: true,
    ...overrides,
  };
}

describe('qualificationAt', () => {
  it('NEVER_ASSESSED without a certifying record for the person and role', () => {
    expect(qualificationAt([], 'p1', 'AR', t('2026-01-01T00:00:00Z'))).toEqual({
      held: false,
      reason: 'NEVER_ASSESSED',
    });
    const others = [record({ personId: 'p2' }), record({ role: 'SR' }), record({ certifying: false })];
    expect(qualificationAt(others, 'p1', 'AR', t('2026-01-01T00:00:00Z'))).toEqual({
      held: false,
      reason: 'NEVER_ASSESSED',
    });
  });

  it('is held from the moment of assessment, not before', () => {
    const records = [record({})];
    expect(qualificationAt(records, 'p1', 'AR', t('2025-01-01T00:00:00Z'))).toMatchObject({ held: true, level: 3 });
    expect(qualificationAt(records, 'p1', 'AR', t('2024-12-31T23:59:59.999Z'))).toEqual({
      held: false,
      reason: 'NEVER_ASSESSED',
    });
  });

  it('valid at validUntil − 1 ms, EXPIRED at validUntil with the date', () => {
    const records = [record({})];
    expect(qualificationAt(records, 'p1', 'AR', t('2026-12-31T23:59:59.999Z'))).toMatchObject({ held: true });
    expect(qualificationAt(records, 'p1', 'AR', t('2027-01-01T00:00:00Z'))).toEqual({
      held: false,
      reason: 'EXPIRED',
      expiredAt: t('2027-01-01T00:00:00Z'),
      assessmentId: 'a1',
      level: 3,
    });
  });

  it('a record without an end never expires', () => {
    expect(qualificationAt([record({ validUntil: null })], 'p1', 'AR', t('2099-01-01T00:00:00Z'))).toMatchObject({
      held: true,
      validUntil: null,
    });
  });

  it('the latest certifying assessment at or before the moment decides, even when it is lower', () => {
    const records = [
      record({ assessmentId: 'old', level: 4 }),
      record({
        assessmentId: 'rereview',
        level: 2,
        assessedAt: t('2026-01-01T00:00:00Z'),
        validUntil: t('2028-01-01T00:00:00Z'),
      }),
      record({ assessmentId: 'self', level: 5, assessedAt: t('2026-02-01T00:00:00Z'), certifying: false }),
    ];
    expect(qualificationAt(records, 'p1', 'AR', t('2025-06-01T00:00:00Z'))).toMatchObject({
      held: true,
      level: 4,
      assessmentId: 'old',
    });
    expect(qualificationAt(records, 'p1', 'AR', t('2026-06-01T00:00:00Z'))).toMatchObject({
      held: true,
      level: 2,
      assessmentId: 'rereview',
    });
  });

  it('NO_LEVEL_REACHED when the deciding assessment reached none', () => {
    expect(qualificationAt([record({ level: null })], 'p1', 'AR', t('2025-06-01T00:00:00Z'))).toEqual({
      held: false,
      reason: 'NO_LEVEL_REACHED',
      assessmentId: 'a1',
    });
    expect(qualificationAt([record({ level: 0 })], 'p1', 'AR', t('2025-06-01T00:00:00Z'))).toMatchObject({
      reason: 'NO_LEVEL_REACHED',
    });
  });

  it('breaks a tie at the same moment by assessment id, whatever the input order', () => {
    const a = record({ assessmentId: 'a', level: 2 });
    const b = record({ assessmentId: 'b', level: 3 });
    expect(qualificationAt([a, b], 'p1', 'AR', t('2025-06-01T00:00:00Z'))).toMatchObject({ level: 3 });
    expect(qualificationAt([b, a], 'p1', 'AR', t('2025-06-01T00:00:00Z'))).toMatchObject({ level: 3 });
  });
});
