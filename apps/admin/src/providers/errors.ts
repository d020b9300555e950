// How API failures reach react-admin, and how records are cleaned before forms send them back.
import { HttpError } from 'react-admin';
import { fieldErrorsOf } from '../graphql/client';
import { currentLocale } from '../i18n/locale';
import { describeApiError, localizeErrors } from './apiMessages';

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
    (unknownResource
      ? 'UNKNOWN_RESOURCE'
      : statusCode === 401
        ? 'UNAUTHENTICATED'
        : network || statusCode
          ? 'NETWORK_ERROR'
          : 'INTERNAL_SERVER_ERROR');
  const extensions = { ...(first?.extensions ?? {}), code };
  const locale = currentLocale();
  const errors = localizeErrors(locale, extensions, fieldErrorsOf(first?.extensions));
  const status =
    code === 'UNAUTHENTICATED'
      ? 401
      : code === 'FORBIDDEN'
        ? 403
        : code === 'CONFLICT'
          ? 409
          : code === 'BAD_USER_INPUT'
            ? 400
            : (statusCode ?? 500);
  const detail = first?.message ?? e.message;
  // Shown in the reader's language (the code's message with its data); only a code we have no words for shows the
  // API's own message. Refusals tied to fields are shown beside them, in the reader's language too.
  const message = describeApiError(locale, {
    code,
    extensions,
    detail,
    hasFieldErrors: Object.keys(errors).length > 0,
  });
  return new HttpError(message, status, { code, errors, detail, extensions });
}

/**
 * Removes Apollo's `__typename` from records: forms send records back as mutation arguments, and input types
 * refuse it. (Turning addTypename off instead breaks the fragments of the introspection query.)
 */
export function withoutTypename<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutTypename) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== '__typename')
        .map(([k, v]) => [k, withoutTypename(v)]),
    ) as T;
  }
  return value;
}
