// The change feed (issue #12): the change log read in pages (`authorityChanges`) and pushed as it grows
// (`authorityChanged`, a graphql-ws subscription on /graphql). Administrators and API tokens with "read:changes".
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../platform/context';
import { badInput } from '../../platform/errors';
import { assertMayReadChanges } from '../../platform/permissions';
import { AuthorityChange, LOGGED_BY_TYPE, LOGGED_TYPES, readRevision } from '../../platform/change-log';
import { decodeCursor, encodeCursor, FeedSubscription, readEntries } from '../../platform/change-feed';
import { AuthorityChangePage } from './change-feed.types';

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 500;

const AFTER =
  'Only entries after this cursor (an `endCursor` of `authorityChanges`); omit to start from the first entry.';
const RECORD_TYPE = `Only entries of this record type: ${LOGGED_TYPES.map((t) => t.recordType).join(', ')}.`;

function recordTypeOf(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!LOGGED_BY_TYPE.has(value))
    throw badInput({
      recordType: `"${value.slice(0, 60)}" keeps no history; use one of ${[...LOGGED_BY_TYPE.keys()].join(', ')}`,
    });
  return value;
}

function recordIdOf(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!/^[1-9][0-9]{0,9}$/.test(value) || Number(value) > 2_147_483_647)
    throw badInput({ recordId: `"${value.slice(0, 60)}" is not a record id (a positive whole number)` });
  return Number(value);
}

/** The subscription's event stream: entries after `after` (or from now on), pushed in revision order. */
function subscribeToChanges(
  ctx: Context,
  args: { after?: string | null; recordType?: string | null },
): FeedSubscription {
  assertMayReadChanges(ctx);
  const after = args.after === null || args.after === undefined ? null : decodeCursor(args.after);
  const recordType = recordTypeOf(args.recordType);
  const feed = ctx.services.changeFeed;
  if (!feed) throw new Error('this server runs no change feed');
  return feed.subscribe(after, { recordType });
}

@Resolver()
export class ChangeFeedResolver {
  @Query(() => AuthorityChangePage, {
    description:
      'The change log in revision order (commit order, no gaps): every change to a record that keeps a history, ' +
      'with its before and after. Page with `after` / `endCursor`. Administrators and API tokens with the scope ' +
      '"read:changes" only. Send `X-At-Least-Revision: <revision>` to be sure the page includes that revision.',
  })
  async authorityChanges(
    @Arg('after', () => String, { nullable: true, description: AFTER }) after: string | null | undefined,
    @Arg('first', () => Int, {
      nullable: true,
      description: `How many entries (default ${DEFAULT_PAGE}, at most ${MAX_PAGE}).`,
    })
    first: number | null | undefined,
    @Arg('recordType', () => String, { nullable: true, description: RECORD_TYPE })
    recordType: string | null | undefined,
    @Arg('recordId', () => ID, { nullable: true, description: 'Only entries of this record id.' })
    recordId: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<AuthorityChangePage> {
    assertMayReadChanges(ctx);
    const size = first ?? DEFAULT_PAGE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE)
      throw badInput({ first: `must be between 1 and ${MAX_PAGE} (got ${size}); page on with endCursor` });
    const from = after === null || after === undefined ? '0' : decodeCursor(after);
    const filter = { recordType: recordTypeOf(recordType), recordId: recordIdOf(recordId) };
    // Every entry up to the revision committed now (read with the session when signed in) is visible.
    const head = ctx.revision ?? (await readRevision(ctx.db.manager));
    ctx.revision = head;
    const rows = await readEntries(ctx.db.manager, BigInt(from), filter, BigInt(head), size + 1);
    const hasNextPage = rows.length > size;
    const nodes: AuthorityChange[] = rows.slice(0, size);
    const last = nodes[nodes.length - 1];
    const end = hasNextPage && last ? last.revision : BigInt(head) > BigInt(from) ? head : from;
    return { nodes, endCursor: encodeCursor(end), hasNextPage, revision: head };
  }

  @Subscription(() => AuthorityChange, {
    description:
      'The change log as it grows, over WebSocket (the graphql-ws protocol, on /graphql): each entry once, in ' +
      'revision order. With `after`, first the entries after that cursor, then new ones, with no gap or repeat ' +
      'between them. Authenticate with the connection parameter `authorization: "Bearer <token>"` (administrators ' +
      'and API tokens with "read:changes"); `atLeastRevision` there waits like the HTTP header ' +
      '`X-At-Least-Revision`.',
    subscribe: ({ args, context }) => subscribeToChanges(context as Context, args),
  })
  authorityChanged(
    @Root() entry: AuthorityChange,
    // (The description is written here: a constant used only in a parameter decorator reads as unused to ESLint.)
    @Arg('after', () => String, {
      nullable: true,
      description:
        'First the entries after this cursor (an `endCursor` of `authorityChanges`), then new ones; omit for new ' +
        'ones only.',
    })
    _after: string | null | undefined,
    @Arg('recordType', () => String, { nullable: true, description: RECORD_TYPE })
    _recordType: string | null | undefined,
  ): AuthorityChange {
    return entry;
  }
}

@Resolver(() => AuthorityChange)
export class AuthorityChangeCursorResolver {
  @FieldResolver(() => String, {
    description:
      'Where a feed resumes after this entry (opaque): pass it as `after` to `authorityChanges` or ' +
      '`authorityChanged`, e.g. to reconnect a subscription without a gap or a repeat.',
  })
  cursor(@Root() entry: AuthorityChange): string {
    return encodeCursor(entry.revision);
  }
}
