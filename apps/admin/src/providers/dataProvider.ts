// Records through ra-data-graphql-simple (the API follows its naming); the portal's own operations beside them.
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import { introspectSchema } from 'ra-data-graphql';
import { DataProvider } from 'react-admin';
import { GRAPHQL_URL } from '../graphql/client';
import { withSessionHeaders } from '../graphql/sessionLink';
import { toHttpError, withoutTypename } from './errors';
import { withComposites } from './composites';
import { operations } from './operations';
import { withChange } from '../history/change';
import { withoutHistoryFields } from './introspection';

export const apolloClient = new ApolloClient({
  link: withSessionHeaders.concat(new HttpLink({ uri: GRAPHQL_URL })),
  cache: new InMemoryCache(),
  defaultOptions: { query: { fetchPolicy: 'network-only' }, watchQuery: { fetchPolicy: 'network-only' } },
});

type IntrospectionOptions = Parameters<typeof introspectSchema>[1];
type Schema = NonNullable<IntrospectionOptions['schema']>;

/**
 * The API's schema as it was built with this portal (vite.config.ts turns apps/api/schema.graphql into an
 * introspection answer at build time: no introspection query at sign-in; the API and the portal ship as one build),
 * without the `history` fields.
 */
export async function resolveIntrospection(client: typeof apolloClient, options: IntrospectionOptions) {
  const { default: schema } = await import('virtual:api-introspection');
  return introspectSchema(client, { ...options, schema: withoutHistoryFields(schema as unknown as Schema) });
}

// `resolveIntrospection` is read by ra-data-graphql (its default is introspectSchema) but missing from its Options
// type.
const records = buildGraphQLProvider({ client: apolloClient, resolveIntrospection } as Parameters<
  typeof buildGraphQLProvider
>[0]);

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

interface IntrospectedField {
  name: string;
  args: Array<{ name: string }>;
}

interface IntrospectedTypeRef {
  kind: string;
  name: string | null;
  ofType?: IntrospectedTypeRef | null;
}

/**
 * Fields a list never selects: they cost too much per row for the API's query-cost limit (a pool's typed traces are
 * some 40 nested fields); the record's own page (getOne) reads them.
 */
const NOT_IN_LISTS: Readonly<Record<string, readonly string[]>> = { IncentivePool: ['funding', 'allocation'] };

type SparseField = string | Record<string, string[]>;

function namedKind(type: IntrospectedTypeRef): string {
  return type.ofType ? namedKind(type.ofType) : type.kind;
}

/** The fields a list of `resource` selects (as ra-data-graphql-simple's sparseFields), or undefined: all of them. */
async function listFields(resource: string): Promise<SparseField[] | undefined> {
  const excluded = NOT_IN_LISTS[resource];
  if (!excluded) return undefined;
  const introspection = (await records.getIntrospection?.()) as
    { types?: Array<{ name: string; fields?: Array<{ name: string; type: IntrospectedTypeRef }> | null }> } | undefined;
  const fields = introspection?.types?.find((t) => t.name === resource)?.fields ?? [];
  return fields
    .filter((f) => !excluded.includes(f.name))
    .map((f) => (namedKind(f.type) === 'OBJECT' ? { [f.name]: ['id'] } : f.name));
}

/** getList, getMany and getManyReference without the fields lists never select (NOT_IN_LISTS). */
function withListFields(provider: DataProvider): DataProvider {
  const sparse = async <P extends { meta?: { sparseFields?: SparseField[] } }>(resource: string, params: P) => {
    const sparseFields = params.meta?.sparseFields ?? (await listFields(resource));
    return sparseFields ? { ...params, meta: { ...params.meta, sparseFields } } : params;
  };
  return {
    ...provider,
    getList: async (resource, params) => provider.getList(resource, await sparse(resource, params)),
    getMany: async (resource, params) => provider.getMany(resource, await sparse(resource, params)),
    getManyReference: async (resource, params) => provider.getManyReference(resource, await sparse(resource, params)),
  };
}

/** Whether the API's create/update mutation of a resource takes an argument (from the introspection). */
async function mutationAccepts(resource: string, method: 'create' | 'update', arg: string): Promise<boolean> {
  try {
    const result = (await wrapped.getIntrospection?.()) as { queries?: IntrospectedField[] } | undefined;
    return Boolean(result?.queries?.find((q) => q.name === `${method}${resource}`)?.args.some((a) => a.name === arg));
  } catch {
    return false;
  }
}

export const dataProvider: DataProvider & typeof operations = {
  ...withChange(withComposites(withListFields(wrapped), mutationAccepts)),
  ...operations,
};
