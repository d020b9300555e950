// Arguments → column values: record ids to numbers, Money to minor units, unknown and read-only keys dropped.
import type { ClassType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { parseMoney } from '@iron-triangle/domain';
import { badInput } from '../errors';
import type { BaseRecord } from '../columns';
import type { CrudSpec } from './spec';

/** The largest amount, in minor units, that every supported database returns exactly (2^53 - 1). */
export const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

export function columnNames(
  em: EntityManager,
  entity: ClassType<object>,
): Map<string, { type: unknown; nullable: boolean }> {
  const metadata = em.connection.getMetadata(entity);
  return new Map(metadata.columns.map((c) => [c.propertyName, { type: c.type, nullable: c.isNullable }]));
}

export function isIntegerType(type: unknown): boolean {
  return type === 'integer' || type === 'int' || type === Number;
}

/** Turns GraphQL arguments into column values: ids to numbers, Money to minor units; unknown keys dropped. */
export function argsToColumns<E>(
  em: EntityManager,
  spec: CrudSpec<BaseRecord>,
  args: Record<string, unknown>,
  current: Partial<E> | null,
): Partial<E> {
  const columns = columnNames(em, spec.entity);
  const values: Record<string, unknown> = {};
  const readOnly = new Set(['id', 'version', 'createdAt', 'updatedAt', ...(spec.readOnlyColumns ?? [])]);
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || readOnly.has(key)) continue;
    const column = columns.get(key);
    if (!column) continue;
    if (value === null && !column.nullable) throw badInput({ [key]: 'may not be null' });
    values[key] = isIntegerType(column.type) && typeof value === 'string' ? toId(value, key) : value;
  }
  for (const money of spec.money ?? []) {
    const raw = args[money.arg];
    if (raw === undefined) continue;
    if (raw === null) {
      values[money.column] = null;
      continue;
    }
    const currency = (values[money.currencyColumn] ??
      (current as Record<string, unknown> | null)?.[money.currencyColumn]) as string | undefined;
    if (!currency) continue; // the currency comes from elsewhere (e.g. the pool): a hook converts the amount
    const parsed = parseMoney(String(raw), currency);
    if (!parsed.ok) {
      const e = parsed.error;
      const message =
        e.code === 'MONEY.UNKNOWN_CURRENCY'
          ? `currency ${currency} is not supported`
          : e.code === 'MONEY.TOO_MANY_FRACTION_DIGITS'
            ? `${currency} allows at most ${(e.data as { maxFractionDigits: number }).maxFractionDigits} ` +
              'fraction digits'
            : 'is not a plain decimal string';
      throw badInput({ [e.code === 'MONEY.UNKNOWN_CURRENCY' ? money.currencyColumn : money.arg]: message });
    }
    // Both databases keep 64-bit integers, but SQLite hands them to JavaScript as doubles: stay exact.
    if (parsed.value.minor > MAX_MINOR || parsed.value.minor < -MAX_MINOR) {
      throw badInput({ [money.arg]: `is out of range: at most ${MAX_MINOR} minor units (${currency})` });
    }
    values[money.column] = parsed.value.minor;
  }
  return values as Partial<E>;
}

export function toId(value: unknown, field = 'id'): number {
  const text = String(value);
  if (!/^[1-9]\d{0,15}$/.test(text)) throw badInput({ [field]: `"${text}" is not a record id` });
  return Number(text);
}

/** The arguments as given (id and version aside): what `current` will be once the patch applies. */
export function argsToColumnsShallow(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) if (v !== undefined && k !== 'id' && k !== 'version') out[k] = v;
  return out;
}
