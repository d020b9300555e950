// Records through ra-data-graphql-simple (the API follows its naming); the portal's own operations beside them.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import { DataProvider, HttpError } from 'react-admin';
import { authHeaders, fieldErrorsOf, GRAPHQL_URL } from '../graphql/client';
import { withComposites } from './composites';
import { operations } from './operations';

const withSessionHeaders = new ApolloLink((operation, forward) => {
  operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, ...authHeaders() } }));
  return forward(operation);
});

export const apolloClient = new ApolloClient({
  link: withSessionHeaders.concat(new HttpLink({ uri: GRAPHQL_URL })),
  cache: new InMemoryCache(),
  defaultOptions: { query: { fetchPolicy: 'network-only' }, watchQuery: { fetchPolicy: 'network-only' } },
});

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
  const code =
    first?.extensions?.code ??
    (statusCode === 401 ? 'UNAUTHENTICATED' : network || statusCode ? 'NETWORK_ERROR' : 'INTERNAL_SERVER_ERROR');
  const errors = fieldErrorsOf(first?.extensions);
  const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'CONFLICT' ? 409 : code === 'BAD_USER_INPUT' ? 400 : statusCode ?? 500;
  const message = `errors.${code}`;
  return new HttpError(message, status, { code, errors, detail: first?.message ?? e.message });
}

const records = buildGraphQLProvider({ client: apolloClient });

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

function catching<T extends (...args: never[]) => Promise<unknown>>(method: T, clean: boolean): T {
  return (async (...args: Parameters<T>) => {
    try {
      const result = await method(...args);
      return clean ? withoutTypename(result) : result;
    } catch (error) {
      throw toHttpError(error);
    }
  }) as T;
}

const wrapped = Object.fromEntries(
  Object.entries(records).map(([name, value]) => [
    name,
    typeof value === 'function' ? catching(value as () => Promise<unknown>, name !== 'getIntrospection') : value,
  ]),
) as DataProvider;

interface IntrospectedField { name: string; args: Array<{ name: string }> }

/** Whether the API's create/update mutation of a resource takes an argument (from the introspection). */
async function mutationAccepts(resource: string, method: 'create' | 'update', arg: string): Promise<boolean> {
  try {
    const result = (await wrapped.getIntrospection?.()) as { queries?: IntrospectedField[] } | undefined;
    return Boolean(result?.queries?.find((q) => q.name === `${method}${resource}`)?.args.some((a) => a.name === arg));
  } catch {
    return false;
  }
}

export const dataProvider: DataProvider & typeof operations = { ...withComposites(wrapped, mutationAccepts), ...operations };
