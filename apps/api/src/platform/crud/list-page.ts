// A page of a list in one statement: the records, the total its count asks for (react-admin asks `allX` and
// `_allXMeta` together), and the nested records the query selects (NestedField), which prime the request's loaders so
// that their field resolvers read nothing more. The page is chosen by the same filter, scope, order and paging as
// before; the total counts the same filtered, scoped rows.
import {
  FieldNode,
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLResolveInfo,
  GraphQLSkipDirective,
  Kind,
  SelectionSetNode,
} from 'graphql';
import { validate } from 'class-validator';
import type { EntityManager, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../context';
import { badInput } from '../errors';
import type { BaseRecord } from '../columns';
import { readableCondition } from '../scope';
import type { CrudSpec, NestedField } from './spec';
import { applyFilter, DEFAULT_PER_PAGE, ListArgs } from './list';
import { entityFromJson, entityFromRow, jsonArraySql, jsonObjectSql, selectedColumns, travelsAsJson } from './rows';

export interface Page<E> {
  rows: E[];
  /** The number of matching records; null when not asked for. */
  total: number | null;
}

export interface PageRequest {
  args: ListArgs;
  filter: object | null | undefined;
  /** The nested fields (names in spec.nested) to read with the page. */
  nested: readonly string[];
  withTotal: boolean;
}

/** The column and direction a list sorts by: `sortField` (a column, or a money field's minor units), then id. */
export function sortOf<E extends BaseRecord>(
  em: EntityManager,
  spec: CrudSpec<E>,
  args: ListArgs,
): { property: string; order: 'ASC' | 'DESC' } {
  const sortField = args.sortField ?? 'id';
  const columns = em.connection.getMetadata(spec.entity).columns;
  // Money fields sort by their minor units (e.g. amount → amountMinor).
  const property = spec.money?.find((m) => m.arg === sortField)?.column ?? sortField;
  if (!columns.some((c) => c.propertyName === property)) {
    const names = columns.map((c) => c.propertyName).join(', ');
    throw badInput({ sortField: `cannot sort ${spec.name} by "${sortField}"; use one of ${names}` });
  }
  return { property, order: (args.sortOrder ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC' };
}

/** Orders and pages a query on alias "r" as every list does: by the sort column, then by id. */
function orderAndPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  sort: { property: string; order: 'ASC' | 'DESC' },
  args: ListArgs,
): void {
  qb.orderBy(`r.${sort.property}`, sort.order);
  if (sort.property !== 'id') qb.addOrderBy('r.id', sort.order);
  const perPage = args.perPage ?? DEFAULT_PER_PAGE;
  qb.limit(perPage).offset((args.page ?? 0) * perPage);
}

interface NestedRead {
  sql: string;
  params: Record<string, unknown>;
  /** Hands the nested value read for `record` to the loader its field resolver asks. */
  prime(ctx: Context, record: ObjectLiteral, value: unknown): void;
}

function parsed(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // mysql2 may hand JSON over as text or already parsed; SQLite hands text.
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** The subquery that reads the nested records of the page row at alias "p", and how they prime the loader. */
async function nestedRead(
  ctx: Context,
  em: EntityManager,
  metadata: EntityMetadata,
  field: NestedField,
  index: number,
): Promise<NestedRead | null> {
  const target = field.entity();
  const nested = em.connection.getMetadata(target);
  if (!travelsAsJson(nested)) return null;
  const escape = (name: string) => em.connection.driver.escape(name);
  const alias = `n${index}`;
  const scope = await readableCondition(ctx, em, target, alias, `${alias}_`);
  const restricted = scope ? ` AND ${scope.sql}` : '';
  const object = jsonObjectSql(em, nested, alias);
  const table = `${escape(nested.tablePath)} ${escape(alias)}`;
  if (field.kind === 'one') {
    const own = metadata.findColumnWithPropertyName(field.column);
    if (!own) throw new Error(`${metadata.name} has no column ${field.column}`);
    const primed = new Set<number>();
    return {
      sql:
        `SELECT ${object} FROM ${table} WHERE ${escape(alias)}.${escape('id')} = ` +
        `${escape('p')}.${escape(own.databaseName)}${restricted}`,
      params: scope?.params ?? {},
      prime(requestCtx, record, value) {
        const key = record[field.column] as number | null | undefined;
        if (key === null || key === undefined || primed.has(Number(key))) return;
        const json = parsed(value) as Record<string, unknown> | null;
        primed.add(Number(key));
        requestCtx.loaders
          .byId(target)
          .prime(Number(key), json === null ? null : entityFromJson<BaseRecord>(em, nested, json));
      },
    };
  }
  const theirs = nested.findColumnWithPropertyName(field.column);
  if (!theirs) throw new Error(`${nested.name} has no column ${field.column}`);
  return {
    sql:
      `SELECT ${jsonArraySql(em, object)} FROM ${table} WHERE ${escape(alias)}.${escape(theirs.databaseName)} = ` +
      `${escape('p')}.${escape('id')}${restricted}`,
    params: scope?.params ?? {},
    prime(requestCtx, record, value) {
      const json = (parsed(value) ?? []) as Array<Record<string, unknown>>;
      const rows = json.map((item) => entityFromJson<BaseRecord>(em, nested, item)).sort((a, b) => a.id - b.id);
      requestCtx.loaders.manyBy(target, field.column as never).prime(Number(record.id), rows);
    },
  };
}

/**
 * Reads a page in one statement: the count (when asked) joined to the page, each page row with its nested records as
 * JSON. Shape: `SELECT c.total, p.*, (nested…) FROM (count) c LEFT JOIN (page) p ON 1 = 1 ORDER BY …`; the count row
 * is there even when the page is empty.
 */
export async function readPage<E extends BaseRecord>(
  ctx: Context,
  spec: CrudSpec<E>,
  request: PageRequest,
): Promise<Page<E>> {
  const em = ctx.db.manager;
  const metadata = em.connection.getMetadata(spec.entity);
  const escape = (name: string) => em.connection.driver.escape(name);
  const page = em.getRepository(spec.entity).createQueryBuilder('r');
  await applyFilter(page, spec, request.filter as Record<string, unknown> | undefined, ctx);
  const sort = sortOf(em, spec, request.args);
  const count = page.clone().select('COUNT(1)', 'total');
  page.select(
    selectedColumns(metadata).map((c) => `${escape('r')}.${escape(c.databaseName)} AS ${escape(c.databaseName)}`),
  );
  orderAndPage(page, sort, request.args);

  const reads: NestedRead[] = [];
  for (const name of request.nested) {
    const field = spec.nested?.[name];
    const read = field ? await nestedRead(ctx, em, metadata, field, reads.length) : null;
    if (read) reads.push(read);
  }
  const p = escape('p');
  const sortColumn = metadata.findColumnWithPropertyName(sort.property)!.databaseName;
  const order = [`${p}.${escape(sortColumn)} ${sort.order}`];
  if (sort.property !== 'id') order.push(`${p}.${escape('id')} ${sort.order}`);
  const select = [
    ...(request.withTotal ? [`${escape('c')}.${escape('total')} AS ${escape('__total')}`] : []),
    `${p}.*`,
    ...reads.map((read, i) => `(${read.sql}) AS ${escape(`__n${i}`)}`),
  ];
  const from = request.withTotal
    ? `(${count.getQuery()}) ${escape('c')} LEFT JOIN (${page.getQuery()}) ${p} ON 1 = 1`
    : `(${page.getQuery()}) ${p}`;
  const params = Object.assign({}, page.getParameters(), ...reads.map((read) => read.params)) as ObjectLiteral;
  const [sql, values] = em.connection.driver.escapeQueryWithParameters(
    `SELECT ${select.join(', ')} FROM ${from} ORDER BY ${order.join(', ')}`,
    params,
  );
  const raw = (await em.query(sql, values)) as ObjectLiteral[];
  let total: number | null = null;
  const rows: E[] = [];
  for (const row of raw) {
    if (request.withTotal) total = Number(row.__total);
    if (row.id === null || row.id === undefined) continue; // the count's row of an empty page
    const record = entityFromRow<E>(em, metadata, row);
    rows.push(record);
    reads.forEach((read, i) => {
      try {
        read.prime(ctx, record, row[`__n${i}`]);
      } catch {
        // Unreadable JSON (e.g. cut at MariaDB's group_concat_max_len): the field's loader reads it the ordinary way.
      }
    });
  }
  return { rows, total };
}

// ---- Which fields a query selects, and the list and count asked together --------------------------------------

function included(node: { directives?: readonly unknown[] }, info: GraphQLResolveInfo): boolean {
  if (!node.directives?.length) return true;
  const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, info.variableValues);
  return include?.if !== false;
}

/** The fields of a selection set, through fragments, as the executor would merge them (skip/include honoured). */
function fieldsOf(
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

/** The nested fields (of spec.nested) that the list field selects. */
export function selectedNested<E extends BaseRecord>(
  spec: CrudSpec<E>,
  nodes: readonly FieldNode[],
  info: GraphQLResolveInfo,
): string[] {
  if (!spec.nested) return [];
  const names = new Set<string>();
  for (const node of nodes) for (const field of fieldsOf(node.selectionSet, info)) names.add(field.name.value);
  return [...names].filter((name) => spec.nested![name] !== undefined);
}

/** JSON with sorted keys: two filters written in a different order are the same filter. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function argumentsOf(info: GraphQLResolveInfo, node: FieldNode): Record<string, unknown> | null {
  const definition = info.schema.getQueryType()?.getFields()[node.name.value];
  if (!definition) return null;
  try {
    return getArgumentValues(definition, node, info.variableValues);
  } catch {
    return null;
  }
}

/** The root fields of the query named `name` whose filter equals the one of the field being resolved. */
function siblings(info: GraphQLResolveInfo, name: string): FieldNode[] {
  if (info.parentType !== info.schema.getQueryType() || info.operation.operation !== 'query') return [];
  const own = argumentsOf(info, info.fieldNodes[0]!);
  if (!own) return [];
  const filter = stable(own.filter ?? null);
  return fieldsOf(info.operation.selectionSet, info).filter((node) => {
    if (node.name.value !== name) return false;
    const args = argumentsOf(info, node);
    return args !== null && stable(args.filter ?? null) === filter;
  });
}

// Kept on the context itself: Apollo shallow-copies the context per operation, so a WeakMap would miss it.
const PAGES = Symbol('listPages');

function pagesOf(ctx: Context): Map<FieldNode, Promise<Page<BaseRecord>>> {
  const holder = ctx as Context & { [PAGES]?: Map<FieldNode, Promise<Page<BaseRecord>>> };
  holder[PAGES] ??= new Map();
  return holder[PAGES];
}

/** The page a list field answers, read once per request (its count may have read it first). */
function pageFor<E extends BaseRecord>(ctx: Context, node: FieldNode, read: () => Promise<Page<E>>): Promise<Page<E>> {
  const pages = pagesOf(ctx);
  let pending = pages.get(node) as Promise<Page<E>> | undefined;
  if (!pending) {
    pending = read();
    pages.set(node, pending as Promise<Page<BaseRecord>>);
  }
  return pending;
}

/** A list field's page: with the total when the same query counts the same filter (`_all<Plural>Meta`). */
export function listPage<E extends BaseRecord>(
  ctx: Context,
  spec: CrudSpec<E>,
  args: ListArgs,
  filter: object | null | undefined,
  info: GraphQLResolveInfo,
): Promise<Page<E>> {
  return pageFor(ctx, info.fieldNodes[0]!, () =>
    readPage(ctx, spec, {
      args,
      filter,
      nested: selectedNested(spec, info.fieldNodes, info),
      withTotal: siblings(info, `_all${spec.plural}Meta`).length > 0,
    }),
  );
}

const VALIDATOR_OPTIONS = { forbidUnknownValues: false, skipMissingProperties: true };

/**
 * The total of a count field from the page of a list field with the same filter in the same query, read in the
 * page's statement; null when there is no such list (or its arguments are refused: the list reports that itself).
 */
export async function totalFromListPage<E extends BaseRecord>(
  ctx: Context,
  spec: CrudSpec<E>,
  filter: object | null | undefined,
  info: GraphQLResolveInfo,
): Promise<number | null> {
  const node = siblings(info, `all${spec.plural}`)[0];
  if (!node) return null;
  const { filter: _filter, ...given } = argumentsOf(info, node) ?? {};
  const args = Object.assign(new ListArgs(), given);
  if ((await validate(args, VALIDATOR_OPTIONS)).length > 0) return null;
  try {
    const page = await pageFor(ctx, node, () =>
      readPage(ctx, spec, { args, filter, nested: selectedNested(spec, [node], info), withTotal: true }),
    );
    return page.total;
  } catch {
    return null;
  }
}
