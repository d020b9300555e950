// What a query selects below a field: the fields through fragments (skip/include honoured), the nested fields of a
// record type it reaches, and whether a nested record's selection needs only its own columns.
import {
  FieldNode,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLResolveInfo,
  GraphQLSkipDirective,
  Kind,
  SelectionSetNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from './rows';

function included(node: FieldNode | { directives?: FieldNode['directives'] }, info: GraphQLResolveInfo): boolean {
  if (!node.directives?.length) return true;
  const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
  return include?.if !== false;
}

/** The fields of a selection set, through fragments, as the executor would merge them (skip/include honoured). */
export function fieldsOf(
  selectionSet: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  out: FieldNode[] = [],
): FieldNode[] {
  for (const selection of selectionSet?.selections ?? []) {
    if (!included(selection, info)) continue;
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, info, out);
    else fieldsOf(info.fragments[selection.name.value]?.selectionSet, info, out);
  }
  return out;
}

/** The nodes below `nodes` by field name (one name may be selected more than once, under aliases). */
export function subfields(nodes: readonly FieldNode[], info: GraphQLResolveInfo): Map<string, FieldNode[]> {
  const byName = new Map<string, FieldNode[]>();
  for (const node of nodes) {
    for (const field of fieldsOf(node.selectionSet, info)) {
      const list = byName.get(field.name.value);
      if (list) list.push(field);
      else byName.set(field.name.value, [field]);
    }
  }
  return byName;
}

/**
 * The GraphQL fields of an entity class that return one of its columns as it is: declared with `@Field` on the column
 * property (same name, no middleware), with no field resolver of that name. Computed once per class.
 */
type Class = abstract new (...args: never[]) => unknown;

const PLAIN = new Map<Class, Set<string>>();

function plainFieldsOf(entity: Class): Set<string> {
  let plain = PLAIN.get(entity);
  if (plain) return plain;
  // The class and the classes it extends (fields and resolvers may be declared on any of them).
  const classes: unknown[] = [];
  for (let c: unknown = entity; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c))
    classes.push(c);
  const storage = getMetadataStorage();
  const resolved = new Set(
    storage.fieldResolvers
      .filter((r) => {
        const type = r.getObjectType?.();
        return type !== undefined && classes.includes(type);
      })
      .map((r) => r.schemaName),
  );
  plain = new Set(
    storage.fields
      .filter(
        (f) =>
          classes.includes(f.target) &&
          f.name === f.schemaName &&
          !f.middlewares?.length &&
          !f.roles?.length &&
          !resolved.has(f.schemaName),
      )
      .map((f) => f.name),
  );
  PLAIN.set(entity, plain);
  return plain;
}

/**
 * The columns a nested record needs when the query selects only fields that return its own columns (plus its id);
 * null when it selects anything else (a field resolver may read any column: the whole record is read then).
 */
export function columnsSelected(
  info: GraphQLResolveInfo,
  parentType: string,
  field: string,
  nodes: readonly FieldNode[],
  metadata: EntityMetadata,
): ColumnMetadata[] | null {
  const type = info.schema.getType(parentType);
  const definition = type instanceof GraphQLObjectType ? type.getFields()[field] : undefined;
  const target = definition ? getNamedType(definition.type) : undefined;
  if (!(target instanceof GraphQLObjectType) || typeof metadata.target !== 'function') return null;
  const plain = plainFieldsOf(metadata.target as Class);
  const columns = new Set<ColumnMetadata>(metadata.primaryColumns);
  for (const node of fieldsOf(
    { kind: Kind.SELECTION_SET, selections: nodes.flatMap((n) => n.selectionSet?.selections ?? []) },
    info,
  )) {
    const name = node.name.value;
    if (name === '__typename') continue;
    const column = plain.has(name) ? metadata.findColumnWithPropertyName(name) : undefined;
    if (!column) return null;
    columns.add(column);
  }
  return [...columns];
}
