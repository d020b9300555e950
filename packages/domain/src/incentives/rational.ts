// Exact rationals over bigint for the pool rules: normalised (den > 0, gcd 1), so equal values are equal fields.
import { formatMinor } from '../money/money';

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Floor division for bigint (bigint `/` truncates toward zero). */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n !== d < 0n ? q - 1n : q;
}

// Decimal ("0.6", "-1.25", "2") or fraction ("3/4", "-1/3"); ASCII digits only, no exponents or spaces.
const DECIMAL = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;
const FRACTION = /^(-?)(0|[1-9][0-9]*)\/([1-9][0-9]*)$/;

export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** Numerator; carries the sign. */
  readonly num: bigint;
  /** Denominator; always > 0. */
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  /** num/den, normalised; a zero denominator is a programmer error. */
  static of(num: bigint, den: bigint = 1n): Rational {
    if (den === 0n) throw new RangeError('Rational: zero denominator');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    return g > 1n ? new Rational(num / g, den / g) : new Rational(num, den);
  }

  static fromInt(value: bigint | number): Rational {
    if (typeof value === 'number' && !Number.isSafeInteger(value))
      throw new RangeError(`Rational.fromInt: ${value} is not a safe integer`);
    return new Rational(BigInt(value), 1n);
  }

  /** Parses "0.6" or "2/3" exactly; null when the text is not one of those forms. */
  static parse(text: string): Rational | null {
    const decimal = DECIMAL.exec(text);
    if (decimal) {
      const [, sign, whole, fraction = ''] = decimal;
      const magnitude = BigInt((whole as string) + fraction);
      return Rational.of(sign === '-' ? -magnitude : magnitude, 10n ** BigInt(fraction.length));
    }
    const fraction = FRACTION.exec(text);
    if (fraction) {
      const [, sign, n, d] = fraction;
      const magnitude = BigInt(n as string);
      return Rational.of(sign === '-' ? -magnitude : magnitude, BigInt(d as string));
    }
    return null;
  }

  add(other: Rational): Rational {
    if (this.den === other.den) return Rational.of(this.num + other.num, this.den);
    return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Rational): Rational {
    return this.add(other.neg());
  }

  mul(other: Rational): Rational {
    return Rational.of(this.num * other.num, this.den * other.den);
  }

  /** Division by zero is a programmer error (callers check first). */
  div(other: Rational): Rational {
    return Rational.of(this.num * other.den, this.den * other.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  /** -1, 0 or 1. */
  compare(other: Rational): -1 | 0 | 1 {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  eq(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }
  lt(other: Rational): boolean {
    return this.compare(other) < 0;
  }
  lte(other: Rational): boolean {
    return this.compare(other) <= 0;
  }
  gt(other: Rational): boolean {
    return this.compare(other) > 0;
  }
  gte(other: Rational): boolean {
    return this.compare(other) >= 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }

  min(other: Rational): Rational {
    return this.lte(other) ? this : other;
  }
  max(other: Rational): Rational {
    return this.gte(other) ? this : other;
  }

  /** Largest integer ≤ this. */
  floor(): bigint {
    return floorDiv(this.num, this.den);
  }

  /** Nearest integer, a half rounded away from zero (四舍五入; "half up" for the non-negative amounts here). */
  roundHalfUp(): bigint {
    const magnitude = this.num < 0n ? -this.num : this.num;
    const rounded = (2n * magnitude + this.den) / (2n * this.den);
    return this.num < 0n ? -rounded : rounded;
  }

  /** "3/4", or "3" for an integer. */
  toFraction(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /** Fixed-point display with `digits` decimals, rounded half away from zero ("0.7500"). */
  /** Exact decimal text with `digits` fraction digits, rounded half up once ("0.7500"); no float involved. */
  toDecimalString(digits: number): string {
    return formatMinor(this.mul(Rational.of(10n ** BigInt(digits))).roundHalfUp(), digits);
  }

  toString(): string {
    return this.toFraction();
  }
}
