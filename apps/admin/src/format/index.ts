// Money and dates for the reader's locale. Money arrives as a decimal string and is never turned into a float
// when the engine can format decimal strings exactly (Intl.NumberFormat v3); otherwise it falls back to Number.

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

export const DECIMAL = /^-?\d+(\.\d+)?$/;

/** "5000000.00", "CNY", "zh-CN" → "¥5,000,000.00". Returns '' for no amount. */
export function formatMoney(
  amount: string | number | null | undefined,
  currency: string | null | undefined,
  locale: string,
): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const text = String(amount);
  if (!DECIMAL.test(text)) return text;
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

/** Compares two decimal strings exactly (no floats): -1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const [ai = '0', af = ''] = a.replace(/^-/, '').split('.');
  const [bi = '0', bf = ''] = b.replace(/^-/, '').split('.');
  const negA = a.startsWith('-');
  const negB = b.startsWith('-');
  if (negA !== negB) return negA ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const x = BigInt(ai + af.padEnd(width, '0'));
  const y = BigInt(bi + bf.padEnd(width, '0'));
  const sign = x === y ? 0 : x < y ? -1 : 1;
  return negA ? -sign : sign;
}

/** A non-negative decimal string as an integer count of 10^-scale units ("1.5", 3 → 1500n). */
function scaledDecimal(text: string, scale: number): bigint | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(scale, '0').slice(0, scale);
  return BigInt(match[1] + fraction);
}

/**
 * numerator / denominator as a percentage with one decimal, exactly and rounded half up, from decimal strings
 * ("61000000.00" / "90000000.00" → "67.8%"). No floats on amounts; '—' when either is not a non-negative decimal
 * or the denominator is 0.
 */
export function percentOf(
  numerator: string | number | null | undefined,
  denominator: string | number | null | undefined,
): string {
  const scale = 12;
  const n = numerator === null || numerator === undefined ? null : scaledDecimal(String(numerator), scale);
  const d = denominator === null || denominator === undefined ? null : scaledDecimal(String(denominator), scale);
  if (n === null || d === null || d === 0n) return '—';
  const tenths = (n * 2000n + d) / (2n * d); // round(n / d × 1000), half up
  return `${tenths / 10n}.${tenths % 10n}%`;
}
