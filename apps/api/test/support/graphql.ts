// Writes GraphQL argument literals from plain values (enum values wrapped with `en`), and placeholder literals for any
// input type of the schema (the walks over every operation fill required arguments with them).
import { GraphQLInputType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';

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

/**
 * A literal of `type` that passes GraphQL validation: lists empty, enums their first value, input objects with their
 * required fields, scalars a fixed valid value (`id` for ID: an id that does or does not exist, as the walk needs).
 */
export function placeholderLiteral(type: GraphQLInputType, id = '"999999"'): string {
  if (isNonNullType(type)) return placeholderLiteral(type.ofType, id);
  if (isListType(type)) return '[]';
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${fields.map((f) => `${f.name}: ${placeholderLiteral(f.type, id)}`).join(', ')} }`;
  }
  if (!isScalarType(type)) return '"x"';
  switch (type.name) {
    case 'ID':
      return id;
    case 'Int':
    case 'Float':
      return '1';
    case 'Boolean':
      return 'false';
    case 'DateTime':
      return '"2026-01-01T00:00:00.000Z"';
    case 'Money':
      return '"1.00"';
    case 'JSON':
      return '{}';
    default:
      return '"x"';
  }
}
