// Writes GraphQL argument literals from plain values (enum values wrapped with `en`).

export class EnumValue {
  constructor(readonly value: string) {}
}

export const en = (value: string) => new EnumValue(value);

export function lit(value: unknown): string {
  if (value instanceof EnumValue) return value.value;
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(lit).join(', ')}]`;
  if (typeof value === 'object') {
    return `{ ${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${lit(v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** `name: value, …` for a field's arguments. */
export function args(values: Record<string, unknown>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${lit(v)}`)
    .join(', ');
}
