// What the records provider (ra-data-graphql-simple) learns of the API's schema: everything but the fields it must
// never select by itself.
import type { introspectSchema } from 'ra-data-graphql';

type Schema = NonNullable<Parameters<typeof introspectSchema>[1]['schema']>;

interface SchemaTypeRef {
  kind: string;
  name?: string | null;
  ofType?: SchemaTypeRef | null;
}

/**
 * Types no generic query selects: a record's `history` ([AuthorityChange!]!, every version with the record before
 * and after) is read only by its History tab (history/HistoryTab.tsx, operations.history), never by lists, forms or
 * the records mutations return.
 */
const NEVER_SELECTED: ReadonlySet<string> = new Set(['AuthorityChange']);

function namedType(type: SchemaTypeRef): string | null | undefined {
  return type.ofType ? namedType(type.ofType) : type.name;
}

/** The schema without the fields of the NEVER_SELECTED types on record types (root operations unchanged). */
export function withoutHistoryFields(schema: Schema): Schema {
  const roots = new Set([schema.queryType?.name, schema.mutationType?.name, schema.subscriptionType?.name]);
  return {
    ...schema,
    types: schema.types.map((type) =>
      'fields' in type && type.fields && !roots.has(type.name)
        ? {
            ...type,
            fields: type.fields.filter((f) => !NEVER_SELECTED.has(namedType(f.type as SchemaTypeRef) ?? '')),
          }
        : type,
    ),
  } as Schema;
}
