import fc from 'fast-check';
import {
  CURRENCY_EXPONENTS,
  addMoney,
  compareMoney,
  currencyExponent,
  formatMinor,
  formatMoney,
  isKnownCurrency,
  money,
  parseMoney,
  subtractMoney,
  sumMoney,
} from './money';

const cny = (minor: bigint) => ({ minor, currency: 'CNY' });
const usd = (minor: bigint) => ({ minor, currency: 'USD' });

describe('currencies', () => {
  it('knows CNY, USD and EUR with two fraction digits, JPY with none, KWD with three', () => {
    expect(currencyExponent('CNY')).toEqual({ ok: true, value: 2 });
    expect(currencyExponent('USD')).toEqual({ ok: true, value: 2 });
    expect(currencyExponent('EUR')).toEqual({ ok: true, value: 2 });
    expect(currencyExponent('JPY')).toEqual({ ok: true, value: 0 });
    expect(currencyExponent('KWD')).toEqual({ ok: true, value: 3 });
  });

  it('refuses unknown or lower-case codes, and inherited object keys', () => {
    for (const code of ['XXX', 'cny', '', 'toString', '__proto__']) {
      expect(isKnownCurrency(code)).toBe(false);
      expect(currencyExponent(code)).toEqual({
        ok: false,
        error: { code: 'MONEY.UNKNOWN_CURRENCY', data: { currency: code } },
      });
    }
  });

  it('builds an amount from minor units of a known currency only', () => {
    expect(money(500n, 'CNY')).toEqual({ ok: true, value: cny(500n) });
    expect(money(500n, 'ZZZ')).toMatchObject({ ok: false, error: { code: 'MONEY.UNKNOWN_CURRENCY' } });
  });
});

describe('parseMoney', () => {
  it.each([
    ['5000000.00', 'CNY', 500000000n],
    ['5000000', 'CNY', 500000000n],
    ['5000000.5', 'CNY', 500000050n],
    ['0', 'CNY', 0n],
    ['0.01', 'CNY', 1n],
    ['-0.5', 'USD', -50n],
    ['-12', 'EUR', -1200n],
    ['123456789012345678901234567890.99', 'CNY', 12345678901234567890123456789099n],
    ['1500', 'JPY', 1500n],
    ['1.234', 'KWD', 1234n],
  ])('parses %s %s exactly', (input, currency, minor) => {
    expect(parseMoney(input, currency)).toEqual({ ok: true, value: { minor, currency } });
  });

  it('accepts exactly the currency fraction digits and refuses one more', () => {
    expect(parseMoney('0.99', 'CNY')).toEqual({ ok: true, value: cny(99n) });
    expect(parseMoney('0.001', 'CNY')).toEqual({
      ok: false,
      error: {
        code: 'MONEY.TOO_MANY_FRACTION_DIGITS',
        data: { input: '0.001', currency: 'CNY', maxFractionDigits: 2 },
      },
    });
    expect(parseMoney('0.999', 'KWD')).toEqual({ ok: true, value: { minor: 999n, currency: 'KWD' } });
    expect(parseMoney('0.9999', 'KWD')).toMatchObject({ ok: false, error: { code: 'MONEY.TOO_MANY_FRACTION_DIGITS' } });
    expect(parseMoney('1.0', 'JPY')).toMatchObject({
      ok: false,
      error: { code: 'MONEY.TOO_MANY_FRACTION_DIGITS', data: { maxFractionDigits: 0 } },
    });
  });

  it.each([
    '',
    ' ',
    ' 5',
    '5 ',
    '1e6',
    '1E6',
    'NaN',
    'Infinity',
    '-Infinity',
    '5,000',
    '5_000',
    '５０００', // full-width digits
    '٥', // Arabic-Indic digit
    '+5',
    '--5',
    '5.',
    '.5',
    '-.5',
    '05',
    '00.5',
    '0x10',
    '5.00.0',
    '1/2',
    '5\n',
    '¥5',
  ])('refuses %j as not a plain decimal', (input) => {
    expect(parseMoney(input, 'CNY')).toEqual({
      ok: false,
      error: { code: 'MONEY.INVALID_FORMAT', data: { input, currency: 'CNY' } },
    });
  });

  it('refuses an unknown currency before looking at the digits', () => {
    expect(parseMoney('5', 'RMB')).toEqual({
      ok: false,
      error: { code: 'MONEY.UNKNOWN_CURRENCY', data: { currency: 'RMB' } },
    });
  });
});

describe('formatMoney', () => {
  it.each([
    [cny(500000000n), '5000000.00'],
    [cny(0n), '0.00'],
    [cny(1n), '0.01'],
    [cny(-1n), '-0.01'],
    [cny(-150n), '-1.50'],
    [usd(99n), '0.99'],
    [{ minor: 1500n, currency: 'JPY' }, '1500'],
    [{ minor: -7n, currency: 'KWD' }, '-0.007'],
  ])('formats %o as %s', (amount, text) => {
    expect(formatMoney(amount)).toBe(text);
  });

  it('formats raw minor units for any exponent', () => {
    expect(formatMinor(5n, 4)).toBe('0.0005');
    expect(formatMinor(-5n, 0)).toBe('-5');
  });

  it('throws for an unknown currency (a programmer error: amounts are built through parse or money())', () => {
    expect(() => formatMoney({ minor: 1n, currency: 'XXX' })).toThrow('unknown currency XXX');
  });
});

describe('arithmetic within one currency', () => {
  it('compares', () => {
    expect(compareMoney(cny(1n), cny(2n))).toEqual({ ok: true, value: -1 });
    expect(compareMoney(cny(2n), cny(2n))).toEqual({ ok: true, value: 0 });
    expect(compareMoney(cny(3n), cny(2n))).toEqual({ ok: true, value: 1 });
  });

  it('adds, subtracts and sums', () => {
    expect(addMoney(cny(150n), cny(250n))).toEqual({ ok: true, value: cny(400n) });
    expect(subtractMoney(cny(150n), cny(250n))).toEqual({ ok: true, value: cny(-100n) });
    expect(sumMoney([cny(1n), cny(2n), cny(3n)], 'CNY')).toEqual({ ok: true, value: cny(6n) });
    expect(sumMoney([], 'USD')).toEqual({ ok: true, value: usd(0n) });
  });

  it('refuses to mix currencies', () => {
    const mismatch = { ok: false, error: { code: 'MONEY.CURRENCY_MISMATCH', data: { left: 'CNY', right: 'USD' } } };
    expect(compareMoney(cny(1n), usd(1n))).toEqual(mismatch);
    expect(addMoney(cny(1n), usd(1n))).toEqual(mismatch);
    expect(subtractMoney(cny(1n), usd(1n))).toEqual(mismatch);
    expect(sumMoney([cny(1n), usd(1n)], 'CNY')).toEqual(mismatch);
  });
});

describe('properties', () => {
  const currencies = Object.keys(CURRENCY_EXPONENTS);
  const amount = fc.record({
    minor: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
    currency: fc.constantFrom(...currencies),
  });
  const runs = { seed: 42, numRuns: 2000 };

  it('parse(format(amount)) gives the amount back', () => {
    fc.assert(
      fc.property(amount, (a) => {
        expect(parseMoney(formatMoney(a), a.currency)).toEqual({ ok: true, value: a });
      }),
      runs,
    );
  });

  it('format(parse(text)) gives back any canonical decimal, and pads shorter fractions', () => {
    const decimal = fc
      .record({
        negative: fc.boolean(),
        whole: fc.bigInt({ min: 0n, max: 10n ** 24n }),
        fraction: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 2 }),
      })
      .map(
        ({ negative, whole, fraction }) =>
          `${negative && (whole > 0n || /[1-9]/.test(fraction)) ? '-' : ''}${whole}${fraction ? '.' + fraction : ''}`,
      );
    fc.assert(
      fc.property(decimal, (text) => {
        const parsed = parseMoney(text, 'CNY');
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const [whole, fraction = ''] = text.split('.');
        expect(formatMoney(parsed.value)).toBe(`${whole}.${fraction.padEnd(2, '0')}`);
      }),
      runs,
    );
  });

  it('never throws on arbitrary input: a value or a coded error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme-composite', maxLength: 12 }),
          fc.string({ unit: fc.constantFrom(...'-.0123456789'), maxLength: 8 }),
        ),
        fc.constantFrom('CNY', 'JPY', 'KWD', 'XXX'),
        (text, currency) => {
          const parsed = parseMoney(text, currency);
          if (parsed.ok) {
            expect(text).toMatch(/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/);
            expect(parseMoney(formatMoney(parsed.value), currency)).toEqual(parsed);
          } else {
            expect(parsed.error.code).toMatch(/^MONEY\./);
          }
        },
      ),
      runs,
    );
  });

  it('addition agrees with bigint addition and commutes', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt(), (a, b) => {
        expect(addMoney(cny(a), cny(b))).toEqual({ ok: true, value: cny(a + b) });
        expect(addMoney(cny(a), cny(b))).toEqual(addMoney(cny(b), cny(a)));
        expect(compareMoney(cny(a), cny(b))).toEqual({ ok: true, value: a < b ? -1 : a > b ? 1 : 0 });
      }),
      runs,
    );
  });
});
