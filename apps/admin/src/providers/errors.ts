// How API failures reach react-admin, and how records are cleaned before forms send them back.
import { HttpError } from 'react-admin';
import { fieldErrorsOf } from '../graphql/client';

/** The codes en.ts / zh-CN.ts have words for (errors.*). */
const GENERAL_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT', 'BAD_USER_INPUT', 'NOT_FOUND', 'NETWORK_ERROR', 'INTERNAL_SERVER_ERROR',
  'GRAPHQL_VALIDATION_FAILED', 'RECORD_IN_USE', 'APPEND_ONLY', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'UNKNOWN_RESOURCE',
]);

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> & { code?: string };
}

/**
 * Turns an Apollo failure into react-admin's HttpError: field errors go to `body.errors` (react-admin shows them
 * beside the inputs and keeps the form), the code to `body.code` (authProvider.checkError reads it).
 */
export function toHttpError(error: unknown): HttpError {
  type NetworkError = { statusCode?: number; result?: { errors?: GraphQLErrorLike[] } };
  type ApolloLike = { graphQLErrors?: GraphQLErrorLike[]; networkError?: NetworkError | null };
  const e = error as ApolloLike & { message?: string; status?: number; body?: ApolloLike };
  const source: ApolloLike = e.body && typeof e.body === 'object' && 'graphQLErrors' in e.body ? e.body : e;
  const network = source.networkError ?? undefined;
  const first = source.graphQLErrors?.[0] ?? network?.result?.errors?.[0];
  const statusCode = network?.statusCode ?? (e.body ? undefined : e.status);
  const unknownResource = !first && !network && /^Unknown resource/.test(e.message ?? '');
  const code =
    first?.extensions?.code ??
    (unknownResource ? 'UNKNOWN_RESOURCE' : statusCode === 401 ? 'UNAUTHENTICATED' : network || statusCode ? 'NETWORK_ERROR' : 'INTERNAL_SERVER_ERROR');
  const errors = fieldErrorsOf(first?.extensions, first?.message);
  const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'CONFLICT' ? 409 : code === 'BAD_USER_INPUT' ? 400 : statusCode ?? 500;
  const detail = first?.message ?? e.message;
  // The message is a key of our messages (shown in the reader's language), except where only the API's own
  // words say what is wrong: an input refused without field errors, a record still in use, a domain code
  // we have no words for (e.g. STAFFING.NOT_QUALIFIED). Refusals tied to fields point at them.
  const hasFields = Object.keys(errors).length > 0;
  const specific = !hasFields && (code === 'BAD_USER_INPUT' || code === 'RECORD_IN_USE' || code === 'APPEND_ONLY' || !GENERAL_CODES.has(code));
  const message = hasFields ? 'errors.BAD_USER_INPUT' : specific && detail ? detail : `errors.${code}`;
  return new HttpError(message, status, { code, errors, detail });
}


/**
 * Removes Apollo's `__typename` from records: forms send records back as mutation arguments, and input types
 * refuse it. (Turning addTypename off instead breaks the fragments of the introspection query.)
 */
export function withoutTypename<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutTypename) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '__typename').map(([k, v]) => [k, withoutTypename(v)])) as T;
  }
  return value;
}
