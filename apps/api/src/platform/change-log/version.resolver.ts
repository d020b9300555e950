// `recordVersion`: one record as it was in force at an effective moment, as known at a recorded moment.
import { decidingEntry, groupOf } from '@iron-triangle/domain';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { badInput, notFound } from '../errors';
import { assertAllowed, requirePrincipal } from '../permissions';
import { DateTimeScalar } from '../scalars';
import { canRead } from '../scope';
import { AuthorityChange } from './change.entity';
import { decodeRecord } from './record';
import { versionEntryOf } from './rows-as-of';
import { LOGGED_BY_TYPE, LOGGED_TYPES } from './registry';

@Resolver()
export class RecordVersionResolver {
  @Query(() => AuthorityChange, {
    nullable: true,
    description:
      'The entry that decides a record at `at` (effective time, default now) as known at `asKnownAt` (recorded ' +
      'time, default now): its `after` is the record as it then was; null when the record did not exist then. ' +
      'recordType is one of the types that keep a history (AuthorityRule, Delegation, …).',
  })
  async recordVersion(
    @Arg('recordType', { description: 'The record type, e.g. "AuthorityRule".' }) recordType: string,
    @Arg('recordId', () => ID, { description: 'The record id.' }) recordId: string,
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'Effective moment (default now).' })
    at: Date | undefined,
    @Arg('asKnownAt', () => DateTimeScalar, { nullable: true, description: 'Recorded moment (default now).' })
    asKnownAt: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<AuthorityChange | null> {
    requirePrincipal(ctx);
    const type = LOGGED_BY_TYPE.get(recordType);
    if (!type) {
      throw badInput({
        recordType: `keeps no history; one of ${LOGGED_TYPES.map((t) => t.recordType).join(', ')}`,
      });
    }
    const group = groupOf(recordType);
    if (group === null) throw new Error(`${recordType} has no group in the access table`);
    assertAllowed(ctx, group, 'read');
    const id = Number(recordId);
    if (!Number.isSafeInteger(id) || id <= 0) throw badInput({ recordId: 'is not a record id' });
    const em = ctx.db.manager;
    const entries = await em.find(AuthorityChange, { where: { recordType, recordId: id }, order: { revision: 'ASC' } });
    if (!entries.length) throw notFound(recordType, id);
    // The caller must be able to read the record as it is now, or as it last was (a deleted one).
    const metadata = ctx.db.dataSource.entityMetadatas.find((m) => m.tableName === type.table);
    if (!metadata) throw new Error(`no entity for ${type.table}`);
    const last = entries[entries.length - 1] as AuthorityChange;
    const kept = last.after ?? last.before;
    const row =
      (await em.findOneBy(metadata.target, { id })) ??
      (kept ? decodeRecord(ctx.db.dataSource, recordType, kept) : null);
    if (!row || !(await canRead(ctx, em, metadata.target, row))) throw notFound(recordType, id);
    const deciding = decidingEntry(entries.map(versionEntryOf), at ?? ctx.now, asKnownAt ?? ctx.now);
    // A deleted record's deciding entry holds no version.
    return deciding?.after ?? null;
  }
}
