// Exact arithmetic on plain decimal strings ("5000000.00", "-0.5"), for amounts whose currency is not at hand:
// sums, comparison and percentages on bigint units, never a float.

/** A plain decimal string: optional '-', digits, optional fraction. */
export const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

function units(value: string, scale: number): bigint {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const magnitude = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -magnitude : magnitude;
}

/** The exact sum of the decimal strings given (others are skipped), with at least two fraction digits. */
export function sumDecimals(values: ReadonlyArray<string | null | undefined>): string {
  const present = values.filter((v): v is string => typeof v === 'string' && DECIMAL_STRING.test(v));
  const scale = Math.max(2, ...present.map((v) => (v.split('.')[1] ?? '').length));
  let total = 0n;
  for (const v of present) total += units(v, scale);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** Compares two decimal strings exactly: -1, 0 or 1. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const scale = Math.max((a.split('.')[1] ?? '').length, (b.split('.')[1] ?? '').length);
  const x = units(a, scale);
  const y = units(b, scale);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** A non-negative decimal string as an integer count of 10^-scale units ("1.5", 3 → 1500n); null otherwise. */
function scaledDecimal(text: string, scale: number): bigint | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(scale, '0').slice(0, scale);
  return BigInt(match[1] + fraction);
}

/**
 * numerator / denominator as a percentage with one decimal, exactly and rounded half up, from decimal strings
 * ("61000000.00" / "90000000.00" → "67.8%"). '—' when either is not a non-negative decimal or the denominator is 0.
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
