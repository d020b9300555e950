// The resolver factory: one record type's queries and mutations in react-admin's convention
// (ra-data-graphql-simple), each behind the permission table.
import {
  Arg,
  Args,
  ClassType,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { groupOf, RecordGroup, WriteOperation } from '@iron-triangle/domain';
import { allow, allowWrite } from '../permissions';
import type { BaseRecord } from '../columns';
import { declareScope } from '../scope';
import type { CrudSpec, NestedField, RemoveMode } from './spec';
import { ListArgs, ListMetadata, MetaArgs } from './list';
import { crudOperations } from './operations';
import { carriedNested } from './list-page';
import { getMetadataArgsStorage } from 'typeorm';
import {
  AuthorityChange,
  ChangeInput,
  changeOptionsOf,
  historyOf,
  LOGGED_BY_TABLE,
  withChangeOptions,
} from '../change-log';

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
    guard: ReturnType<typeof allowWrite>;
    /** Whether the mutation takes the `change` argument (records that keep a history). */
    change?: boolean;
  },
  body: MutationBody,
): void {
  const proto = target.prototype as Record<string, unknown>;
  const run = (args: Record<string, unknown>, change: ChangeInput | null | undefined, ctx: Context) =>
    options.change ? withChangeOptions(changeOptionsOf(ctx, change), () => body(args, ctx)) : body(args, ctx);
  const fn = options.change
    ? options.args === 'id'
      ? async function (id: string, change: ChangeInput | null, ctx: Context) {
          return run({ id }, change, ctx);
        }
      : async function (args: object, change: ChangeInput | null, ctx: Context) {
          return run(args as Record<string, unknown>, change, ctx);
        }
    : options.args === 'id'
      ? async function (id: string, ctx: Context) {
          return run({ id }, null, ctx);
        }
      : async function (args: object, ctx: Context) {
          return run(args as Record<string, unknown>, null, ctx);
        };
  Object.defineProperty(proto, method, { value: fn, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(proto, method) as PropertyDescriptor;
  const first = options.args === 'id' ? String : Object;
  Reflect.defineMetadata(
    'design:paramtypes',
    options.change ? [first, ChangeInput, Object] : [first, Object],
    proto,
    method,
  );
  Reflect.defineMetadata('design:returntype', Promise, proto, method);
  const ArgsClass = options.args;
  if (ArgsClass === 'id') Arg('id', () => ID, { description: options.idDescription })(proto, method, 0);
  else Args(() => ArgsClass)(proto, method, 0);
  if (options.change) {
    Arg('change', () => ChangeInput, {
      nullable: true,
      description: 'When the change takes effect (default now), or a correction of the past (ADMIN, with a reason).',
    })(proto, method, 1);
  }
  Ctx()(proto, method, options.change ? 2 : 1);
  UseMiddleware(options.guard)(proto, method, descriptor);
  Mutation(() => options.returns, { name: options.name, description: options.description })(proto, method, descriptor);
}

/** Adds the `history` field (the record's change-log entries) to a record type that keeps one. */
function addHistoryField(target: ClassType, recordType: string, label: string): void {
  const proto = target.prototype as Record<string, unknown>;
  const fn = function (record: { id: number }, ctx: Context) {
    return historyOf(ctx, recordType, record.id);
  };
  Object.defineProperty(proto, 'history', { value: fn, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'history') as PropertyDescriptor;
  Reflect.defineMetadata('design:paramtypes', [Object, Object], proto, 'history');
  Reflect.defineMetadata('design:returntype', Promise, proto, 'history');
  Root()(proto, 'history', 0);
  Ctx()(proto, 'history', 1);
  FieldResolver(() => [AuthorityChange], {
    description:
      `Every version of this ${label}, oldest first: who changed what, when it took effect and when it was ` +
      'recorded; corrections of the past are marked.',
  })(proto, 'history', descriptor);
}

/**
 * Adds a nested field (NestedField) to a record type: what a list page read with the record, or else read through the
 * request's loaders.
 */
function addNestedField(target: ClassType, name: string, field: NestedField): void {
  const proto = target.prototype as Record<string, unknown>;
  // What the record was read with, if a list page read it (list-page.ts); otherwise the loader.
  const fn =
    field.kind === 'one'
      ? function (record: Record<string, unknown>, ctx: Context) {
          const carried = carriedNested(record, name);
          if (carried !== undefined) return carried;
          const key = record[field.column] as number | null | undefined;
          return key === null || key === undefined ? null : ctx.loaders.byId(field.entity()).load(Number(key));
        }
      : function (record: { id: number }, ctx: Context) {
          const carried = carriedNested(record, name);
          if (carried !== undefined) return carried;
          return ctx.loaders.manyBy(field.entity(), field.column as never).load(record.id);
        };
  Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(proto, name) as PropertyDescriptor;
  Reflect.defineMetadata('design:paramtypes', [Object, Object], proto, name);
  Reflect.defineMetadata('design:returntype', Object, proto, name);
  Root()(proto, name, 0);
  Ctx()(proto, name, 1);
  if (field.kind === 'one') {
    FieldResolver(() => field.entity(), { nullable: true, description: field.description })(proto, name, descriptor);
  } else {
    FieldResolver(() => [field.entity()], { description: field.description })(proto, name, descriptor);
  }
}

function deleteDescription(mode: RemoveMode, label: string): string {
  switch (mode) {
    case 'hard':
      return (
        `Deletes a ${label}; refused with RECORD_IN_USE while other records refer to it. ` +
        'Returns the record as it was.'
      );
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

/** The record type's group in the domain's access table: who may read and write it is decided there alone. */
function recordGroup(name: string): RecordGroup {
  const group = groupOf(name);
  if (group === null) {
    throw new Error(`${name} has no group in the domain's access table (RECORD_TYPES or RECORD_PARTS)`);
  }
  return group;
}

/**
 * Builds the resolver class for one record type: \`Person(id)\`, \`allPeople\`, \`_allPeopleMeta\`, and the
 * mutations the spec allows: \`createPerson\` and \`updatePerson\` (when their argument classes are given) and
 * \`deletePerson\` (unless the record is append-only).
 */
export function createCrudResolver<E extends BaseRecord>(spec: CrudSpec<E>): ClassType {
  const ops = crudOperations(spec);
  const { name, plural, label, entity, filter: FilterClass } = spec;
  declareScope(entity, name, spec.scope, spec.owners);
  // Who may read and write a record type is the domain's access table (RECORD_TYPES / RECORD_PARTS), nowhere else.
  const group = recordGroup(name);

  @Resolver(() => entity)
  class RecordResolver {
    @Query(() => entity, {
      name,
      nullable: true,
      description: `One ${label} by id; null when it does not exist or is outside your scope.`,
    })
    @UseMiddleware(allow(group, 'read'))
    one(@Arg('id', () => ID, { description: `The ${label}'s id.` }) id: string, @Ctx() ctx: Context) {
      return ops.findOne(ctx, id);
    }

    @Query(() => [entity], { name: `all${plural}`, description: `A page of ${label} records, filtered and sorted.` })
    @UseMiddleware(allow(group, 'read'))
    list(
      @Args(() => ListArgs) args: ListArgs,
      @Arg('filter', () => FilterClass, { nullable: true, description: 'Which records to return.' })
      filter: object | undefined,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ) {
      return ops.list(ctx, args, filter, info);
    }

    @Query(() => ListMetadata, {
      name: `_all${plural}Meta`,
      description: `How many ${label} records match the filter.`,
    })
    @UseMiddleware(allow(group, 'read'))
    async meta(
      @Args(() => MetaArgs) _args: MetaArgs,
      @Arg('filter', () => FilterClass, { nullable: true, description: 'Which records to count.' })
      filter: object | undefined,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<ListMetadata> {
      return { count: await ops.count(ctx, filter, info) };
    }
  }

  // Writes: the role's group, or the owner rule (allowWrite); the rows are checked by the scope on each path.
  const guard = (operation: WriteOperation) => allowWrite(name, operation);
  // Records that keep a history take `change` on update and delete (effective moment, correction).
  const table = getMetadataArgsStorage().tables.find((t) => t.target === entity)?.name;
  const change = table !== undefined && LOGGED_BY_TABLE.has(table);
  if (spec.createArgs) {
    addMutation(
      RecordResolver,
      'create',
      {
        name: `create${name}`,
        description: `Creates a ${label}.`,
        returns: entity,
        args: spec.createArgs,
        guard: guard('create'),
      },
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
        guard: guard('edit'),
        change,
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
        guard: guard(spec.remove === 'revoke' ? 'revoke' : 'delete'),
        change,
      },
      (args, ctx) => ops.remove(ctx, args.id),
    );
  }
  for (const [fieldName, field] of Object.entries(spec.nested ?? {})) addNestedField(RecordResolver, fieldName, field);
  const logged = table === undefined ? undefined : LOGGED_BY_TABLE.get(table);
  if (logged) addHistoryField(RecordResolver, logged.recordType, label);
  Object.defineProperty(RecordResolver, 'name', { value: `${name}Resolver` });
  return RecordResolver;
}
