// A page of a list in one statement: the records, the total its count asks for (react-admin asks `allX` and
// `_allXMeta` together), and the nested records the query selects (NestedField), carried by the page's records to
// their field resolvers. The page is chosen by the same filter, scope, order and paging as before; the total counts
// the same filtered, scoped rows; a nested record is read in the caller's scope as its loader would read it.
import { FieldNode, getArgumentValues, GraphQLResolveInfo } from 'graphql';
import { validate } from 'class-validator';
import type { EntityManager, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../context';
import { badInput } from '../errors';
import type { BaseRecord } from '../columns';
import { readableCondition } from '../scope';
import { loggedTypeOfTable } from '../change-log/registry';
import type { CrudSpec, NestedField } from './spec';
import { applyFilter, DEFAULT_PER_PAGE, ListArgs } from './list';
import {
  ColumnMetadata,
  entityFromJson,
  entityFromRow,
  jsonArraySql,
  jsonObjectSql,
  selectedColumns,
  travelsAsJson,
} from './rows';
import { columnsSelected, fieldsOf, subfields } from './selection';

export interface Page<E> {
  rows: E[];
  /** The number of matching records; null when not asked for. */
  total: number | null;
}

export interface PageRequest {
  args: ListArgs;
  filter: object | null | undefined;
  /** The nested fields (of spec.nested) to read with the page, with the query's nodes that select them. */
  nested: ReadonlyMap<string, readonly FieldNode[]>;
  /** The query's resolve info (what the nested nodes select); without it, nested records are read whole. */
  info?: GraphQLResolveInfo;
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
  /** Gives `record` the nested value read with it (for its field resolver). */
  attach(record: ObjectLiteral, value: unknown): void;
}

/** Nested values a page's records carry, by field name; read by the nested fields' resolvers (carriedNested). */
const CARRIED = new WeakMap<object, Map<string, unknown>>();

function carry(record: object, field: string, value: unknown): void {
  let carried = CARRIED.get(record);
  if (!carried) {
    carried = new Map();
    CARRIED.set(record, carried);
  }
  carried.set(field, value);
}

/** The nested value `record` was read with (a record or null, or a list), or undefined when it was not. */
export function carriedNested(record: object, field: string): unknown {
  return CARRIED.get(record)?.get(field);
}

function parsed(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // mysql2 may hand JSON over as text or already parsed; SQLite hands text.
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/**
 * The subquery that reads the nested records of the page row at alias "p" (only the columns the query selects, when
 * it selects nothing but columns), and how a record takes them.
 */
async function nestedRead(
  ctx: Context,
  em: EntityManager,
  metadata: EntityMetadata,
  name: string,
  field: NestedField,
  columns: readonly ColumnMetadata[] | null,
  index: number,
): Promise<NestedRead | null> {
  const target = field.entity();
  const nested = em.connection.getMetadata(target);
  if (!travelsAsJson(nested)) return null;
  const read = columns ?? selectedColumns(nested);
  const escape = (id: string) => em.connection.driver.escape(id);
  const alias = `n${index}`;
  const scope = await readableCondition(ctx, em, target, alias, `${alias}_`);
  const restricted = scope ? ` AND ${scope.sql}` : '';
  const object = jsonObjectSql(em, nested, alias, read);
  const table = `${escape(nested.tablePath)} ${escape(alias)}`;
  const params = scope?.params ?? {};
  if (field.kind === 'one') {
    const own = metadata.findColumnWithPropertyName(field.column);
    if (!own) throw new Error(`${metadata.name} has no column ${field.column}`);
    return {
      sql:
        `SELECT ${object} FROM ${table} WHERE ${escape(alias)}.${escape('id')} = ` +
        `${escape('p')}.${escape(own.databaseName)}${restricted}`,
      params,
      attach(record, value) {
        const json = parsed(value) as Record<string, unknown> | null;
        carry(record, name, json === null ? null : entityFromJson<BaseRecord>(em, nested, json, read));
      },
    };
  }
  const theirs = nested.findColumnWithPropertyName(field.column);
  if (!theirs) throw new Error(`${nested.name} has no column ${field.column}`);
  return {
    sql:
      `SELECT ${jsonArraySql(em, object)} FROM ${table} WHERE ${escape(alias)}.${escape(theirs.databaseName)} = ` +
      `${escape('p')}.${escape('id')}${restricted}`,
    params,
    attach(record, value) {
      const json = (parsed(value) ?? []) as Array<Record<string, unknown>>;
      const rows = json.map((item) => entityFromJson<BaseRecord>(em, nested, item, read));
      // As the loader reads them: ordered by id.
      carry(
        record,
        name,
        rows.sort((a, b) => a.id - b.id),
      );
    },
  };
}

/**
 * Reads a page in one statement: the count (when asked) joined to the page, each page row with its nested records as
 * JSON. Shape: `SELECT c.total, p.*, (nested…) FROM (count) c LEFT JOIN (rows of the page's numbered keys) p ON 1 = 1`;
 * the count row is there even when the page is empty.
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
  // The page's keys first (filtered, scoped, ordered and limited: an index can give them without reading whole rows),
  // numbered in their order (a window over the page's keys only), then their rows by primary key. The statement has
  // no ORDER BY of its own: sorting rows that carry nested JSON made MariaDB sort them in an on-disk temporary table,
  // several times the cost of the rest. The rows are put in the keys' order here.
  const e = escape;
  const sortColumn = metadata.findColumnWithPropertyName(sort.property)!.databaseName;
  const keys = page.clone().select(`${e('r')}.${e('id')}`, 'id');
  if (sort.property !== 'id') keys.addSelect(`${e('r')}.${e(sortColumn)}`, 's');
  orderAndPage(keys, sort, request.args);
  const numbered = [`${e('k0')}.${e('s')} ${sort.order}`, `${e('k0')}.${e('id')} ${sort.order}`];
  if (sort.property === 'id') numbered.shift();
  const rowsOfKeys =
    `SELECT ${selectedColumns(metadata)
      .map((c) => `${e('r')}.${e(c.databaseName)} AS ${e(c.databaseName)}`)
      .join(', ')}, ${e('k')}.${e('__pos')} AS ${e('__pos')} ` +
    `FROM ${e(metadata.tablePath)} ${e('r')} INNER JOIN (SELECT ${e('k0')}.${e('id')} AS ${e('id')}, ` +
    `ROW_NUMBER() OVER (ORDER BY ${numbered.join(', ')}) AS ${e('__pos')} FROM (${keys.getQuery()}) ${e('k0')}) ` +
    `${e('k')} ON ${e('k')}.${e('id')} = ${e('r')}.${e('id')}`;

  const reads: NestedRead[] = [];
  for (const [name, nodes] of request.nested) {
    const field = spec.nested?.[name];
    if (!field) continue;
    const target = em.connection.getMetadata(field.entity());
    const columns = request.info ? columnsSelected(request.info, spec.name, name, nodes, target) : null;
    const read = await nestedRead(ctx, em, metadata, name, field, columns, reads.length);
    if (read) reads.push(read);
  }
  const p = escape('p');
  const counted = request.withTotal ? countCache(ctx, em, count) : null;
  const cachedTotal = counted?.cached ?? null;
  const countInStatement = request.withTotal && cachedTotal === null;
  const select = [
    ...(countInStatement ? [`${escape('c')}.${escape('total')} AS ${escape('__total')}`] : []),
    `${p}.*`,
    ...reads.map((read, i) => `(${read.sql}) AS ${escape(`__n${i}`)}`),
  ];
  const from = countInStatement
    ? `(${count.getQuery()}) ${escape('c')} LEFT JOIN (${rowsOfKeys}) ${p} ON 1 = 1`
    : `(${rowsOfKeys}) ${p}`;
  const params = Object.assign({}, page.getParameters(), ...reads.map((read) => read.params)) as ObjectLiteral;
  const [sql, values] = em.connection.driver.escapeQueryWithParameters(
    `SELECT ${select.join(', ')} FROM ${from}`,
    params,
  );
  const raw = (await em.query(sql, values)) as ObjectLiteral[];
  let total: number | null = cachedTotal;
  const rows: E[] = [];
  raw.sort((a, b) => Number(a.__pos) - Number(b.__pos));
  for (const row of raw) {
    if (countInStatement) total = Number(row.__total);
    if (row.id === null || row.id === undefined) continue; // the count's row of an empty page
    const record = entityFromRow<E>(em, metadata, row);
    rows.push(record);
    reads.forEach((read, i) => {
      try {
        read.attach(record, row[`__n${i}`]);
      } catch {
        // Unreadable JSON (e.g. cut at MariaDB's group_concat_max_len): the field's loader reads it the ordinary way.
      }
    });
  }
  if (countInStatement && counted && total !== null) counted.store(total);
  return { rows, total };
}

// ---- Counts kept per revision -------------------------------------------------------------------------------------

/** Counts by their statement and parameters, with the change-log revision they were counted at (per data source). */
const COUNTS = new WeakMap<object, Map<string, { revision: string; total: number }>>();
/** Counts kept per data source; the oldest goes first. */
const MAX_COUNTS = 1000;
/** Counts answered from memory (hits) and made and kept (misses), for tests and the health endpoint. */
export const listCountStats = { hits: 0, misses: 0 };

/**
 * A list's total, kept until the change log moves on: every write to a logged table appends to the log in its own
 * transaction (guard.subscriber), so while the revision a request read at its start is the one a count was made at,
 * the count is the same. Only for reads outside a transaction, by a request that read the revision (signed in), and
 * only when every table the count reads is logged (a count over audit entries or users is made each time). A count
 * stored under a revision reflects that revision or a later one: what the request that reads it would count itself.
 */
function countCache<E extends ObjectLiteral>(
  ctx: Context,
  em: EntityManager,
  count: SelectQueryBuilder<E>,
): { cached: number | null; store(total: number): void } | null {
  const revision = ctx.revision;
  // Not after a write of this request either: its revision is older than what it wrote.
  if (revision === undefined || em.queryRunner || ctx.revisions.committed !== null) return null;
  const sql = count.getQuery();
  const escape = (name: string) => em.connection.driver.escape(name);
  for (const table of em.connection.entityMetadatas)
    if (sql.includes(escape(table.tableName)) && !loggedTypeOfTable(table.tableName)) return null;
  let counts = COUNTS.get(em.connection);
  if (!counts) {
    counts = new Map();
    COUNTS.set(em.connection, counts);
  }
  const key = `${sql}\u0000${JSON.stringify(count.getParameters())}`;
  const known = counts.get(key);
  const store = (total: number) => {
    listCountStats.misses += 1;
    counts.delete(key);
    counts.set(key, { revision, total });
    if (counts.size > MAX_COUNTS) counts.delete(counts.keys().next().value!);
  };
  const cached = known && known.revision === revision ? known.total : null;
  if (cached !== null) listCountStats.hits += 1;
  return { cached, store };
}

// ---- The list and the count asked together -------------------------------------------------------------------

/** The nested fields (of spec.nested) that the list field selects, with their nodes. */
function selectedNested<E extends BaseRecord>(
  spec: CrudSpec<E>,
  nodes: readonly FieldNode[],
  info: GraphQLResolveInfo,
): Map<string, FieldNode[]> {
  const selected = new Map<string, FieldNode[]>();
  if (!spec.nested) return selected;
  for (const [name, fieldNodes] of subfields(nodes, info)) if (spec.nested[name]) selected.set(name, fieldNodes);
  return selected;
}

/** JSON with sorted keys: two filters written in a different order are the same filter. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

// Kept on the context itself: Apollo shallow-copies the context per operation, so a WeakMap would miss it.
const LISTS = Symbol('listPages');

/** A request's pages by list field, and its root fields' arguments (the variables are the request's). */
interface RequestLists {
  pages: Map<FieldNode, Promise<Page<BaseRecord>>>;
  args: Map<FieldNode, Record<string, unknown> | null>;
}

function listsOf(ctx: Context): RequestLists {
  const holder = ctx as Context & { [LISTS]?: RequestLists };
  holder[LISTS] ??= { pages: new Map(), args: new Map() };
  return holder[LISTS];
}

/** A root field's arguments as the executor gives them; null when they are refused. */
function argumentsOf(ctx: Context, info: GraphQLResolveInfo, node: FieldNode): Record<string, unknown> | null {
  const known = listsOf(ctx).args;
  if (known.has(node)) return known.get(node)!;
  const definition = info.schema.getQueryType()?.getFields()[node.name.value];
  let args: Record<string, unknown> | null = null;
  try {
    if (definition) args = getArgumentValues(definition, node, info.variableValues);
  } catch {
    args = null;
  }
  known.set(node, args);
  return args;
}

/** The root fields of the query named `name` whose filter equals the one of the field being resolved. */
function siblings(ctx: Context, info: GraphQLResolveInfo, name: string): FieldNode[] {
  if (info.parentType !== info.schema.getQueryType() || info.operation.operation !== 'query') return [];
  const own = argumentsOf(ctx, info, info.fieldNodes[0]!);
  if (!own) return [];
  const filter = stable(own.filter ?? null);
  return fieldsOf(info.operation.selectionSet, info).filter((node) => {
    if (node.name.value !== name) return false;
    const args = argumentsOf(ctx, info, node);
    return args !== null && stable(args.filter ?? null) === filter;
  });
}

/** The page a list field answers, read once per request (its count may have read it first). */
function pageFor<E extends BaseRecord>(ctx: Context, node: FieldNode, read: () => Promise<Page<E>>): Promise<Page<E>> {
  const { pages } = listsOf(ctx);
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
      info,
      withTotal: siblings(ctx, info, `_all${spec.plural}Meta`).length > 0,
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
  const node = siblings(ctx, info, `all${spec.plural}`)[0];
  if (!node) return null;
  let pending = listsOf(ctx).pages.get(node);
  if (!pending) {
    // The count reads the list's page first: with the list's arguments, once they pass the list's own checks.
    const { filter: _filter, ...given } = argumentsOf(ctx, info, node) ?? {};
    const args = Object.assign(new ListArgs(), given);
    if ((await validate(args, VALIDATOR_OPTIONS)).length > 0) return null;
    pending = pageFor(ctx, node, () =>
      readPage(ctx, spec, { args, filter, nested: selectedNested(spec, [node], info), info, withTotal: true }),
    );
  }
  try {
    return (await pending).total;
  } catch {
    return null;
  }
}
