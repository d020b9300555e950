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

export const apolloClient = new ApolloClient({
  link: withSessionHeaders.concat(new HttpLink({ uri: GRAPHQL_URL })),
  cache: new InMemoryCache(),
  defaultOptions: { query: { fetchPolicy: 'network-only' }, watchQuery: { fetchPolicy: 'network-only' } },
});

type IntrospectionOptions = Parameters<typeof introspectSchema>[1];

/**
 * The API's live introspection, or — when the API has it turned off (GRAPHQL_INTROSPECTION=false) — the schema it
 * emitted at build time (apps/api/schema.graphql), loaded only then.
 */
export async function resolveIntrospection(client: typeof apolloClient, options: IntrospectionOptions) {
  try {
    return await introspectSchema(client, options);
  } catch (error) {
    // Deep imports: the graphql index is already in the portal chunk (Apollo), these two are not.
    const [{ buildSchema }, { introspectionFromSchema }] = await Promise.all([
      import('graphql/utilities/buildASTSchema'),
      import('graphql/utilities/introspectionFromSchema'),
    ]);
    const { default: sdl } = await import('../../../api/schema.graphql?raw');
    console.warn('GraphQL introspection failed; using the schema bundled with the portal.', error);
    return introspectSchema(client, { ...options, schema: introspectionFromSchema(buildSchema(sdl)).__schema });
  }
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
  ...withComposites(wrapped, mutationAccepts),
  ...operations,
};
