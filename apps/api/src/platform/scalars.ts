// The contract's scalars: DateTime (ISO 8601, UTC), Money (decimal string, never a float) and JSON.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_8601.test(value)) {
    throw new GraphQLError(`DateTime must be an ISO 8601 string such as "2026-03-03T08:00:00.000Z"; got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime ${JSON.stringify(value)} is not a real date.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in ISO 8601, always returned in UTC, e.g. "2026-03-03T08:00:00.000Z". Input may carry an offset or be a date (UTC midnight).',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date.');
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be written as a string.', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDateTime(ast.value);
  },
});

const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

function parseMoneyString(value: unknown): string {
  if (typeof value !== 'string') {
    throw new GraphQLError('Money must be a decimal string such as "5000000.00" (never a number, to keep it exact).', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (!DECIMAL.test(value)) {
    throw new GraphQLError(`Money "${value}" is not a plain decimal string (digits, optional "-" and ".", no separators).`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

export const MoneyScalar = new GraphQLScalarType<string, string>({
  name: 'Money',
  description: "An amount as a plain decimal string in the currency's minor-unit precision, e.g. \"5000000.00\"; never a float. The currency is a separate field.",
  serialize(value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'bigint') return value.toString();
    throw new GraphQLError('Money cannot represent a non-string value.');
  },
  parseValue: parseMoneyString,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) return parseMoneyString(ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? Number(ast.value) : null);
    return parseMoneyString(ast.value);
  },
});

export const JSONScalar = GraphQLJSON;
