// The contract's scalars: DateTime (ISO 8601, UTC), Money (decimal string, never a float) and JSON.
//
// Input is taken exactly as written or refused, never silently changed: a DateTime must name a real calendar
// date and time of day (no 30 February, no 24:00, years 1900–2999), and Money is never negative (no amount an
// operation takes has a meaning below zero: project amounts, pool base amounts, metric targets and actuals, rule and
// delegation limits, described cases). A refusal is BAD_USER_INPUT with `fieldErrors` naming the argument path:
// for a literal, `inputPathRule` (a validation rule) records where each value sits; for a variable, graphql-js
// names the variable and the path inside it, and formatError reads them (platform/errors.ts).
import { ASTVisitor, GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';

/** What a scalar refused, with the argument path of a literal value (a variable's path comes from graphql-js). */
export class InputValueProblem extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InputValueProblem';
  }
}

/** Where each literal string value of the operation sits: "input.validFrom", "at", "filter.from". */
const literalPaths = new WeakMap<ValueNode, string>();

function recordPaths(node: ValueNode, path: string): void {
  if (node.kind === Kind.STRING) literalPaths.set(node, path);
  else if (node.kind === Kind.OBJECT)
    for (const field of node.fields) recordPaths(field.value, `${path}.${field.name.value}`);
  else if (node.kind === Kind.LIST) node.values.forEach((item, i) => recordPaths(item, `${path}[${i}]`));
}

/**
 * A validation rule that only records the argument path of every literal string, on entering the argument, before
 * graphql-js's own check of the values (ValuesOfCorrectTypeRule) calls the scalars' parseLiteral on them.
 */
export function inputPathRule(): ASTVisitor {
  return {
    Argument(node) {
      recordPaths(node.value, node.name.value);
    },
  };
}

function refuse(message: string, node?: ValueNode): never {
  const field = node ? literalPaths.get(node) : undefined;
  throw new GraphQLError(field ? `${field}: ${message}` : message, {
    ...(node ? { nodes: node } : {}),
    originalError: new InputValueProblem(message, field),
    extensions: { code: 'BAD_USER_INPUT', ...(field ? { fieldErrors: { [field]: message } } : {}) },
  });
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2})))?$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

function daysInMonth(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;
}

function parseDateTime(value: unknown, node?: ValueNode): Date {
  const text = typeof value === 'string' ? value : '';
  const m = ISO_8601.exec(text);
  if (typeof value !== 'string' || !m) {
    refuse(
      `must be an ISO 8601 date or instant such as "2026-03-03" or "2026-03-03T08:00:00.000Z"; got ` +
        `${JSON.stringify(value)}`,
      node,
    );
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR)
    refuse(`year ${m[1]} is outside ${MIN_YEAR}–${MAX_YEAR} (got ${JSON.stringify(value)})`, node);
  if (month < 1 || month > 12) refuse(`month ${m[2]} does not exist (got ${JSON.stringify(value)})`, node);
  if (day < 1 || day > daysInMonth(year, month))
    refuse(`${m[1]}-${m[2]} has no day ${m[3]} (got ${JSON.stringify(value)})`, node);
  if (m[4] !== undefined) {
    if (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59)) {
      refuse(
        `${m[4]}:${m[5]}${m[6] !== undefined ? `:${m[6]}` : ''} is not a time of day (00:00 to 23:59:59; ` +
          `got ${JSON.stringify(value)})`,
        node,
      );
    }
    if (m[8] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59))
      refuse(`offset ${m[7]} is not a UTC offset (got ${JSON.stringify(value)})`, node);
  }
  const date = new Date(text);
  const utcYear = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || utcYear < MIN_YEAR || utcYear > MAX_YEAR)
    refuse(`${JSON.stringify(value)} is outside ${MIN_YEAR}–${MAX_YEAR} in UTC`, node);
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant in ISO 8601, always returned in UTC, e.g. "2026-03-03T08:00:00.000Z". Input may carry an ' +
    'offset or be a date (UTC midnight).',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date.');
    return date.toISOString();
  },
  parseValue: (value) => parseDateTime(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) refuse('a DateTime must be written as a string', ast);
    return parseDateTime(ast.value, ast);
  },
});

const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

function parseMoneyString(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string')
    refuse('Money must be a decimal string such as "5000000.00" (never a number, to keep it exact)', node);
  if (!DECIMAL.test(value))
    refuse(`"${value}" is not a plain decimal string (digits and an optional ".", no separators)`, node);
  if (value.startsWith('-')) refuse(`may not be negative (got "${value}")`, node);
  return value;
}

export const MoneyScalar = new GraphQLScalarType<string, string>({
  name: 'Money',
  description:
    'An amount as a plain decimal string in the currency\'s minor-unit precision, e.g. "5000000.00"; never ' +
    'a float. The currency is a separate field.',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'bigint') return value.toString();
    throw new GraphQLError('Money cannot represent a non-string value.');
  },
  parseValue: (value) => parseMoneyString(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      return parseMoneyString(ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? Number(ast.value) : null, ast);
    return parseMoneyString(ast.value, ast);
  },
});

export const JSONScalar = GraphQLJSON;
