// Every reason code has an actionable message in English and Chinese (no DB: the writer alone).
import { DenialReason, DelegationDraftError } from '@iron-triangle/domain';
import { formatInstant, formatMoney, ReasonWriter } from '../../src/modules/authorization/reason-messages';
import { reasonsForCase } from '../../src/modules/authorization/authorization.service';
import { jsonSafe } from '../../src/platform/json-safe';

const names = {
  unitLabels: new Map([
    ['7', 'EAST-1'],
    ['2', 'EAST'],
  ]),
  personNames: new Map([
    ['4', 'Zhang Wei'],
    ['9', 'Li Na'],
  ]),
  delegatorOf: (id: string) => (id === '12' ? '4' : undefined),
};
const window = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') };
const cny = (minor: bigint) => ({ minor, currency: 'CNY' });
const base = { linkId: '12', chain: ['3', '12'] };

const DENIALS: DenialReason[] = [
  { ...base, code: 'CHAIN_TOO_DEEP', data: { linkId: '12', length: 7, max: 6, cause: 'MAX_LINKS' } },
  { ...base, code: 'CHAIN_TOO_DEEP', data: { linkId: '12', length: 3, max: 2, cause: 'DELEGABLE_DEPTH' } },
  { ...base, code: 'CHAIN_CYCLE', data: { linkId: '12', personId: '4' } },
  { ...base, code: 'NOT_IN_FORCE', data: { linkId: '12', window } },
  { ...base, code: 'REVOKED', data: { linkId: '12', at: new Date('2026-03-01T00:00:00Z') } },
  { ...base, code: 'DELEGATOR_LOST_SOURCE', data: { linkId: '12', delegatorId: '4', sourceId: '3' } },
  { ...base, code: 'CURRENCY_MISMATCH', data: { linkId: '12', currency: 'CNY', caseCurrency: 'USD' } },
  { ...base, code: 'POINT_NOT_COVERED', data: { linkId: '12', decisionPoint: 'ATC', covered: ['ATI', 'ATB'] } },
  { ...base, code: 'GRADE_NOT_COVERED', data: { linkId: '12', grade: 'I', covered: ['II', 'III'] } },
  { ...base, code: 'OUT_OF_SCOPE', data: { linkId: '12', orgUnitId: '7', scopeOrgUnitId: '2' } },
  { ...base, code: 'AMOUNT_OVER_LIMIT', data: { linkId: '12', limit: cny(500_000_000n), amount: cny(600_000_000n) } },
  { ...base, code: 'DELEGATE_NOT_QUALIFIED', data: { linkId: '12', personId: '9', role: 'AR', required: 3, held: 2 } },
  { ...base, code: 'CONFLICT_OF_INTEREST', data: { linkId: '12', personId: '9', projectId: '5' } },
  { code: 'NO_AUTHORITY', linkId: null, chain: [], data: { personId: '9' } },
];

const DRAFT_ERRORS: DelegationDraftError[] = [
  { code: 'DELEGATION.UNKNOWN_SOURCE', data: { sourceKind: 'RULE', sourceId: '3' } },
  { code: 'DELEGATION.MISSING_REASON', data: {} },
  { code: 'DELEGATION.SELF_DELEGATION', data: { personId: '4' } },
  { code: 'DELEGATION.CYCLE', data: { personId: '4', delegationId: '12' } },
  {
    code: 'DELEGATION.DELEGATOR_NOT_HOLDER',
    data: { delegatorId: '4', sourceId: '3', cause: 'NOT_HOLDER', holderId: null },
  },
  { code: 'DELEGATION.DEPTH_EXHAUSTED', data: { sourceId: '12' } },
  { code: 'DELEGATION.EXCEEDS_DEPTH', data: { requested: 3, max: 1 } },
  { code: 'DELEGATION.INVALID_DEPTH', data: { requested: -1 } },
  { code: 'DELEGATION.CHAIN_TOO_DEEP', data: { length: 7, max: 6 } },
  { code: 'DELEGATION.EXCEEDS_POINTS', data: { extra: ['ATC'], source: ['ATB'] } },
  { code: 'DELEGATION.EXCEEDS_GRADES', data: { extra: ['I'], source: ['III'] } },
  { code: 'DELEGATION.EXCEEDS_SCOPE', data: { scopeOrgUnitId: '2', sourceScopeOrgUnitId: '7' } },
  { code: 'DELEGATION.CURRENCY_MISMATCH', data: { currency: 'USD', sourceCurrency: 'CNY' } },
  { code: 'DELEGATION.EXCEEDS_LIMIT', data: { limit: cny(900n), sourceLimit: cny(500n) } },
  { code: 'DELEGATION.INVALID_WINDOW', data: { window } },
  { code: 'DELEGATION.WINDOW_OUTSIDE_SOURCE', data: { window, sourceWindow: window } },
  { code: 'DELEGATION.DELEGATE_NOT_QUALIFIED', data: { personId: '9', role: 'AR', required: 3, held: null } },
];

describe('reason messages', () => {
  const at = new Date('2026-08-01T00:00:00Z');
  test.each(['en', 'zh-CN'] as const)('every denial code reads well in %s', (locale) => {
    const writer = new ReasonWriter(locale, names);
    for (const reason of DENIALS) {
      const message = writer.denial(reason, at, { link: 'DELEGATION', source: 'RULE' });
      expect(message.length).toBeGreaterThan(20);
      expect(message).not.toMatch(/undefined|null|NaN|\[object/);
      if (locale === 'zh-CN') expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  test('the amount message names the limit, the link and who delegated it', () => {
    const over = DENIALS.find((r) => r.code === 'AMOUNT_OVER_LIMIT')!;
    expect(new ReasonWriter('en', names).denial(over, at, { link: 'DELEGATION' })).toBe(
      'Amount CN¥6,000,000.00 exceeds the CN¥5,000,000.00 limit of delegation #12 from Zhang Wei (#4). ' +
        'Ask someone with a higher limit to decide.',
    );
    expect(new ReasonWriter('zh-CN', names).denial(over, at, { link: 'DELEGATION' })).toMatch(
      /^金额 ¥6,000,000.00 超出转授权 #12 的限额 ¥5,000,000.00/,
    );
  });
  test('money in the portal format, moments written out, delegation called 转授权 in Chinese', () => {
    expect(formatMoney(cny(4_200_000_000n), 'zh-CN')).toBe('¥42,000,000.00');
    expect(formatMoney(cny(4_200_000_000n), 'en')).toBe('CN¥42,000,000.00');
    expect(formatMoney({ minor: -123456789n, currency: 'JPY' }, 'en')).toBe('-¥123,456,789');
    const moment = new Date('2026-11-30T21:07:27.241Z');
    expect(formatInstant(moment)).toBe('2026-11-30 21:07 UTC');
    expect(formatInstant(moment)).toBe('2026-11-30 21:07 UTC');
    for (const locale of ['en', 'zh-CN'] as const) {
      const writer = new ReasonWriter(locale, names);
      const all = [
        ...DENIALS.map((r) => writer.denial(r, at, { link: 'DELEGATION', source: 'DELEGATION' })),
        ...DRAFT_ERRORS.map((d) => writer.draft(d)),
      ];
      for (const message of all) {
        expect(message).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
        expect(message).not.toMatch(/\d,\d{3}\.\d{2} [A-Z]{3}/);
        expect(message).not.toContain('POOL_APPROVAL');
        if (locale === 'zh-CN') expect(message).not.toContain('委托');
      }
    }
    const revoked = DENIALS.find((r) => r.code === 'REVOKED')!;
    expect(new ReasonWriter('zh-CN', names).denial(revoked, at, { link: 'DELEGATION' })).toBe(
      '转授权 #12 已于 2026-03-01 00:00 UTC 撤销。请向授权人申请新的转授权。',
    );
    const pool = {
      ...base,
      code: 'POINT_NOT_COVERED',
      data: { linkId: '12', decisionPoint: 'POOL_APPROVAL', covered: ['ATB'] },
    };
    expect(new ReasonWriter('en', names).denial(pool as DenialReason, at, { link: 'RULE' })).toContain(
      'covers ATB, not bonus pool approval',
    );
  });

  test('reasons of rules of another decision point are left out; none left: no authority', () => {
    const other = DENIALS.find((r) => r.code === 'POINT_NOT_COVERED')!;
    const over = DENIALS.find((r) => r.code === 'AMOUNT_OVER_LIMIT')!;
    expect(reasonsForCase([other, over, other], '9')).toEqual([over]);
    expect(reasonsForCase([other, other], '9')).toEqual([
      { code: 'NO_AUTHORITY', linkId: null, chain: [], data: { personId: '9' } },
    ]);
    expect(reasonsForCase([], '9')).toEqual([]);
  });

  test.each(['en', 'zh-CN'] as const)('every delegation draft code reads well in %s', (locale) => {
    const writer = new ReasonWriter(locale, names);
    for (const error of DRAFT_ERRORS) {
      const message = writer.draft(error);
      expect(message.length).toBeGreaterThan(5);
      expect(message).not.toMatch(/undefined|NaN|\[object/);
    }
  });
  test('data is JSON-safe with money as decimal strings', () => {
    expect(jsonSafe({ limit: cny(500_000_000n), amount: cny(1n), at: new Date(0) })).toEqual({
      limit: '5000000.00',
      amount: '0.01',
      currency: 'CNY',
      at: '1970-01-01T00:00:00.000Z',
    });
  });
});
