// Money: integer minor units (bigint) in one ISO 4217 currency; exact parse and format, never a float.
import { DomainError, Result, err, ok } from '../shared/result';

/** Minor-unit exponents of the currencies the product knows (ISO 4217). */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = Object.freeze({
  CNY: 2,
  USD: 2,
  EUR: 2,
  HKD: 2,
  GBP: 2,
  SGD: 2,
  AUD: 2,
  CAD: 2,
  CHF: 2,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  BHD: 3,
});

export interface Money {
  /** Amount in minor units (e.g. fen for CNY, cents for USD). */
  readonly minor: bigint;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
}

export type MoneyError =
  | DomainError<'MONEY.UNKNOWN_CURRENCY', { currency: string }>
  | DomainError<'MONEY.INVALID_FORMAT', { input: string; currency: string }>
  | DomainError<'MONEY.TOO_MANY_FRACTION_DIGITS', { input: string; currency: string; maxFractionDigits: number }>
  | DomainError<'MONEY.CURRENCY_MISMATCH', { left: string; right: string }>;

export function isKnownCurrency(currency: string): boolean {
  return Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, currency);
}

export function currencyExponent(currency: string): Result<number, MoneyError> {
  if (!isKnownCurrency(currency)) return err({ code: 'MONEY.UNKNOWN_CURRENCY', data: { currency } });
  return ok(CURRENCY_EXPONENTS[currency] as number);
}

/** Builds an amount from minor units; the currency must be known. */
export function money(minor: bigint, currency: string): Result<Money, MoneyError> {
  const exponent = currencyExponent(currency);
  if (!exponent.ok) return exponent;
  return ok({ minor, currency });
}

// ASCII only: full-width digits, exponents, separators, spaces and signs other than a leading '-' are refused.
const DECIMAL = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

/** Parses a plain decimal string ("5000000.00", "12", "-0.5") into minor units, exactly. */
export function parseMoney(input: string, currency: string): Result<Money, MoneyError> {
  const exponent = currencyExponent(currency);
  if (!exponent.ok) return exponent;
  const match = DECIMAL.exec(input);
  if (!match) return err({ code: 'MONEY.INVALID_FORMAT', data: { input, currency } });
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > exponent.value) {
    return err({
      code: 'MONEY.TOO_MANY_FRACTION_DIGITS',
      data: { input, currency, maxFractionDigits: exponent.value },
    });
  }
  const digits = (whole as string) + fraction.padEnd(exponent.value, '0');
  const magnitude = BigInt(digits);
  return ok({ minor: sign === '-' ? -magnitude : magnitude, currency });
}

/** Formats minor units as a plain decimal string with exactly the currency's fraction digits ("5000000.00"). */
export function formatMinor(minor: bigint, exponent: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, digits.length - exponent);
  const fraction = exponent === 0 ? '' : '.' + digits.slice(digits.length - exponent);
  return (negative ? '-' : '') + whole + fraction;
}

/** Formats an amount as a plain decimal string; the currency must be known (programmer error otherwise). */
export function formatMoney(amount: Money): string {
  const exponent = CURRENCY_EXPONENTS[amount.currency];
  if (exponent === undefined) throw new Error(`formatMoney: unknown currency ${amount.currency}`);
  return formatMinor(amount.minor, exponent);
}

function sameCurrency(a: Money, b: Money): MoneyError | null {
  return a.currency === b.currency
    ? null
    : { code: 'MONEY.CURRENCY_MISMATCH', data: { left: a.currency, right: b.currency } };
}

/** -1, 0 or 1; only within one currency. */
export function compareMoney(a: Money, b: Money): Result<-1 | 0 | 1, MoneyError> {
  const mismatch = sameCurrency(a, b);
  if (mismatch) return err(mismatch);
  return ok(a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0);
}

export function addMoney(a: Money, b: Money): Result<Money, MoneyError> {
  const mismatch = sameCurrency(a, b);
  if (mismatch) return err(mismatch);
  return ok({ minor: a.minor + b.minor, currency: a.currency });
}

export function subtractMoney(a: Money, b: Money): Result<Money, MoneyError> {
  const mismatch = sameCurrency(a, b);
  if (mismatch) return err(mismatch);
  return ok({ minor: a.minor - b.minor, currency: a.currency });
}

/** Sums amounts of one currency; an empty list is zero in `currency`. */
export function sumMoney(amounts: readonly Money[], currency: string): Result<Money, MoneyError> {
  let total = 0n;
  for (const amount of amounts) {
    if (amount.currency !== currency)
      return err({ code: 'MONEY.CURRENCY_MISMATCH', data: { left: currency, right: amount.currency } });
    total += amount.minor;
  }
  return ok({ minor: total, currency });
}
