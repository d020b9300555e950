// A small fetch-based GraphQL client: sign-in (in the entry chunk) and the operations that are not records.
import { clearSession, loadSession, Session, signInPending } from '../auth/session';
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

/** One reason of a refusal, as the API sends it (apps/api/README.md, "Refusals"). */
export interface RefusalReason {
  code: string;
  message: string;
  data: Record<string, unknown> | null;
  /** The argument (form field) the reason is about; null when none. */
  field: string | null;
}

/** The reasons of a refusal (`extensions.reasons`); empty when the error has none. */
export function reasonsOf(extensions: Record<string, unknown> | undefined): RefusalReason[] {
  return Array.isArray(extensions?.reasons) ? (extensions.reasons as RefusalReason[]) : [];
}

/** Reads the field errors of a BAD_USER_INPUT error, whichever of the usual shapes the API chose. */
export function fieldErrorsOf(extensions: Record<string, unknown> | undefined): FieldErrors {
  const result: FieldErrors = {};
  if (!extensions) return result;
  // A domain refusal's reasons, each beside the argument the API says it is about.
  for (const { field, message: said } of reasonsOf(extensions)) {
    if (field && said) result[field] = result[field] ? `${result[field]}; ${said}` : said;
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
  if (typeof extensions.field === 'string' && Object.keys(result).length === 0) {
    result[extensions.field] = String(extensions.message ?? '');
  }
  return result;
}

export function toRequestError(errors: RawGraphQLError[]): GraphQLRequestError {
  const first = errors[0] ?? { message: 'Unknown error' };
  const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  return new GraphQLRequestError(first.message, code, fieldErrorsOf(first.extensions), undefined, {
    ...(first.extensions ?? {}),
    code,
  });
}

export function authHeaders(session: Session | null): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': currentLocale() };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  return headers;
}

/**
 * One GraphQL request with the session's token. While a sign-in is pending the request waits for its session
 * (auth/session.ts); `signingIn` marks the sign-in's own request, which is sent at once.
 */
export async function gqlRequest<T>(
  query: string,
  variables: Record<string, unknown> = {},
  { signingIn = false }: { signingIn?: boolean } = {},
): Promise<T> {
  // Sent in this turn unless a sign-in is pending (the dashboard's early request goes out beside the portal's code).
  const pending = signingIn ? null : signInPending();
  const session = signingIn ? null : pending ? await pending : loadSession();
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders(session) },
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
