// Money and dates for the reader's locale. Money arrives as a decimal string and is never turned into a float
// when the engine can format decimal strings exactly (Intl.NumberFormat v3); otherwise it falls back to Number.
import { DECIMAL_STRING } from '@iron-triangle/domain';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'symbol' });
    moneyFormats.set(key, format);
  }
  return format;
}

/** Exact arithmetic on decimal strings is the domain's; the portal only formats. */
export { DECIMAL_STRING as DECIMAL, compareDecimal, percentOf } from '@iron-triangle/domain';

/** "5000000.00", "CNY", "zh-CN" → "¥5,000,000.00". Returns '' for no amount. */
export function formatMoney(
  amount: string | number | null | undefined,
  currency: string | null | undefined,
  locale: string,
): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const text = String(amount);
  if (!DECIMAL_STRING.test(text)) return text;
  const code = currency && /^[A-Z]{3}$/.test(currency) ? currency : 'CNY';
  // Intl accepts decimal strings exactly (ES2023); the type library here still says number | bigint.
  return moneyFormat(locale, code).format(text as unknown as number);
}

export function formatDate(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export function formatDateTime(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A moment written out in full for the reader's language, in the browser's time zone (named). */
export function formatInstantLong(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}
