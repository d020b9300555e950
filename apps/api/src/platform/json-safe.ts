// Values made JSON-safe for the wire and for stored snapshots: money as decimal strings, instants as ISO strings.
import { CURRENCY_EXPONENTS, formatMinor, Money } from '@iron-triangle/domain';

const isMoney = (v: unknown): v is Money =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Money).minor === 'bigint' &&
  typeof (v as Money).currency === 'string';

/** JSON-safe data: Money → decimal string (with its currency alongside), bigint → string, Date → ISO string. */
export function jsonSafe(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (isMoney(value)) return formatMinor(value.minor, CURRENCY_EXPONENTS[value.currency] ?? 2);
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = jsonSafe(v);
      if (isMoney(v) && !('currency' in (value as object))) out.currency = v.currency;
    }
    return out;
  }
  return value;
}
