// The operations behind a record type's resolver: reads (one, a page, a count) and the writes of writes.ts.
import type { Context } from '../context';
import { badInput } from '../errors';
import type { BaseRecord } from '../columns';
import { restrictToReadable } from '../scope';
import type { CrudSpec } from './spec';
import { columnNames, toId } from './columns';
import { applyFilter, DEFAULT_PER_PAGE, ListArgs } from './list';
import { createRecord, removeRecord, updateRecord } from './writes';

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
    create: (ctx, args) => createRecord(spec, ctx, args),
    update: (ctx, args) => updateRecord(spec, ctx, args),
    remove: (ctx, id) => removeRecord(spec, ctx, id),
  };
}
