// The generic record resolver: react-admin's convention (ra-data-graphql-simple) for one record type,
// with permissions, org scoping, filters, optimistic locking, dependency checks and audit, plus hooks.
import {
  ArgsType,
  Field,
  Int,
  ObjectType,
  Resolver,
  Query,
  Mutation,
  Arg,
  Args,
  Ctx,
  ID,
  UseMiddleware,
  ClassType,
} from 'type-graphql';
import { Max, Min, IsIn, IsOptional, MaxLength } from 'class-validator';
import { Brackets, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { parseMoney } from '@iron-triangle/domain';
import type { Context } from './context';
import { allow, ResourceGroup } from './permissions';
import { AppError, badInput, conflict, notFound } from './errors';
import { writeAudit } from './audit';
import { BaseRecord } from './columns';
import { lockedRow } from './db';
import { counterOfTable, lockCounter } from './state-counters';
import { assertReferenceReadable, assertWritable, declareScope, restrictToReadable, ScopeDeclaration } from './scope';

@ObjectType({ description: 'How many records a list query would return without paging.' })
export class ListMetadata {
  @Field(() => Int, { description: 'Number of matching records.' })
  count: number;
}

@ArgsType()
export class MetaArgs {
  @Field(() => Int, { nullable: true, description: 'Zero-based page number.' })
  @IsOptional()
  @Min(0)
  page?: number;

  @Field(() => Int, { nullable: true, description: 'Records per page (1..500, default 25).' })
  @IsOptional()
  @Min(1)
  @Max(500)
  perPage?: number;
}

@ArgsType()
export class ListArgs extends MetaArgs {
  @Field({ nullable: true, description: 'Field to sort by (default id).' })
  @IsOptional()
  @MaxLength(64)
  sortField?: string;

  @Field({ nullable: true, description: 'ASC or DESC (default ASC).' })
  @IsOptional()
  @IsIn(['ASC', 'DESC', 'asc', 'desc'])
  sortOrder?: string;
}

/** Filter keys every record type understands; other filter keys equal a column of the same name. */
const GENERIC_FILTER_KEYS = new Set(['q', 'ids', 'orgUnitId', 'from', 'to', 'activeAt', 'includeArchived']);

export type RemoveMode = 'hard' | 'archive' | 'end-date' | 'revoke' | 'none';

export interface MoneyField {
  /** Argument / GraphQL field name, e.g. "amount". */
  arg: string;
  /** Column holding minor units, e.g. "amountMinor". */
  column: string;
  /** Column holding the currency. */
  currencyColumn: string;
}

export interface Dependent {
  entity: ClassType<ObjectLiteral>;
  column: string;
  /** What the dependents are called in the error message, e.g. "position assignments". */
  label: string;
}

export interface WriteContext<E> {
  em: EntityManager;
  ctx: Context;
  /** All arguments as received. */
  args: Record<string, unknown>;
  /** Before an update or delete; null on create. */
  before: E | null;
}

export interface CrudHooks<E> {
  /** Validate and complete the column values of a new record (domain calls go here). */
  beforeCreate?(values: Partial<E>, w: WriteContext<E>): Promise<void> | void;
  /** Validate and complete the changed column values (the merged record is `{...before, ...patch}`). */
  beforeUpdate?(patch: Partial<E>, w: WriteContext<E>): Promise<void> | void;
  /** After the row exists (e.g. write child rows) and before the audit entry. */
  afterWrite?(record: E, w: WriteContext<E>): Promise<void> | void;
  beforeDelete?(w: WriteContext<E>): Promise<void> | void;
}

export interface CrudSpec<E extends BaseRecord> {
  entity: ClassType<E>;
  /** GraphQL type name, e.g. "Person". */
  name: string;
  /** Plural for list names, e.g. "People" (allPeople). */
  plural: string;
  /** Lower-case label for messages, e.g. "person". */
  label: string;
  group: ResourceGroup;
  filter: ClassType<object>;
  createArgs?: ClassType<object>;
  updateArgs?: ClassType<object>;
  remove: RemoveMode;
  search?: string[];
  /**
   * Which org unit a record belongs to, for a scoped caller (a LEADER): the one declaration that single reads,
   * lists, counts, nested loaders, custom operations and writes all apply (see platform/scope.ts).
   */
  scope: ScopeDeclaration;
  /** Columns that point at other records a scoped caller must be able to read (e.g. a pool's project). */
  references?: Record<string, () => ClassType<ObjectLiteral>>;
  /** The column `filter.orgUnitId` (a subtree) applies to (default: the scope's org-unit column). */
  orgUnitColumn?: string;
  /** Column the filter's from/to apply to (default createdAt). */
  dateColumn?: string;
  money?: MoneyField[];
  dependents?: Dependent[];
  /** Columns callers may not set through create/update arguments. */
  readOnlyColumns?: string[];
  /**
   * The record whose state a write of this type depends on (e.g. the pool of a pool metric, which may change only
   * while the pool is a draft): every create, update and delete takes that row with a locking read first, so a
   * transition of the parent and a change of the child never both commit on what the other has just changed.
   */
  parent?: { entity: ClassType<ObjectLiteral>; column: string };
  hooks?: CrudHooks<E>;
}

const DEFAULT_PER_PAGE = 25;

/** The largest amount, in minor units, that every supported database returns exactly (2^53 - 1). */
export const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

function columnNames(em: EntityManager, entity: ClassType<object>): Map<string, { type: unknown; nullable: boolean }> {
  const metadata = em.connection.getMetadata(entity);
  return new Map(metadata.columns.map((c) => [c.propertyName, { type: c.type, nullable: c.isNullable }]));
}

function isIntegerType(type: unknown): boolean {
  return type === 'integer' || type === 'int' || type === Number;
}

/** Turns GraphQL arguments into column values: ids to numbers, Money to minor units; unknown keys dropped. */
export function argsToColumns<E>(
  em: EntityManager,
  spec: CrudSpec<BaseRecord>,
  args: Record<string, unknown>,
  current: Partial<E> | null,
): Partial<E> {
  const columns = columnNames(em, spec.entity);
  const values: Record<string, unknown> = {};
  const readOnly = new Set(['id', 'version', 'createdAt', 'updatedAt', ...(spec.readOnlyColumns ?? [])]);
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || readOnly.has(key)) continue;
    const column = columns.get(key);
    if (!column) continue;
    if (value === null && !column.nullable) throw badInput({ [key]: 'may not be null' });
    values[key] = isIntegerType(column.type) && typeof value === 'string' ? toId(value, key) : value;
  }
  for (const money of spec.money ?? []) {
    const raw = args[money.arg];
    if (raw === undefined) continue;
    if (raw === null) {
      values[money.column] = null;
      continue;
    }
    const currency = (values[money.currencyColumn] ??
      (current as Record<string, unknown> | null)?.[money.currencyColumn]) as string | undefined;
    if (!currency) continue; // the currency comes from elsewhere (e.g. the pool): a hook converts the amount
    const parsed = parseMoney(String(raw), currency);
    if (!parsed.ok) {
      const e = parsed.error;
      const message =
        e.code === 'MONEY.UNKNOWN_CURRENCY'
          ? `currency ${currency} is not supported`
          : e.code === 'MONEY.TOO_MANY_FRACTION_DIGITS'
            ? `${currency} allows at most ${(e.data as { maxFractionDigits: number }).maxFractionDigits} fraction digits`
            : 'is not a plain decimal string';
      throw badInput({ [e.code === 'MONEY.UNKNOWN_CURRENCY' ? money.currencyColumn : money.arg]: message });
    }
    // Both databases keep 64-bit integers, but SQLite hands them to JavaScript as doubles: stay exact.
    if (parsed.value.minor > MAX_MINOR || parsed.value.minor < -MAX_MINOR) {
      throw badInput({ [money.arg]: `is out of range: at most ${MAX_MINOR} minor units (${currency})` });
    }
    values[money.column] = parsed.value.minor;
  }
  return values as Partial<E>;
}

export function toId(value: unknown, field = 'id'): number {
  const text = String(value);
  if (!/^[1-9]\d{0,15}$/.test(text)) throw badInput({ [field]: `"${text}" is not a record id` });
  return Number(text);
}

async function subtreeIds(ctx: Context, orgUnitId: unknown): Promise<number[]> {
  const tree = await ctx.orgTree();
  const ids = tree.subtree(String(toId(orgUnitId, 'filter.orgUnitId'))).map(Number);
  return ids.length ? ids : [-1];
}

/** Applies the filter, the caller's org scope and archival to a query on alias "r". */
export async function applyFilter<E extends BaseRecord>(
  qb: SelectQueryBuilder<E>,
  spec: CrudSpec<E>,
  filter: Record<string, unknown> | undefined | null,
  ctx: Context,
): Promise<void> {
  const f = filter ?? {};
  const columns = columnNames(qb.connection.manager, spec.entity);
  if (Array.isArray(f.ids)) {
    const ids = f.ids.map((id) => toId(id, 'filter.ids'));
    qb.andWhere(ids.length ? 'r.id IN (:...filterIds)' : '1 = 0', { filterIds: ids });
  }
  if (typeof f.q === 'string' && f.q.trim() !== '' && spec.search?.length) {
    // "!" escapes LIKE wildcards: a backslash means different things in MySQL and SQLite string literals.
    const q = `%${f.q
      .trim()
      .toLowerCase()
      .replace(/[!%_]/g, (c) => `!${c}`)}%`;
    qb.andWhere(
      new Brackets((w) => {
        for (const column of spec.search ?? []) w.orWhere(`LOWER(r.${column}) LIKE :q ESCAPE '!'`, { q });
      }),
    );
  }
  const unitColumn = spec.orgUnitColumn ?? (spec.scope.kind === 'orgUnit' ? spec.scope.column : undefined);
  if (f.orgUnitId !== undefined && f.orgUnitId !== null && unitColumn) {
    qb.andWhere(`r.${unitColumn} IN (:...filterUnits)`, { filterUnits: await subtreeIds(ctx, f.orgUnitId) });
  }
  const dateColumn = spec.dateColumn ?? 'createdAt';
  if (f.from instanceof Date) qb.andWhere(`r.${dateColumn} >= :filterFrom`, { filterFrom: f.from });
  if (f.to instanceof Date) qb.andWhere(`r.${dateColumn} < :filterTo`, { filterTo: f.to });
  if (f.activeAt instanceof Date && columns.has('validFrom') && columns.has('validTo')) {
    qb.andWhere('r.validFrom <= :activeAt AND (r.validTo IS NULL OR r.validTo > :activeAt)', { activeAt: f.activeAt });
    if (columns.has('revokedAt')) qb.andWhere('(r.revokedAt IS NULL OR r.revokedAt > :activeAt)');
  }
  if (columns.has('archivedAt') && f.includeArchived !== true) qb.andWhere('r.archivedAt IS NULL');
  let n = 0;
  for (const [key, value] of Object.entries(f)) {
    if (GENERIC_FILTER_KEYS.has(key) || value === undefined || value === null) continue;
    const column = columns.get(key);
    if (!column) continue;
    const param = `eq${n++}`;
    const convert = (v: unknown) =>
      isIntegerType(column.type) && typeof v === 'string' ? toId(v, `filter.${key}`) : v;
    if (Array.isArray(value))
      qb.andWhere(value.length ? `r.${key} IN (:...${param})` : '1 = 0', { [param]: value.map(convert) });
    else qb.andWhere(`r.${key} = :${param}`, { [param]: convert(value) });
  }
  await restrictToReadable(ctx, qb, 'r', spec.entity);
}

export async function loadForWrite<E extends BaseRecord>(
  em: EntityManager,
  spec: Pick<CrudSpec<E>, 'entity' | 'name'>,
  id: number,
): Promise<E> {
  const record = (await lockedRow(em, spec.entity, id)) as E | null;
  if (!record) throw notFound(spec.name, id);
  return record;
}

/**
 * What every write takes before it reads anything (REPEATABLE READ fixes a transaction's snapshot at its first plain
 * read): the state counter its table moves (authority or case), then the record itself, then its parent. The same order
 * everywhere keeps writers from waiting on each other in a circle; MariaDB's rare deadlock victim is run again (db.ts).
 */
async function lockCounterOf<E extends BaseRecord>(em: EntityManager, spec: CrudSpec<E>): Promise<void> {
  const counter = counterOfTable(em.connection.getMetadata(spec.entity).tableName);
  if (counter !== null) await lockCounter(em, counter);
}

async function lockParentOf<E extends BaseRecord>(
  em: EntityManager,
  spec: CrudSpec<E>,
  record: Partial<E>,
): Promise<void> {
  if (!spec.parent) return;
  const parentId = (record as Record<string, unknown>)[spec.parent.column];
  if (typeof parentId === 'number') await lockedRow(em, spec.parent.entity, parentId);
}

/** `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`; exactly one row or CONFLICT. */
export async function guardedUpdate<E extends BaseRecord>(
  em: EntityManager,
  spec: Pick<CrudSpec<E>, 'entity' | 'name'>,
  id: number,
  expectedVersion: number,
  patch: Partial<E>,
  now: Date,
): Promise<E> {
  const result = await em
    .createQueryBuilder()
    .update(spec.entity)
    .set({ ...(patch as object), updatedAt: now, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected !== 1) {
    const current = (await em.findOneBy(spec.entity, { id } as never)) as E | null;
    if (!current) throw notFound(spec.name, id);
    throw conflict(spec.name, id, expectedVersion, current.version);
  }
  return (await em.findOneByOrFail(spec.entity, { id } as never)) as E;
}

/** The records the new values point at (spec.references) must be readable by the caller. */
async function assertReferencesReadable<E extends BaseRecord>(
  spec: CrudSpec<E>,
  values: Partial<E>,
  em: EntityManager,
  ctx: Context,
): Promise<void> {
  const references: Record<string, () => ClassType<ObjectLiteral>> = { ...spec.references };
  // The parent a record belongs to through its scope (e.g. an appointment's project) is a reference too.
  if (spec.scope.kind === 'through')
    references[spec.scope.column] = spec.scope.parent as () => ClassType<ObjectLiteral>;
  for (const [column, target] of Object.entries(references)) {
    const id = (values as Record<string, unknown>)[column];
    if (id !== undefined && id !== null) await assertReferenceReadable(ctx, em, target(), column, Number(id));
  }
}

async function assertNoDependents<E extends BaseRecord>(
  em: EntityManager,
  spec: CrudSpec<E>,
  id: number,
): Promise<void> {
  const found: string[] = [];
  for (const dependent of spec.dependents ?? []) {
    const count = await em.getRepository(dependent.entity).count({ where: { [dependent.column]: id } });
    if (count > 0) found.push(`${count} ${dependent.label}`);
  }
  if (found.length) {
    throw new AppError(
      'RECORD_IN_USE',
      `${spec.name} ${id} cannot be deleted: ${found.join(', ')} refer to it. Remove or re-point them first.`,
      { type: spec.name, id: String(id), dependents: found },
    );
  }
}

export interface CrudOperations<E extends BaseRecord> {
  findOne(ctx: Context, id: unknown): Promise<E | null>;
  list(ctx: Context, args: ListArgs, filter?: object | null): Promise<E[]>;
  count(ctx: Context, filter?: object | null): Promise<number>;
  create(ctx: Context, args: Record<string, unknown>): Promise<E>;
  update(ctx: Context, args: Record<string, unknown>): Promise<E>;
  remove(ctx: Context, id: unknown): Promise<E>;
}

/** The operations behind the resolver, usable by other resolvers (e.g. upsertProject). */
export function crudOperations<E extends BaseRecord>(spec: CrudSpec<E>): CrudOperations<E> {
  const sortable = (ctx: Context) => columnNames(ctx.db.manager, spec.entity);
  return {
    async findOne(ctx, id) {
      const qb = ctx.db.manager
        .getRepository(spec.entity)
        .createQueryBuilder('r')
        .where('r.id = :id', { id: toId(id) });
      await restrictToReadable(ctx, qb, 'r', spec.entity);
      return qb.getOne();
    },
    async list(ctx, args, filter) {
      const qb = ctx.db.manager.getRepository(spec.entity).createQueryBuilder('r');
      await applyFilter(qb, spec, filter as Record<string, unknown>, ctx);
      const sortField = args.sortField ?? 'id';
      const columns = sortable(ctx);
      // Money fields sort by their minor units (e.g. amount → amountMinor).
      const sortColumn = spec.money?.find((m) => m.arg === sortField)?.column ?? sortField;
      if (!columns.has(sortColumn))
        throw badInput({
          sortField: `cannot sort ${spec.name} by "${sortField}"; use one of ${[...columns.keys()].join(', ')}`,
        });
      const order = (args.sortOrder ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
      qb.orderBy(`r.${sortColumn}`, order);
      if (sortColumn !== 'id') qb.addOrderBy('r.id', order);
      const perPage = args.perPage ?? DEFAULT_PER_PAGE;
      qb.skip((args.page ?? 0) * perPage).take(perPage);
      return qb.getMany();
    },
    async count(ctx, filter) {
      const qb = ctx.db.manager.getRepository(spec.entity).createQueryBuilder('r');
      await applyFilter(qb, spec, filter as Record<string, unknown>, ctx);
      return qb.getCount();
    },
    async create(ctx, args) {
      return ctx.db.transaction(async (em) => {
        const w: WriteContext<E> = { em, ctx, args, before: null };
        const values = argsToColumns<E>(em, spec as unknown as CrudSpec<BaseRecord>, args, null);
        await lockCounterOf(em, spec);
        await lockParentOf(em, spec, values);
        // What it points at must be readable before any hook looks at it; the new record, as the hooks completed
        // it (e.g. the engine's verdict on a delegation comes first), must belong to the caller's subtree.
        await assertReferencesReadable(spec, values, em, ctx);
        await spec.hooks?.beforeCreate?.(values, w);
        await assertWritable(ctx, em, spec.entity, spec.label, null, values);
        const result = await em.insert(spec.entity, {
          ...values,
          version: 1,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        } as never);
        const id = Number(result.identifiers[0]?.id);
        let record = (await em.findOneByOrFail(spec.entity, { id } as never)) as E;
        if (spec.hooks?.afterWrite) {
          await spec.hooks.afterWrite(record, w);
          record = (await em.findOneByOrFail(spec.entity, { id } as never)) as E;
        }
        await writeAudit(em, ctx, { action: 'create', entityType: spec.name, entityId: id, after: record });
        return record;
      });
    },
    async update(ctx, args) {
      const id = toId(args.id);
      const expectedVersion = args.version as number;
      return ctx.db.transaction(async (em) => {
        await lockCounterOf(em, spec);
        const before = await loadForWrite(em, spec, id);
        await lockParentOf(em, spec, before);
        await assertWritable(ctx, em, spec.entity, spec.label, before, null);
        if (before.version !== expectedVersion) throw conflict(spec.name, id, expectedVersion, before.version);
        const w: WriteContext<E> = { em, ctx, args, before };
        const patch = argsToColumns<E>(em, spec as unknown as CrudSpec<BaseRecord>, args, {
          ...before,
          ...argsToColumnsShallow(args),
        } as Partial<E>);
        await assertReferencesReadable(spec, patch, em, ctx);
        await spec.hooks?.beforeUpdate?.(patch, w);
        await assertWritable(ctx, em, spec.entity, spec.label, null, { ...before, ...patch });
        let after = await guardedUpdate(em, spec, id, expectedVersion, patch, ctx.now);
        if (spec.hooks?.afterWrite) {
          await spec.hooks.afterWrite(after, w);
          after = (await em.findOneByOrFail(spec.entity, { id } as never)) as E;
        }
        await writeAudit(em, ctx, { action: 'update', entityType: spec.name, entityId: id, before, after });
        return after;
      });
    },
    async remove(ctx, rawId) {
      const id = toId(rawId);
      return ctx.db.transaction(async (em) => {
        await lockCounterOf(em, spec);
        const before = await loadForWrite(em, spec, id);
        await lockParentOf(em, spec, before);
        await assertWritable(ctx, em, spec.entity, spec.label, before, null);
        const w: WriteContext<E> = { em, ctx, args: { id: rawId }, before };
        await spec.hooks?.beforeDelete?.(w);
        let after: E | null = null;
        switch (spec.remove) {
          case 'none':
            throw new AppError('APPEND_ONLY', `${spec.name} records are append-only: they cannot be deleted.`);
          case 'hard':
            await assertNoDependents(em, spec, id);
            await em.delete(spec.entity, { id } as never);
            break;
          case 'archive': {
            const current = before as unknown as { archivedAt: Date | null };
            if (current.archivedAt) return before;
            after = await guardedUpdate(em, spec, id, before.version, { archivedAt: ctx.now } as never, ctx.now);
            break;
          }
          case 'end-date': {
            const current = before as unknown as { validTo: Date | null; validFrom: Date };
            if (current.validTo && current.validTo.getTime() <= ctx.now.getTime()) return before;
            const end = current.validFrom.getTime() > ctx.now.getTime() ? current.validFrom : ctx.now;
            after = await guardedUpdate(em, spec, id, before.version, { validTo: end } as never, ctx.now);
            break;
          }
          case 'revoke': {
            const current = before as unknown as { revokedAt: Date | null };
            if (current.revokedAt) return before;
            after = await guardedUpdate(
              em,
              spec,
              id,
              before.version,
              { revokedAt: ctx.now, revokeReason: 'deleted' } as never,
              ctx.now,
            );
            break;
          }
        }
        await writeAudit(em, ctx, {
          action: spec.remove === 'hard' ? 'delete' : spec.remove,
          entityType: spec.name,
          entityId: id,
          before,
          after,
        });
        return after ?? before;
      });
    },
  };
}

function argsToColumnsShallow(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) if (v !== undefined && k !== 'id' && k !== 'version') out[k] = v;
  return out;
}

type MutationBody = (args: Record<string, unknown>, ctx: Context) => Promise<unknown>;

/** Adds a mutation to a resolver class programmatically (the factory decides which ones exist). */
function addMutation(
  target: ClassType,
  method: string,
  options: {
    name: string;
    description: string;
    returns: ClassType;
    args: ClassType<object> | 'id';
    idDescription?: string;
    guard: ReturnType<typeof allow>;
  },
  body: MutationBody,
): void {
  const proto = target.prototype as Record<string, unknown>;
  const fn =
    options.args === 'id'
      ? async function (id: string, ctx: Context) {
          return body({ id }, ctx);
        }
      : async function (args: object, ctx: Context) {
          return body(args as Record<string, unknown>, ctx);
        };
  Object.defineProperty(proto, method, { value: fn, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(proto, method) as PropertyDescriptor;
  Reflect.defineMetadata('design:paramtypes', [options.args === 'id' ? String : Object, Object], proto, method);
  Reflect.defineMetadata('design:returntype', Promise, proto, method);
  const ArgsClass = options.args;
  if (ArgsClass === 'id') Arg('id', () => ID, { description: options.idDescription })(proto, method, 0);
  else Args(() => ArgsClass)(proto, method, 0);
  Ctx()(proto, method, 1);
  UseMiddleware(options.guard)(proto, method, descriptor);
  Mutation(() => options.returns, { name: options.name, description: options.description })(proto, method, descriptor);
}

function deleteDescription(mode: RemoveMode, label: string): string {
  switch (mode) {
    case 'hard':
      return `Deletes a ${label}; refused with RECORD_IN_USE while other records refer to it. Returns the record as it was.`;
    case 'archive':
      return `Archives a ${label} (never hard-deleted); it stays readable with filter.includeArchived.`;
    case 'end-date':
      return `Ends a ${label} now (sets validTo); it is never hard-deleted.`;
    case 'revoke':
      return `Revokes a ${label} now; it is never hard-deleted.`;
    default:
      return '';
  }
}

/**
 * Builds the resolver class for one record type: \`Person(id)\`, \`allPeople\`, \`_allPeopleMeta\`, and the
 * mutations the spec allows: \`createPerson\` and \`updatePerson\` (when their argument classes are given) and
 * \`deletePerson\` (unless the record is append-only).
 */
export function createCrudResolver<E extends BaseRecord>(spec: CrudSpec<E>): ClassType {
  const ops = crudOperations(spec);
  const { name, plural, label, entity, filter: FilterClass } = spec;
  declareScope(entity, name, spec.scope);

  @Resolver(() => entity)
  class RecordResolver {
    @Query(() => entity, {
      name,
      nullable: true,
      description: `One ${label} by id; null when it does not exist or is outside your scope.`,
    })
    @UseMiddleware(allow(spec.group, 'read'))
    one(@Arg('id', () => ID, { description: `The ${label}'s id.` }) id: string, @Ctx() ctx: Context) {
      return ops.findOne(ctx, id);
    }

    @Query(() => [entity], { name: `all${plural}`, description: `A page of ${label} records, filtered and sorted.` })
    @UseMiddleware(allow(spec.group, 'read'))
    list(
      @Args(() => ListArgs) args: ListArgs,
      @Arg('filter', () => FilterClass, { nullable: true, description: 'Which records to return.' })
      filter: object | undefined,
      @Ctx() ctx: Context,
    ) {
      return ops.list(ctx, args, filter);
    }

    @Query(() => ListMetadata, {
      name: `_all${plural}Meta`,
      description: `How many ${label} records match the filter.`,
    })
    @UseMiddleware(allow(spec.group, 'read'))
    async meta(
      @Args(() => MetaArgs) _args: MetaArgs,
      @Arg('filter', () => FilterClass, { nullable: true, description: 'Which records to count.' })
      filter: object | undefined,
      @Ctx() ctx: Context,
    ): Promise<ListMetadata> {
      return { count: await ops.count(ctx, filter) };
    }
  }

  const guard = allow(spec.group, 'write');
  if (spec.createArgs) {
    addMutation(
      RecordResolver,
      'create',
      { name: `create${name}`, description: `Creates a ${label}.`, returns: entity, args: spec.createArgs, guard },
      (args, ctx) => ops.create(ctx, args),
    );
  }
  if (spec.updateArgs) {
    addMutation(
      RecordResolver,
      'update',
      {
        name: `update${name}`,
        description: `Changes a ${label}: pass its current \`version\`; a stale one is refused with CONFLICT.`,
        returns: entity,
        args: spec.updateArgs,
        guard,
      },
      (args, ctx) => ops.update(ctx, args),
    );
  }
  if (spec.remove !== 'none') {
    addMutation(
      RecordResolver,
      'remove',
      {
        name: `delete${name}`,
        description: deleteDescription(spec.remove, label),
        returns: entity,
        args: 'id',
        idDescription: `The ${label}'s id.`,
        guard,
      },
      (args, ctx) => ops.remove(ctx, args.id),
    );
  }
  Object.defineProperty(RecordResolver, 'name', { value: `${name}Resolver` });
  return RecordResolver;
}
