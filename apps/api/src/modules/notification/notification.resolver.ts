// The signed-in user's notifications: list (newest first, paged), unread count, mark read; and runReminders, the
// reminder sweep at a given moment for operators and tests (ADMIN).
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  MiddlewareFn,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Locale } from '@iron-triangle/domain';
import type { Context } from '../../platform/context';
import { AppError, badInput, forbidden } from '../../platform/errors';
import { cursorOf, cursorParts } from '../../platform/page-cursor';
import { requirePrincipal } from '../../platform/permissions';
import { localeOf } from '../../platform/locale';
import { declareScope } from '../../platform/scope';
import { DateTimeScalar } from '../../platform/scalars';
import { Notification } from './notification.entity';
import { renderNotification } from './notification.messages';
import { sendDueReminders } from './reminders';
import { runtimeOf } from './notification.runtime';

declareScope(Notification, 'Notification', {
  kind: 'reference',
  why: 'personal: each user reads and marks only their own notifications (the owner check below), whatever the org',
});

/** The largest page of notifications. */
export const NOTIFICATIONS_MAX_PAGE = 200;
const DEFAULT_PAGE = 50;

const WORDS: Record<Locale, { notAUser: string; notFound: (ids: string[]) => string; admin: string }> = {
  en: {
    notAUser: 'Notifications belong to a signed-in user: sign in as a user (an API token has none).',
    notFound: (ids) =>
      `Notification ${ids.join(', ')} does not exist or is not yours; nothing was marked read. You may mark only ` +
      'your own notifications.',
    admin: 'Only an administrator (a signed-in ADMIN user) may run the reminders.',
  },
  'zh-CN': {
    notAUser: '通知属于登录用户：请以用户身份登录（API 令牌没有通知）。',
    notFound: (ids) => `通知 ${ids.join('、')} 不存在或不属于您；未标记任何通知为已读。您只能标记自己的通知。`,
    admin: '只有管理员（已登录的 ADMIN 用户）可以运行提醒。',
  },
};

interface Owner {
  userId: number;
  personId: number | null;
}

/** The signed-in user (an API token has no notifications). */
function ownerOf(ctx: Context): Owner {
  const p = requirePrincipal(ctx);
  if (p.kind !== 'user') throw forbidden(WORDS[localeOf(ctx)].notAUser);
  return { userId: p.userId, personId: p.personId };
}

/** Notifications to the user, or to their person before they had a user. */
function owned(em: EntityManager, owner: Owner): SelectQueryBuilder<Notification> {
  return em.createQueryBuilder(Notification, 'n').where(
    new Brackets((w) => {
      w.where('n.recipientUserId = :userId', { userId: owner.userId });
      if (owner.personId !== null)
        w.orWhere('(n.recipientUserId IS NULL AND n.recipientPersonId = :personId)', { personId: owner.personId });
    }),
  );
}

function encodeCursor(n: Notification): string {
  return cursorOf([1, n.createdAt.getTime(), n.id]);
}

function decodeCursor(after: string): { at: Date; id: number } {
  const refuse = () =>
    badInput({ after: 'is not a notification cursor: pass the `cursor` of a notification this query returned' });
  const parsed = cursorParts(after, 3, refuse);
  if (parsed[0] !== 1) throw refuse();
  const [, at, id] = parsed;
  if (!Number.isSafeInteger(at) || !Number.isSafeInteger(id)) throw refuse();
  return { at: new Date(at as number), id: id as number };
}

/** A resolver middleware: a signed-in ADMIN user (not a token). */
const adminUser: MiddlewareFn<Context> = async ({ context }, next) => {
  const p = requirePrincipal(context);
  if (p.kind !== 'user' || p.role !== 'ADMIN') throw forbidden(WORDS[localeOf(context)].admin);
  return next();
};

/** A signed-in user (not a token). */
const userOnly: MiddlewareFn<Context> = async ({ context }, next) => {
  ownerOf(context);
  return next();
};

@ObjectType('ReminderRun', { description: 'What one run of the reminders did.' })
export class ReminderRun {
  @Field(() => DateTimeScalar, { description: 'The moment the reminders were judged at.' })
  at: Date;

  @Field(() => Int, { description: 'Notifications written (one per recipient); 0 when everything was already sent.' })
  notified: number;

  @Field(() => Int, { description: 'Delegations reminded of (ending within 7 days).' })
  delegations: number;

  @Field(() => Int, { description: 'Certifications reminded of (ending within 30 days).' })
  certifications: number;

  @Field(() => Int, { description: 'E-mails sent by this run (pending ones due at `at` included).' })
  mailsSent: number;

  @Field(() => Int, { description: 'E-mails that failed in this run (they are retried later).' })
  mailsFailed: number;
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => [Notification], {
    description:
      "The signed-in user's notifications, newest first: `first` of them (1 to 200, default 50) after the " +
      '`after` cursor (a notification’s `cursor`). API tokens have none (FORBIDDEN).',
  })
  @UseMiddleware(userOnly)
  async notifications(
    @Arg('unreadOnly', () => Boolean, { nullable: true, description: 'Only those not read yet.' })
    unreadOnly: boolean | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'How many (1 to 200; default 50).' })
    first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor.' })
    after: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Notification[]> {
    const owner = ownerOf(ctx);
    const take = first ?? DEFAULT_PAGE;
    if (!Number.isInteger(take) || take < 1 || take > NOTIFICATIONS_MAX_PAGE)
      throw badInput({ first: `must be from 1 to ${NOTIFICATIONS_MAX_PAGE} (${take} given)` });
    const qb = owned(ctx.db.manager, owner);
    if (unreadOnly) qb.andWhere('n.readAt IS NULL');
    if (after) {
      const from = decodeCursor(after);
      qb.andWhere(
        new Brackets((w) => {
          w.where('n.createdAt < :cursorAt', { cursorAt: from.at }).orWhere(
            '(n.createdAt = :cursorAt AND n.id < :cursorId)',
            { cursorAt: from.at, cursorId: from.id },
          );
        }),
      );
    }
    return qb.orderBy('n.createdAt', 'DESC').addOrderBy('n.id', 'DESC').take(take).getMany();
  }

  @Query(() => Int, { description: "How many of the signed-in user's notifications are unread." })
  @UseMiddleware(userOnly)
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return owned(ctx.db.manager, ownerOf(ctx)).andWhere('n.readAt IS NULL').getCount();
  }

  @Mutation(() => Int, {
    description:
      'Marks notifications of the signed-in user read: these `ids`, or all of them when `ids` is null or empty. ' +
      'Returns how many were unread. An id that is not yours is refused with NOT_FOUND, and nothing is marked.',
  })
  @UseMiddleware(userOnly)
  markNotificationsRead(
    @Arg('ids', () => [ID], { nullable: true, description: 'The notifications; null or empty: all of yours.' })
    ids: string[] | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<number> {
    const owner = ownerOf(ctx);
    const wanted = [...new Set((ids ?? []).map((id) => id.trim()))];
    const bad = wanted.filter((id) => !/^\d{1,15}$/.test(id));
    if (bad.length) throw badInput({ ids: `not notification ids: ${bad.join(', ')}` });
    return ctx.db.transaction(async (em) => {
      const qb = owned(em, owner).select('n.id');
      if (wanted.length) {
        const mine = new Set(
          (await qb.andWhere('n.id IN (:...ids)', { ids: wanted.map(Number) }).getMany()).map((n) => String(n.id)),
        );
        const missing = wanted.filter((id) => !mine.has(id));
        if (missing.length)
          throw new AppError('NOT_FOUND', WORDS[localeOf(ctx)].notFound(missing), {
            type: 'Notification',
            ids: missing,
          });
      }
      const unread = owned(em, owner).select('n.id').andWhere('n.readAt IS NULL');
      if (wanted.length) unread.andWhere('n.id IN (:...ids)', { ids: wanted.map(Number) });
      const targets = (await unread.getMany()).map((n) => n.id);
      if (targets.length === 0) return 0;
      const result = await em
        .createQueryBuilder()
        .update(Notification)
        .set({ readAt: ctx.now })
        .where('id IN (:...ids) AND readAt IS NULL', { ids: targets })
        .execute();
      return result.affected ?? targets.length;
    });
  }

  @Mutation(() => ReminderRun, {
    description:
      'Runs the reminder sweep at `at` (default now): delegations ending within 7 days and certifications ending ' +
      'within 30 days notify their holders, once each (a second run writes nothing); then sends the e-mails due at ' +
      '`at`. For operators and tests; the server also runs it every TICK_SECONDS. ADMIN users only.',
  })
  @UseMiddleware(adminUser)
  async runReminders(
    @Arg('at', () => DateTimeScalar, { nullable: true, description: 'The moment (default now).' }) at: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<ReminderRun> {
    const when = at ?? ctx.now;
    const sweep = await sendDueReminders(ctx.db.dataSource, when);
    const mail = (await runtimeOf(ctx.db.dataSource)?.outbox.flush(when)) ?? { sent: 0, failed: 0 };
    return { at: when, ...sweep, mailsSent: mail.sent, mailsFailed: mail.failed };
  }

  @FieldResolver(() => String, { description: 'The headline, in the caller’s language (Accept-Language).' })
  title(@Root() n: Notification, @Ctx() ctx: Context): string {
    return renderNotification(n.kind, n.payload, localeOf(ctx)).title;
  }

  @FieldResolver(() => String, { description: 'What it says, in the caller’s language (Accept-Language).' })
  body(@Root() n: Notification, @Ctx() ctx: Context): string {
    return renderNotification(n.kind, n.payload, localeOf(ctx)).body;
  }

  @FieldResolver(() => Boolean, { description: 'Whether it was marked read.' })
  read(@Root() n: Notification): boolean {
    return n.readAt !== null;
  }

  @FieldResolver(() => String, { description: 'Pass it as `after` to continue after this notification.' })
  cursor(@Root() n: Notification): string {
    return encodeCursor(n);
  }
}
