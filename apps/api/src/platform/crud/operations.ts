// The operations behind a record type's resolver: reads (one, a page, a count) and the writes of writes.ts.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import type { BaseRecord } from '../columns';
import { restrictToReadable } from '../scope';
import type { CrudSpec } from './spec';
import { toId } from './columns';
import { applyFilter, ListArgs } from './list';
import { listPage, readPage, totalFromListPage } from './list-page';
import { createRecord, removeRecord, updateRecord } from './writes';

export interface CrudOperations<E extends BaseRecord> {
  findOne(ctx: Context, id: unknown): Promise<E | null>;
  /** A page; with `info` (the list field's), its nested records are read with it and the count may share it. */
  list(ctx: Context, args: ListArgs, filter?: object | null, info?: GraphQLResolveInfo): Promise<E[]>;
  /** With `info` (the count field's), the total comes from a list of the same filter in the same query. */
  count(ctx: Context, filter?: object | null, info?: GraphQLResolveInfo): Promise<number>;
  create(ctx: Context, args: Record<string, unknown>): Promise<E>;
  update(ctx: Context, args: Record<string, unknown>): Promise<E>;
  remove(ctx: Context, id: unknown): Promise<E>;
}

/** The operations behind the resolver, usable by other resolvers (e.g. upsertProject). */
export function crudOperations<E extends BaseRecord>(spec: CrudSpec<E>): CrudOperations<E> {
  return {
    async findOne(ctx, id) {
      const qb = ctx.db.manager
        .getRepository(spec.entity)
        .createQueryBuilder('r')
        .where('r.id = :id', { id: toId(id) });
      await restrictToReadable(ctx, qb, 'r', spec.entity);
      return qb.getOne();
    },
    async list(ctx, args, filter, info) {
      const page = info
        ? await listPage(ctx, spec, args, filter, info)
        : await readPage(ctx, spec, { args, filter, nested: new Map(), withTotal: false });
      return page.rows;
    },
    async count(ctx, filter, info) {
      const fromPage = info ? await totalFromListPage(ctx, spec, filter, info) : null;
      if (fromPage !== null) return fromPage;
      const qb = ctx.db.manager.getRepository(spec.entity).createQueryBuilder('r');
      await applyFilter(qb, spec, filter as Record<string, unknown>, ctx);
      return qb.getCount();
    },
    create: (ctx, args) => createRecord(spec, ctx, args),
    update: (ctx, args) => updateRecord(spec, ctx, args),
    remove: (ctx, id) => removeRecord(spec, ctx, id),
  };
}
