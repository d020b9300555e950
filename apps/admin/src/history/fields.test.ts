import { POSITION_TITLE_CODES } from '@iron-triangle/domain';
import { lookup } from '../providers/apiMessages';
import {
  changedFields,
  fieldKind,
  filledFields,
  humanize,
  labelKey,
  majorAmount,
  newestFirst,
  operationKey,
  replacedVersion,
} from './fields';
import { RULE_HISTORY, RULE_VERSION } from './fixtures';
import { rulesAsOf } from './rulesAsOf';

describe('the fields of a version', () => {
  it('reads money from minor units in the currency’s precision', () => {
    expect(majorAmount('5000000000', 'CNY')).toBe('50000000.00');
    expect(majorAmount('1234', 'JPY')).toBe('1234');
    expect(majorAmount(null, 'CNY')).toBeNull();
    expect(labelKey('AuthorityRule', 'limitMinor')).toBe('resources.AuthorityRule.fields.limit');
    expect(fieldKind('AuthorityRule', 'limitMinor')).toEqual({ kind: 'money' });
  });

  it('knows references, enums, lists and moments, per record type where a name means two things', () => {
    expect(fieldKind('AuthorityRule', 'scopeOrgUnitId')).toEqual({ kind: 'reference', resource: 'OrgUnit' });
    expect(fieldKind('Delegation', 'delegateId')).toEqual({ kind: 'reference', resource: 'Person' });
    expect(fieldKind('OrgUnit', 'kind')).toEqual({ kind: 'enum', enumName: 'OrgUnitKind' });
    expect(fieldKind('Assessment', 'kind')).toEqual({ kind: 'enum', enumName: 'AssessmentKind' });
    expect(fieldKind('AuthorityRule', 'decisionPoints')).toEqual({ kind: 'enumList', enumName: 'DecisionPoint' });
    expect(fieldKind('Delegation', 'revokedAt')).toEqual({ kind: 'moment' });
    // A lead's grade and reasons are the sales words, not a project's.
    expect(fieldKind('Lead', 'grade')).toEqual({ kind: 'enum', enumName: 'LeadGrade' });
    expect(fieldKind('Project', 'grade')).toEqual({ kind: 'enum', enumName: 'ProjectGrade' });
    expect(fieldKind('Lead', 'classReasons')).toEqual({ kind: 'enumList', enumName: 'LeadFact' });
    expect(fieldKind('Lead', 'gradeReasons')).toEqual({ kind: 'enumList', enumName: 'LeadGradeReason' });
    expect(fieldKind('Project', 'gradeReasons')).toEqual({ kind: 'enumList', enumName: 'GradeReason' });
    expect(fieldKind('QualificationFramework', 'managerMayCertify', false)).toEqual({ kind: 'boolean' });
    expect(humanize('minTenureMonths')).toBe('Min tenure months');
  });

  it('lists the changed fields, never the bookkeeping', () => {
    expect(changedFields(RULE_HISTORY[1]!.before, RULE_HISTORY[1]!.after)).toEqual([
      { field: 'limitMinor', before: '5000000000', after: '1000000000' },
    ]);
    const fields = filledFields(RULE_VERSION).map((f) => f.field);
    expect(fields).toContain('limitMinor');
    expect(fields).not.toEqual(expect.arrayContaining(['id', 'version', 'createdAt', 'updatedAt']));
    expect(fields).not.toContain('validTo');
  });

  it('compares child rows without their own bookkeeping', () => {
    const seat = (id: number, fixed: boolean) => ({ id, version: 1, decisionBodyId: 2, title: 'CFO', fixed });
    expect(changedFields({ seats: [seat(1, true)] }, { seats: [seat(9, true)] })).toEqual([]);
    expect(changedFields({ seats: [seat(1, true)] }, { seats: [seat(1, false)] })).toEqual([
      { field: 'seats', before: [{ title: 'CFO', fixed: true }], after: [{ title: 'CFO', fixed: false }] },
    ]);
  });

  it('compares an ordinary change with the version before it', () => {
    expect(replacedVersion(RULE_HISTORY, RULE_HISTORY[1]!)).toBe(RULE_VERSION);
  });

  it('compares a correction with what the log said, before it, about its effective moment', () => {
    // The correction holds from 11 November; until it, the log said ¥50M for that moment (the cut came later).
    expect(replacedVersion(RULE_HISTORY, RULE_HISTORY[2]!)?.limitMinor).toBe('5000000000');
    expect(changedFields(replacedVersion(RULE_HISTORY, RULE_HISTORY[2]!), RULE_HISTORY[2]!.after)).toEqual([
      { field: 'limitMinor', before: '5000000000', after: '1000000000' },
    ]);
    // A correction of the whole life of the record is compared with the version since the record began.
    const whole = { ...RULE_HISTORY[2]!, effectiveFrom: null };
    expect(replacedVersion([...RULE_HISTORY.slice(0, 2), whole], whole)?.limitMinor).toBe('5000000000');
  });

  it('names the operation, a revocation as such, newest first', () => {
    expect(operationKey(RULE_HISTORY[0]!, null)).toBe('history.op.CREATE');
    expect(operationKey(RULE_HISTORY[1]!, RULE_VERSION)).toBe('history.op.UPDATE');
    const revoked = { ...RULE_HISTORY[1]!, after: { ...RULE_VERSION, revokedAt: '2026-12-01T00:00:00.000Z' } };
    expect(operationKey(revoked, { revokedAt: null })).toBe('history.op.REVOKED');
    expect(newestFirst(RULE_HISTORY).map((e) => e.revision)).toEqual(['275', '260', '247']);
  });
});

describe('the authority rules as of a moment', () => {
  const histories = [{ id: '4', history: RULE_HISTORY }];
  const tenDaysBefore = new Date('2026-11-21T12:00:00.000Z');

  it('shows the version in force then, as known now: the correction', () => {
    const answer = rulesAsOf(histories, tenDaysBefore, new Date('2026-12-02T00:00:00.000Z'));
    expect(answer.rules.map((r) => [r.id, r.limit, r.scopeOrgUnitId])).toEqual([['4', '10000000.00', 'o1']]);
    expect(answer.corrections.map((c) => c.revision)).toEqual(['275']);
    expect(answer.revision).toBe('275');
  });

  it('as known before the correction: the limit of then, and no correction', () => {
    const answer = rulesAsOf(histories, tenDaysBefore, new Date('2026-12-01T12:15:00.000Z'));
    expect(answer.rules.map((r) => r.limit)).toEqual(['50000000.00']);
    expect(answer.corrections).toEqual([]);
    expect(answer.revision).toBe('260');
  });

  it('leaves out rules not yet known, or not in force at the moment', () => {
    expect(rulesAsOf(histories, tenDaysBefore, new Date('2025-01-01T00:00:00.000Z')).rules).toEqual([]);
    expect(rulesAsOf(histories, new Date('2025-06-01T00:00:00.000Z'), new Date()).rules).toEqual([]);
  });
});

describe('the words for what a history shows', () => {
  it('name every position title a decision body seats, in both languages', () => {
    for (const locale of ['en', 'zh-CN'])
      for (const title of POSITION_TITLE_CODES)
        expect([locale, title, lookup(locale, `enums.PositionTitle.${title}`)]).not.toContain(undefined);
  });

  it('label every field of the parts of a framework', () => {
    const level = ['frameworkId', 'level', 'name', 'nameZh', 'minTenureMonths', 'minProjects', 'gateMinimumRating'];
    for (const locale of ['en', 'zh-CN']) {
      for (const field of [...level, 'gatePeriods'])
        expect(lookup(locale, labelKey('QualificationLevel', field))).toBeDefined();
      for (const field of ['levelId', 'dimensionCode', 'minProficiency'])
        expect(lookup(locale, labelKey('LevelRequirement', field))).toBeDefined();
    }
  });
});
