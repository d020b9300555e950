// A small fetch-based GraphQL client: sign-in (in the entry chunk) and the operations that are not records.
import { clearSession, loadSession } from '../auth/session';
import { currentLocale } from '../i18n/locale';

export const GRAPHQL_URL = '/graphql';

/** A field name → message (or message key) map, from a BAD_USER_INPUT error. */
export type FieldErrors = Record<string, string>;

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fieldErrors: FieldErrors = {},
    readonly status?: number,
    /** The error's `extensions` (the data its message names). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

interface RawGraphQLError {
  message: string;
  extensions?: Record<string, unknown> & { code?: string };
}

/** The form field each domain refusal is about (the API sends `extensions.reasons` with codes like DELEGATION.EXCEEDS_LIMIT). */
const DELEGATION_FIELDS: Record<string, string> = {
  EXCEEDS_LIMIT: 'limit',
  EXCEEDS_SCOPE: 'scopeOrgUnitId',
  EXCEEDS_POINTS: 'decisionPoints',
  EXCEEDS_GRADES: 'grades',
  CURRENCY_MISMATCH: 'currency',
  INVALID_WINDOW: 'validTo',
  WINDOW_OUTSIDE_SOURCE: 'validFrom',
  DELEGATE_NOT_QUALIFIED: 'delegateId',
  SELF_DELEGATION: 'delegateId',
  DELEGATOR_NOT_HOLDER: 'delegatorId',
  EXCEEDS_DEPTH: 'redelegableDepth',
  INVALID_DEPTH: 'redelegableDepth',
  DEPTH_EXHAUSTED: 'sourceDelegationId',
  CHAIN_TOO_DEEP: 'sourceDelegationId',
  CYCLE: 'delegateId',
  MISSING_REASON: 'reason',
  UNKNOWN_SOURCE: 'sourceRuleId',
};
/** An authorization denial (recording a decision) is about the person deciding. */
const DENIAL_CODES = new Set([
  'AMOUNT_OVER_LIMIT',
  'OUT_OF_SCOPE',
  'GRADE_NOT_COVERED',
  'POINT_NOT_COVERED',
  'NOT_IN_FORCE',
  'REVOKED',
  'DELEGATOR_LOST_SOURCE',
  'DELEGATE_NOT_QUALIFIED',
  'CONFLICT_OF_INTEREST',
  'CURRENCY_MISMATCH',
  'CHAIN_TOO_DEEP',
  'NO_AUTHORITY',
]);

export function fieldOfReason(code: string): string | undefined {
  if (code.startsWith('DELEGATION.')) return DELEGATION_FIELDS[code.slice('DELEGATION.'.length)];
  return DENIAL_CODES.has(code) ? 'deciderId' : undefined;
}

/** Reads the field errors of a BAD_USER_INPUT error, whichever of the usual shapes the API chose. */
export function fieldErrorsOf(extensions: Record<string, unknown> | undefined, message?: string): FieldErrors {
  const result: FieldErrors = {};
  if (!extensions) return result;
  if (Array.isArray(extensions.reasons)) {
    for (const reason of extensions.reasons as Array<{ code?: string; message?: string }>) {
      const field = fieldOfReason(String(reason.code ?? ''));
      if (field && reason.message)
        result[field] = result[field] ? `${result[field]}; ${reason.message}` : reason.message;
    }
  }
  const candidates = [extensions.fieldErrors, extensions.fields, extensions.errors, extensions.validationErrors];
  for (const candidate of candidates) {
    if (Array.isArray(candidate)) {
      for (const item of candidate as Array<Record<string, unknown>>) {
        const field = (item.field ?? item.property ?? item.path) as string | undefined;
        const constraints = item.constraints as Record<string, string> | undefined;
        const message =
          (item.message as string | undefined) ?? (constraints ? Object.values(constraints).join('; ') : undefined);
        if (field && message) result[String(field)] = message;
      }
    } else if (candidate && typeof candidate === 'object') {
      for (const [field, message] of Object.entries(candidate as Record<string, unknown>)) {
        result[field] = Array.isArray(message) ? message.join('; ') : String(message);
      }
    }
  }
  // A staffing refusal is about the person appointed.
  if (typeof extensions.code === 'string' && extensions.code.startsWith('STAFFING.') && message) {
    result.personId = message;
  }
  if (typeof extensions.field === 'string' && Object.keys(result).length === 0) {
    result[extensions.field] = String(extensions.message ?? '');
  }
  return result;
}

export function toRequestError(errors: RawGraphQLError[]): GraphQLRequestError {
  const first = errors[0] ?? { message: 'Unknown error' };
  const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  return new GraphQLRequestError(first.message, code, fieldErrorsOf(first.extensions, first.message), undefined, {
    ...(first.extensions ?? {}),
    code,
  });
}

export function authHeaders(): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': currentLocale() };
  const session = loadSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  return headers;
}

export async function gqlRequest<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new GraphQLRequestError(error instanceof Error ? error.message : String(error), 'NETWORK_ERROR');
  }
  let body: { data?: T; errors?: RawGraphQLError[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLRequestError(
      `HTTP ${response.status}`,
      response.status === 401 ? 'UNAUTHENTICATED' : 'NETWORK_ERROR',
      {},
      response.status,
    );
  }
  if (body.errors?.length) {
    const error = toRequestError(body.errors);
    if (error.code === 'UNAUTHENTICATED' && loadSession()) clearSession();
    throw error;
  }
  if (!body.data) throw new GraphQLRequestError(`HTTP ${response.status}`, 'NETWORK_ERROR', {}, response.status);
  return body.data;
}
