// Errors a client sees: stable `extensions.code`, an actionable message; everything else is masked.
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { InputValueProblem } from './scalars';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RECORD_IN_USE'
  | 'APPEND_ONLY'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INTERNAL_SERVER_ERROR';

/** An expected failure: its code and message reach the client unchanged. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode | string, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extra, code } });
    this.name = 'AppError';
  }
}

export const unauthenticated = () =>
  new AppError(
    'UNAUTHENTICATED',
    'Sign in first: call the `login` mutation and send its token as "Authorization: Bearer <token>".',
  );

export const forbidden = (message: string) => new AppError('FORBIDDEN', message);

export const notFound = (type: string, id: string | number) =>
  new AppError('NOT_FOUND', `${type} ${id} does not exist, or is outside what you may see.`, { type, id: String(id) });

export const conflict = (type: string, id: string | number, expected: number, actual?: number) =>
  new AppError(
    'CONFLICT',
    `${type} ${id} was changed by someone else (you sent version ${expected}` +
      `${actual !== undefined ? `, it is now at version ${actual}` : ''}). Reload it and apply your change ` +
      `again.`,
    { type, id: String(id), expectedVersion: expected, ...(actual !== undefined ? { actualVersion: actual } : {}) },
  );

/** A bad argument: `fieldErrors` maps argument names to what is wrong with them. */
export const badInput = (fieldErrors: Record<string, string>, message?: string) =>
  new AppError(
    'BAD_USER_INPUT',
    message ??
      Object.entries(fieldErrors)
        .map(([f, m]) => `${f}: ${m}`)
        .join('; '),
    { fieldErrors },
  );

/**
 * The caller sent an idempotency key again with a different request. `recordType`/`recordId` name what the key
 * produced first (a Decision; or "Request" and the key for an `Idempotency-Key` header).
 */
export const idempotencyKeyReused = (recordType: string, recordId: string | number, detail: string) =>
  new AppError(
    'IDEMPOTENCY_KEY_REUSED',
    `This idempotency key was already used for ${recordType} ${recordId} with a different request (` +
      `${detail}). A key stands for one request: repeat that request unchanged to get its answer again, or ` +
      `use a new key for a new request.`,
    { recordType, recordId: String(recordId) },
  );

export const unavailable = () =>
  new AppError('SERVICE_UNAVAILABLE', 'The database is not reachable right now; retry in a few seconds.');

/** No pooled database connection became free in time: the server is busy, not down. */
export class DatabaseBusyError extends Error {
  readonly code = 'DB_ACQUIRE_TIMEOUT';
  constructor(readonly waitedMs: number) {
    super(`no database connection became free within ${waitedMs} ms`);
    this.name = 'DatabaseBusyError';
  }
}

/** A programming error: a pooled connection was asked for while the request holds a transaction. */
export class TransactionLeakError extends Error {
  constructor() {
    super(
      'a second database connection was requested inside a transaction: read through the transaction ' +
        '(ctx.db.manager / the em passed to the work)',
    );
    this.name = 'TransactionLeakError';
  }
}

export const busy = (waitedMs: number) =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    `The server is busy: no database connection became free within ${Math.round(waitedMs / 100) / 10} s. ` +
      `Retry in a moment.`,
    {
      retryAfterSeconds: 1,
    },
  );

const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Driver messages of a lost or closed connection (alternatives of one case-insensitive pattern). */
const CONNECTION_LOST_MESSAGE = new RegExp(
  [
    'Pool is closed',
    'Connection lost',
    'connect ECONNREFUSED',
    "Can't add new command when connection is in closed state",
    'The server closed the connection',
    'DataSource is not initialized',
    'not yet established',
    'database connection is not open',
    'Connection is not established',
  ].join('|'),
  'i',
);

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_ACCESS_DENIED_ERROR',
  'POOL_CLOSED',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
]);

function errorCodeOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as { code?: unknown; driverError?: { code?: unknown }; cause?: unknown };
  if (typeof e.code === 'string') return e.code;
  if (e.driverError && typeof e.driverError.code === 'string') return e.driverError.code;
  return undefined;
}

/** True for errors that mean "too many requests are waiting for the database" (not that it is down). */
export function isBusyError(error: unknown): boolean {
  if (error instanceof DatabaseBusyError) return true;
  const message = error instanceof Error ? error.message : '';
  return /Queue limit reached/i.test(message);
}

/** True for errors that mean "the database is gone", not "the query is wrong". */
export function isConnectionError(error: unknown): boolean {
  if (isBusyError(error)) return false;
  const code = errorCodeOf(error);
  if (code && CONNECTION_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return CONNECTION_LOST_MESSAGE.test(message);
}

function isForeignKeyViolation(error: unknown): boolean {
  const code = errorCodeOf(error);
  return (
    code === 'ER_ROW_IS_REFERENCED_2' ||
    code === 'ER_ROW_IS_REFERENCED' ||
    code === 'ER_NO_REFERENCED_ROW_2' ||
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  );
}

function isUniqueViolation(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function fieldErrorsOf(errors: ValidationError[], prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const e of errors) {
    const name = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) result[name] = Object.values(e.constraints).join('; ');
    if (e.children?.length) Object.assign(result, fieldErrorsOf(e.children, name));
  }
  return result;
}

/** Classifies an error from a resolver: a known, client-safe error, or null (unknown: mask and log). */
export function toClientError(error: unknown): GraphQLError | null {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) {
    const fieldErrors = fieldErrorsOf(original.extensions.validationErrors);
    return badInput(
      fieldErrors,
      `Invalid arguments: ${Object.entries(fieldErrors)
        .map(([f, m]) => `${f}: ${m}`)
        .join('; ')}`,
    );
  }
  if (original instanceof AppError) return original;
  if (isBusyError(original)) return busy(original instanceof DatabaseBusyError ? original.waitedMs : 0);
  if (isConnectionError(original)) return unavailable();
  if (isForeignKeyViolation(original)) {
    return new AppError(
      'RECORD_IN_USE',
      'Other records refer to this one (or a referenced record does not exist); remove or re-point them first.',
    );
  }
  if (isUniqueViolation(original))
    return new AppError('CONFLICT', 'A record with the same unique value already exists; choose another value.');
  if (original instanceof GraphQLError) {
    const code = original.extensions?.code;
    if (typeof code === 'string' && (PASS_THROUGH.has(code) || code === 'SERVICE_UNAVAILABLE')) return original;
    // graphql-js execution errors (e.g. non-null)
    if (code === undefined && original.originalError === undefined) return original;
  }
  return null;
}

/**
 * A value a scalar refused (a DateTime or Money argument), as BAD_USER_INPUT naming the field: a literal's argument
 * path comes with the problem; for a variable, graphql-js's message names it (`Variable "$input" got invalid value
 * … at "input.validFrom"`, or just the variable).
 */
function scalarInputError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  // graphql-js and Apollo wrap the scalar's error once or twice: follow originalError down to the problem.
  let problem: unknown = error;
  for (let i = 0; i < 4 && problem instanceof Error && !(problem instanceof InputValueProblem); i++)
    problem = (problem as { originalError?: unknown }).originalError;
  if (!(problem instanceof InputValueProblem)) return null;
  const variable = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value .*?(?: at "([^"]+)")?; /s.exec(
    formatted.message,
  );
  const field = problem.field ?? variable?.[2] ?? variable?.[1] ?? 'input';
  return {
    message: formatted.message,
    locations: formatted.locations,
    extensions: { code: 'BAD_USER_INPUT', fieldErrors: { [field]: problem.message } },
  };
}

/**
 * Apollo's formatError: known errors pass (without stack traces), unknown ones become a masked INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const scalar = scalarInputError(formatted, error);
  if (scalar) return scalar;
  const known = toClientError(error);
  if (known) {
    const {
      stacktrace: _s,
      http: _h,
      ...extensions
    } = { ...(formatted.extensions ?? {}), ...((known.extensions ?? {}) as Record<string, unknown>) };
    return { message: known.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  // Parse and validation errors raised by graphql-js or Apollo itself (no driver or runtime error behind them).
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  if (
    typeof code === 'string' &&
    PASS_THROUGH.has(code) &&
    !(original instanceof Error && !(original instanceof GraphQLError))
  ) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error. It has been logged; quote the X-Request-Id response header when you report it.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
