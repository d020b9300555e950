import fc from 'fast-check';
import { Rational } from './rational';

const r = (n: number | bigint, d: number | bigint = 1) => Rational.of(BigInt(n), BigInt(d));

describe('Rational', () => {
  it('normalises sign and gcd', () => {
    expect(r(6, -8)).toEqual(r(-3, 4));
    expect(r(-6, -8).toFraction()).toBe('3/4');
    expect(r(0, -5).toFraction()).toBe('0');
    expect(r(10, 5).toFraction()).toBe('2');
    expect(() => r(1, 0)).toThrow(RangeError);
  });

  it('parses decimals and fractions exactly, and refuses anything else', () => {
    expect(Rational.parse('0.6')?.toFraction()).toBe('3/5');
    expect(Rational.parse('1.5')?.toFraction()).toBe('3/2');
    expect(Rational.parse('-1.25')?.toFraction()).toBe('-5/4');
    expect(Rational.parse('2')?.toFraction()).toBe('2');
    expect(
      Rational.parse('0.1')
        ?.add(Rational.parse('0.2') as Rational)
        .eq(Rational.parse('0.3') as Rational),
    ).toBe(true);
    expect(Rational.parse('2/6')?.toFraction()).toBe('1/3');
    expect(Rational.parse('-1/3')?.toFraction()).toBe('-1/3');
    for (const bad of ['', '.5', '1.', '1e3', ' 1', '01', '1/0', '1/-2', '１', '0x10', 'NaN'])
      expect(Rational.parse(bad)).toBeNull();
  });

  it('does arithmetic and comparisons', () => {
    expect(r(1, 3).add(r(1, 6)).toFraction()).toBe('1/2');
    expect(r(1, 4).add(r(1, 4)).toFraction()).toBe('1/2');
    expect(r(1, 3).sub(r(1, 2)).toFraction()).toBe('-1/6');
    expect(r(2, 3).mul(r(3, 4)).toFraction()).toBe('1/2');
    expect(r(2, 3).div(r(4, 3)).toFraction()).toBe('1/2');
    expect(r(2, 3).neg().toFraction()).toBe('-2/3');
    expect(r(1, 3).compare(r(1, 2))).toBe(-1);
    expect(r(1, 2).compare(r(2, 4))).toBe(0);
    expect(r(1, 2).compare(r(1, 3))).toBe(1);
    expect(r(1, 2).lt(r(1, 3))).toBe(false);
    expect(r(1, 2).lte(r(1, 2))).toBe(true);
    expect(r(1, 2).gt(r(1, 3))).toBe(true);
    expect(r(1, 2).gte(r(2, 3))).toBe(false);
    expect(r(1, 2).min(r(1, 3)).toFraction()).toBe('1/3');
    expect(r(1, 2).max(r(1, 3)).toFraction()).toBe('1/2');
    expect(Rational.ZERO.isZero()).toBe(true);
    expect(r(4, 2).isInteger()).toBe(true);
    expect(Rational.fromInt(7).toString()).toBe('7');
    expect(() => Rational.fromInt(0.5)).toThrow(RangeError);
  });

  it('floors toward minus infinity and rounds half away from zero', () => {
    expect(r(7, 2).floor()).toBe(3n);
    expect(r(-7, 2).floor()).toBe(-4n);
    expect(r(-6, 2).floor()).toBe(-3n);
    expect(r(5, 2).roundHalfUp()).toBe(3n);
    expect(r(249, 100).roundHalfUp()).toBe(2n);
    expect(r(-5, 2).roundHalfUp()).toBe(-3n);
    expect(r(-249, 100).roundHalfUp()).toBe(-2n);
  });

  it('displays fixed decimals rounded half up', () => {
    expect(r(3, 4).toDecimalString(4)).toBe('0.7500');
    expect(r(2, 3).toDecimalString(4)).toBe('0.6667');
    expect(r(66665, 100000).toDecimalString(4)).toBe('0.6667');
    expect(r(666649, 1000000).toDecimalString(4)).toBe('0.6666');
    expect(r(-1, 3).toDecimalString(2)).toBe('-0.33');
    expect(r(5, 2).toDecimalString(0)).toBe('3');
    expect(r(12345, 1).toDecimalString(2)).toBe('12345.00');
  });

  it('round-trips through its fraction string and agrees with bigint arithmetic (seeded)', () => {
    const frac = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }))
      .map(([n, d]) => Rational.of(n, d));
    fc.assert(
      fc.property(frac, frac, (a, b) => {
        expect(Rational.parse(a.toFraction())?.eq(a)).toBe(true);
        expect(a.add(b).sub(b).eq(a)).toBe(true);
        if (!b.isZero()) expect(a.div(b).mul(b).eq(a)).toBe(true);
        const f = a.floor();
        expect(Rational.of(f).lte(a) && a.lt(Rational.of(f + 1n))).toBe(true);
      }),
      { seed: 20261129, numRuns: 3000 },
    );
  });
});
