// Org scope: which org unit a record belongs to, declared once per record type, and the one mechanism that applies
// it to every read (single records, lists, counts, nested loaders, custom operations) and every write.
//
// A scoped caller (a LEADER) has a subtree: the org units below each unit they belong to. For each record type:
// - `orgUnit`: the record belongs to the unit in `column`. Readable and writable inside the subtree. With
//   `ancestors: 'read-only'`, records at a unit above the subtree (the bodies and rules that govern it) are readable
//   but not writable; with `nullMeans: 'company-wide'`, a record without a unit applies everywhere: readable, not
//   writable. Anything else is out of scope.
// - `through`: the record belongs where the record in `column` (of type `parent`) belongs, transitively.
// - `reference`: org-wide reference data (the org tree, role models, frameworks) or admin-only records: not
//   restricted for reading (the role table decides who reads it), never written by a scoped caller.
// Out-of-scope records read as absent: null, an empty list, NOT_FOUND. A write must find the record in scope before
// the change (NOT_FOUND when unreadable, FORBIDDEN when read-only) and leave it in scope after it (FORBIDDEN).
//
// The owner rule (the domain's OWNED_RECORD_TYPES): a record type may also declare who owns a record (`owners`: the
// columns naming the owning person, and the owned records whose owner owns it too, e.g. a stakeholder on an
// opportunity's map). A user account linked to a person then also reaches, for reading and writing, the records
// that person owns, by the same checks on every path: a LEADER beyond their subtree, and an HR or VIEWER account
// (which reads everything and may write no sales record by its role) writes the records it owns and nothing else.
import { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { groupOf, isOwnedRecordType, roleMay } from '@iron-triangle/domain';
import type { Context } from './context';
import { badInput, forbidden, notFound } from './errors';
import { lockedRow } from './db';

export type ScopeDeclaration =
  | {
      kind: 'orgUnit';
      /** The column holding the record's org unit. */
      column: string;
      /** Records at an ancestor of the caller's subtree are readable, read-only. */
      ancestors?: 'read-only';
      /** A record without an org unit applies company-wide: readable, read-only. (Otherwise: out of scope.) */
      nullMeans?: 'company-wide';
    }
  | {
      kind: 'through';
      /** The column holding the parent's id. */
      column: string;
      /** The parent record type (a thunk: entity modules import each other). */
      parent: () => EntityTarget<ObjectLiteral>;
    }
  | {
      kind: 'reference';
      /** Why the type is not scoped by org unit (kept in the declaration for the reader). */
      why: string;
    };

/** Who owns a record of a type (the owner rule): a person in one of `columns`, or the owner of a record in `of`. */
export interface OwnerDeclaration {
  /** Columns holding the id of a person who owns the record (e.g. a lead's ownerId and foundById). */
  columns: readonly string[];
  /** Owned records whose owner owns this one too: the column holding the other's id, and its type (a thunk). */
  of?: readonly { column: string; parent: () => EntityTarget<ObjectLiteral> }[];
}

interface Registered {
  name: string;
  declaration: ScopeDeclaration;
  owners: OwnerDeclaration | null;
}

const REGISTRY = new Map<EntityTarget<ObjectLiteral>, Registered>();

/**
 * Declares the scope of a record type (once; the CRUD factory does it from each CrudSpec), with its owners when the
 * owner rule covers it (only types the domain lists in OWNED_RECORD_TYPES, or their parts, may declare owners).
 */
export function declareScope(
  entity: EntityTarget<ObjectLiteral>,
  name: string,
  declaration: ScopeDeclaration,
  owners?: OwnerDeclaration,
): void {
  const known = REGISTRY.get(entity);
  if (known && known.declaration !== declaration) throw new Error(`the scope of ${name} is declared twice`);
  if (owners && !isOwnedRecordType(name))
    throw new Error(`${name} declares owners but the owner rule does not cover it`);
  REGISTRY.set(entity, { name, declaration, owners: owners ?? null });
}

/** Every record type with its declared scope (for tests and documentation). */
export function declaredScopes(): ReadonlyMap<EntityTarget<ObjectLiteral>, Registered> {
  return REGISTRY;
}

function registered(entity: EntityTarget<ObjectLiteral>): Registered {
  const found = REGISTRY.get(entity);
  // Fail closed: a record type without a declaration is never shown to, or written by, a scoped caller.
  if (!found) throw new Error(`no org scope declared for ${String((entity as { name?: string }).name ?? entity)}`);
  return found;
}

/**
 * What a scoped caller may reach: `write` is their subtree; `read` adds the ancestors of its roots; `person` (the
 * owner rule) adds the records that person owns. `ownerOnly`: the caller writes by the owner rule alone (their role
 * may not write the group), so the org units are empty.
 */
export interface CallerScope {
  write: ReadonlySet<number>;
  read: ReadonlySet<number>;
  person: number | null;
  ownerOnly?: true;
}

/** The person the owner rule serves for this caller: a user account's person; null for tokens and admins. */
function ownerPerson(ctx: Context): number | null {
  const p = ctx.principal;
  return p && p.kind === 'user' && p.role !== 'ADMIN' ? p.personId : null;
}

const SCOPES = new WeakMap<Context, Promise<CallerScope | null>>();

/** The caller's scope, or null when unrestricted (computed once per request). */
export function callerScope(ctx: Context): Promise<CallerScope | null> {
  let scope = SCOPES.get(ctx);
  if (!scope) {
    scope = (async () => {
      const units = await ctx.scopeUnits();
      if (!units) return null;
      const tree = await ctx.orgTree();
      const read = new Set(units);
      for (const unit of units) for (const id of tree.ancestors(String(unit))) read.add(Number(id));
      return { write: units, read, person: ownerPerson(ctx) };
    })();
    SCOPES.set(ctx, scope);
  }
  return scope;
}

function unitsFor(
  scope: CallerScope,
  declaration: ScopeDeclaration & { kind: 'orgUnit' },
  access: 'read' | 'write',
): ReadonlySet<number> {
  return access === 'read' && declaration.ancestors === 'read-only' ? scope.read : scope.write;
}

/**
 * The caller's reach for writing records of `entity`: their scope when their role may write its group (null:
 * unrestricted); else, for a user account, the owner rule alone (no org units: nothing when they own nothing).
 */
async function writeScope(ctx: Context, entity: EntityTarget<ObjectLiteral>): Promise<CallerScope | null> {
  const p = ctx.principal;
  const group = groupOf(registered(entity).name);
  if (p && p.kind === 'user' && group !== null && !roleMay(p.role, group, 'write')) {
    return { write: new Set(), read: new Set(), person: ownerPerson(ctx), ownerOnly: true };
  }
  return callerScope(ctx);
}

/** Builds `alias.column` for a property of `entity`. */
function columnOf(em: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string, property: string): string {
  const metadata = em.connection.getMetadata(entity);
  const found = metadata.findColumnWithPropertyName(property);
  if (!found) throw new Error(`${metadata.name} has no column ${property}`);
  return `${em.connection.driver.escape(alias)}.${em.connection.driver.escape(found.databaseName)}`;
}

/** The SQL condition on `alias` for the records of `entity` that `person` owns (null: the type has no owners). */
function ownerCondition(
  em: EntityManager,
  person: number,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
  params: Record<string, unknown>,
): string | null {
  const { owners } = registered(entity);
  if (!owners) return null;
  const escape = (name: string) => em.connection.driver.escape(name);
  const name = `scope${Object.keys(params).length}`;
  params[name] = person;
  const parts = owners.columns.map((c) => `${columnOf(em, entity, alias, c)} = :${name}`);
  for (const [i, link] of (owners.of ?? []).entries()) {
    const parent = link.parent();
    const parentMeta = em.connection.getMetadata(parent);
    const parentAlias = `${alias}_o${i}`;
    const inner = ownerCondition(em, person, parent, parentAlias, params);
    if (inner === null) continue;
    parts.push(
      `${columnOf(em, entity, alias, link.column)} IN (SELECT ${escape(parentAlias)}.` +
        `${escape(parentMeta.primaryColumns[0]!.databaseName)} FROM ${escape(parentMeta.tablePath)} ` +
        `${escape(parentAlias)} WHERE ${inner})`,
    );
  }
  return parts.length ? parts.join(' OR ') : null;
}

/**
 * The SQL condition on `alias` that keeps the records of `entity` the caller may read (parameters into `params`):
 * the org rule, or the owner rule.
 */
function readCondition(
  em: EntityManager,
  scope: CallerScope,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
  params: Record<string, unknown>,
): string {
  const byOrg = orgReadCondition(em, scope, entity, alias, params);
  const byOwner = scope.person === null ? null : ownerCondition(em, scope.person, entity, alias, params);
  return byOwner === null ? byOrg : `((${byOrg}) OR ${byOwner})`;
}

/** The org rule's SQL condition on `alias` (readCondition). */
function orgReadCondition(
  em: EntityManager,
  scope: CallerScope,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
  params: Record<string, unknown>,
): string {
  const { declaration } = registered(entity);
  const escape = (name: string) => em.connection.driver.escape(name);
  const column = (property: string) => columnOf(em, entity, alias, property);
  switch (declaration.kind) {
    case 'reference':
      return '1 = 1';
    case 'orgUnit': {
      const units = [...unitsFor(scope, declaration, 'read')];
      const name = `scope${Object.keys(params).length}`;
      params[name] = units;
      const inScope = units.length ? `${column(declaration.column)} IN (:...${name})` : '1 = 0';
      return declaration.nullMeans === 'company-wide'
        ? `(${inScope} OR ${column(declaration.column)} IS NULL)`
        : inScope;
    }
    case 'through': {
      const parent = declaration.parent();
      const parentMeta = em.connection.getMetadata(parent);
      const parentAlias = `${alias}_p`;
      const idColumn = parentMeta.primaryColumns[0]!.databaseName;
      const inner = readCondition(em, scope, parent, parentAlias, params);
      return (
        `${column(declaration.column)} IN (SELECT ${escape(parentAlias)}.${escape(idColumn)} FROM ` +
        `${escape(parentMeta.tablePath)} ${escape(parentAlias)} WHERE ${inner})`
      );
    }
  }
}

/** A read condition in SQL, with its named parameters. */
export interface ReadableCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The SQL condition on `alias` that keeps the records of `entity` the caller may read, its parameter names starting
 * with `prefix` (unique within the statement it goes into); null when the caller is unrestricted.
 */
export async function readableCondition(
  ctx: Context,
  em: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
  prefix: string,
): Promise<ReadableCondition | null> {
  const scope = await callerScope(ctx);
  if (!scope) return null;
  const params: Record<string, unknown> = {};
  const sql = readCondition(em, scope, entity, alias, params).replace(
    /:(\.\.\.)?scope(\d+)/g,
    (_m, dots: string | undefined, n: string) => `:${dots ?? ''}${prefix}scope${n}`,
  );
  return { sql, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [`${prefix}${k}`, v])) };
}

/** Restricts a query on `entity` (alias `alias`) to the records the caller may read. */
export async function restrictToReadable<T extends ObjectLiteral>(
  ctx: Context,
  qb: SelectQueryBuilder<T>,
  alias: string,
  entity: EntityTarget<ObjectLiteral>,
): Promise<void> {
  // Parameter names unique to this call: a query may be restricted more than once (e.g. a subquery).
  const prefix = `s${Object.keys(qb.getParameters()).length}_`;
  const condition = await readableCondition(ctx, qb.connection.manager, entity, alias, prefix);
  if (condition) qb.andWhere(condition.sql, condition.params);
}

type Access = 'read' | 'write';

/** Reads a record that a decision in memory follows (a parent, an owned record it belongs to), by type and id. */
type RowReader = (entity: EntityTarget<ObjectLiteral>, id: number) => Promise<ObjectLiteral | null>;

/**
 * The reader of one check, each row read at most once. `lock`: inside a transaction, a locking read (FOR UPDATE on
 * MariaDB; SQLite serialises writers), so that a concurrent change of a parent's unit or owner waits for the write that
 * was decided on it instead of slipping between the check and the write.
 */
function rowReader(em: EntityManager, lock: boolean): RowReader {
  const locking = lock && em.queryRunner?.isTransactionActive === true;
  const seen = new Map<EntityTarget<ObjectLiteral>, Map<number, Promise<ObjectLiteral | null>>>();
  return (entity, id) => {
    let rows = seen.get(entity);
    if (!rows) seen.set(entity, (rows = new Map()));
    let row = rows.get(id);
    if (!row) {
      row = locking ? lockedRow(em, entity, id) : em.findOneBy(entity, { id } as never);
      rows.set(id, row);
    }
    return row;
  };
}

/** Whether `person` owns `row` of `entity` (the owner rule); owned records it points at are read through `read`. */
async function owns(
  read: RowReader,
  person: number,
  entity: EntityTarget<ObjectLiteral>,
  row: ObjectLiteral,
): Promise<boolean> {
  const { owners } = registered(entity);
  if (!owners) return false;
  for (const column of owners.columns) {
    const owner = row[column] as number | string | null | undefined;
    if (owner !== null && owner !== undefined && Number(owner) === person) return true;
  }
  for (const link of owners.of ?? []) {
    const id = row[link.column] as number | string | null | undefined;
    if (id === null || id === undefined) continue;
    const parent = link.parent();
    const found = await read(parent, Number(id));
    if (found && (await owns(read, person, parent, found))) return true;
  }
  return false;
}

/** Whether the caller may read (or write) `row` of `entity` by the org rule or the owner rule. */
async function reaches(
  read: RowReader,
  scope: CallerScope,
  entity: EntityTarget<ObjectLiteral>,
  row: ObjectLiteral,
  access: Access,
): Promise<boolean> {
  if (await reachesByOrg(read, scope, entity, row, access)) return true;
  return scope.person !== null && owns(read, scope.person, entity, row);
}

/** The org rule of `reaches`; parents are read through `read` (and reached by either rule). */
async function reachesByOrg(
  read: RowReader,
  scope: CallerScope,
  entity: EntityTarget<ObjectLiteral>,
  row: ObjectLiteral,
  access: Access,
): Promise<boolean> {
  const { declaration } = registered(entity);
  switch (declaration.kind) {
    case 'reference':
      return access === 'read';
    case 'orgUnit': {
      const unit = row[declaration.column] as number | string | null | undefined;
      if (unit === null || unit === undefined) return access === 'read' && declaration.nullMeans === 'company-wide';
      return unitsFor(scope, declaration, access).has(Number(unit));
    }
    case 'through': {
      const parentId = row[declaration.column] as number | string | null | undefined;
      if (parentId === null || parentId === undefined) return false;
      const parent = declaration.parent();
      const found = await read(parent, Number(parentId));
      return found !== null && reaches(read, scope, parent, found, access);
    }
  }
}

/** Whether the caller's read of `entity` is decided by a row's own columns (no other record to look at). */
function decidedByRow(scope: CallerScope, entity: EntityTarget<ObjectLiteral>): boolean {
  const { declaration, owners } = registered(entity);
  return declaration.kind !== 'through' && (scope.person === null || !owners?.of?.length);
}

/** Ids per statement when rows are decided in SQL (well within SQLite's and MariaDB's parameter limits). */
const IDS_PER_STATEMENT = 500;

/**
 * Which of `ids` the caller may read, decided in SQL by the condition the lists apply (readCondition): one statement
 * per IDS_PER_STATEMENT ids, whatever the rows' parents and owners. The answer holds the ids that exist, each with its
 * verdict; an id absent from it is not in the table (e.g. a deleted record's last state, decided in memory).
 */
async function readableInSql(
  em: EntityManager,
  scope: CallerScope,
  entity: EntityTarget<ObjectLiteral>,
  ids: readonly number[],
): Promise<Map<number, boolean>> {
  const metadata = em.connection.getMetadata(entity);
  const escape = (name: string) => em.connection.driver.escape(name);
  const alias = 'readable';
  const params: Record<string, unknown> = {};
  const condition = readCondition(em, scope, entity, alias, params);
  const id = `${escape(alias)}.${escape(metadata.primaryColumns[0]!.databaseName)}`;
  const verdicts = new Map<number, boolean>();
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    const [sql, values] = em.connection.driver.escapeQueryWithParameters(
      `SELECT ${id} AS id, CASE WHEN ${condition} THEN 1 ELSE 0 END AS readable FROM ` +
        `${escape(metadata.tablePath)} ${escape(alias)} WHERE ${id} IN (:...readableIds)`,
      { ...params, readableIds: ids.slice(start, start + IDS_PER_STATEMENT) },
    );
    const rows = (await em.query(sql, values)) as Array<{ id: number | string; readable: number | string }>;
    for (const row of rows) verdicts.set(Number(row.id), Number(row.readable) === 1);
  }
  return verdicts;
}

/** Keeps the rows of `entity` the caller may read, in order (decided in SQL when a row's columns do not say). */
async function keepReadable<T extends ObjectLiteral>(
  em: EntityManager,
  scope: CallerScope,
  entity: EntityTarget<ObjectLiteral>,
  rows: readonly T[],
): Promise<T[]> {
  const read = rowReader(em, false);
  const idOf = (row: T) => {
    const id = Number(row.id);
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  };
  const ids = decidedByRow(scope, entity) ? [] : rows.map(idOf).filter((id): id is number => id !== null);
  const verdicts = ids.length ? await readableInSql(em, scope, entity, [...new Set(ids)]) : new Map<number, boolean>();
  const kept: T[] = [];
  for (const row of rows) {
    const id = idOf(row);
    const verdict = id === null ? undefined : verdicts.get(id);
    if (verdict ?? (await reaches(read, scope, entity, row, 'read'))) kept.push(row);
  }
  return kept;
}

/** Whether the caller may read `row` (always true for an unrestricted caller). */
export async function canRead(
  ctx: Context,
  em: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  row: ObjectLiteral,
): Promise<boolean> {
  const scope = await callerScope(ctx);
  return !scope || (await keepReadable(em, scope, entity, [row])).length === 1;
}

/**
 * The rows the caller may read, in order: decided by their columns, or together in one statement (per 500 rows) by
 * the SQL condition the lists apply, never a statement per row.
 */
export async function readableRows<T extends ObjectLiteral>(
  ctx: Context,
  em: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  rows: readonly T[],
): Promise<T[]> {
  const scope = await callerScope(ctx);
  if (!scope) return [...rows];
  return keepReadable(em, scope, entity, rows);
}

/** A record the caller must be able to read: NOT_FOUND otherwise (whether it exists or not). */
export async function assertReadable(
  ctx: Context,
  em: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  row: ObjectLiteral | null,
  id: number | string,
): Promise<void> {
  const name = registered(entity).name;
  if (!row || !(await canRead(ctx, em, entity, row))) throw notFound(name, id);
}

/**
 * The write check, before and after a change. `before`: the record as it is (null on create): NOT_FOUND when the
 * caller cannot read it, FORBIDDEN when it is read-only to them. `after`: the record as it would be (null on
 * delete): FORBIDDEN unless the caller may write it (nobody moves a record into or out of their subtree). The caller
 * reads `before` with a locking read (lockedRow) in its transaction; the records the verdict follows (the parent a
 * record belongs to, the owned records whose owner owns it) are read here FOR UPDATE, each once.
 */
export async function assertWritable(
  ctx: Context,
  em: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  label: string,
  before: ObjectLiteral | null,
  after: ObjectLiteral | null,
): Promise<void> {
  const scope = await writeScope(ctx, entity);
  if (!scope) return;
  const { name, declaration } = registered(entity);
  // The records the verdict follows (parents, owned records) are taken FOR UPDATE in the caller's transaction.
  const read = rowReader(em, true);
  if (scope.ownerOnly) {
    // By the owner rule alone: the record must be the caller's before and after (they read it either way).
    for (const row of [before, after]) {
      if (row && !(await reaches(read, scope, entity, row, 'write'))) {
        throw forbidden(
          `Your role changes only the ${label} records you own (or the parts and maps of them): ` +
            (row === before ? `this one is not yours.` : `it would no longer be yours (keep yourself its owner).`),
        );
      }
    }
    return;
  }
  if (declaration.kind === 'reference') {
    throw forbidden(
      `${label} records are org-wide reference data: your role changes them nowhere (ask an administrator).`,
    );
  }
  if (before) {
    if (!(await reaches(read, scope, entity, before, 'read')))
      throw notFound(name, (before as { id?: number }).id ?? '?');
    if (!(await reaches(read, scope, entity, before, 'write'))) {
      throw forbidden(`This ${label} belongs above or outside your org subtree: you may read it, not change it.`);
    }
  }
  if (after && !(await reaches(read, scope, entity, after, 'write'))) {
    const unit = declaration.kind === 'orgUnit' ? (after as Record<string, unknown>)[declaration.column] : null;
    throw forbidden(
      unit === null || unit === undefined
        ? `This ${label} would not belong to your org subtree: you may create and change ${label} records ` +
            `only within it.`
        : `Org unit ${String(unit)} is outside your scope: you may create and change ${label} records only ` +
            `within your own org subtree.`,
    );
  }
}

/** A reference the caller puts into a record (e.g. a pool's project) must be a record they can read. */
export async function assertReferenceReadable(
  ctx: Context,
  em: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  field: string,
  id: number | null | undefined,
): Promise<void> {
  if (id === null || id === undefined) return;
  const scope = await callerScope(ctx);
  if (!scope) return;
  // Whether it exists and is readable: one statement (a row the table lacks is absent from the answer).
  if (!(await readableInSql(em, scope, entity, [id])).get(id)) {
    throw badInput({ [field]: `${registered(entity).name} ${id} does not exist, or is outside what you may see` });
  }
}

/**
 * A question about an org unit itself (e.g. a described authorization case): a scoped caller asks only within their
 * subtree.
 */
export async function assertUnitInSubtree(ctx: Context, unitId: number, field: string): Promise<void> {
  refuseUnitOutside(await callerScope(ctx), unitId, field);
}

/** assertUnitInSubtree with the caller's scope at hand (null: the whole company). */
export function refuseUnitOutside(scope: CallerScope | null, unitId: number, field: string): void {
  if (scope && !scope.write.has(unitId)) {
    throw forbidden(
      `${field}: org unit ${unitId} is outside your org subtree; you may ask only about cases within it.`,
    );
  }
}
