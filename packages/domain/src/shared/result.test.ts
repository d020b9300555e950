import { domainError, err, ok, unwrap } from './result';
import { LOCALES, missingLocales } from './text';

describe('Result', () => {
  it('wraps values and errors', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err('x')).toEqual({ ok: false, error: 'x' });
  });

  it('builds coded errors with data and no prose', () => {
    expect(domainError('MONEY.UNKNOWN_CURRENCY', { currency: 'XXX' })).toEqual({
      code: 'MONEY.UNKNOWN_CURRENCY',
      data: { currency: 'XXX' },
    });
  });

  it('unwraps an ok result', () => {
    expect(unwrap(ok('v'))).toBe('v');
  });

  it('throws on unwrapping an error (a programmer error), printing bigints', () => {
    expect(() => unwrap(err(domainError('X', { minor: 5n })))).toThrow('"minor":"5"');
  });
});

describe('LocalizedText', () => {
  it('knows zh-CN and English', () => {
    expect(LOCALES).toEqual(['zh-CN', 'en']);
  });

  it('reports locales whose text is missing or blank', () => {
    expect(missingLocales({ 'zh-CN': '客户经理', en: 'Account Responsible' })).toEqual([]);
    expect(missingLocales({ 'zh-CN': '  ', en: 'x' })).toEqual(['zh-CN']);
    expect(missingLocales({ 'zh-CN': 'x' } as never)).toEqual(['en']);
    expect(missingLocales(undefined)).toEqual(['zh-CN', 'en']);
    expect(missingLocales(null)).toEqual(['zh-CN', 'en']);
  });
});
