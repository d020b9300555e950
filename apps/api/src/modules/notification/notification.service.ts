// notify: writes notifications inside the caller's transaction (its manager), one per recipient user (or per person
// without a user), each under a dedupe key so that the same event never notifies the same recipient twice. Their
// e-mails go out after the transaction commits (mail-outbox.ts); a rollback takes them back with the business write.
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager, QueryRunner } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { Person } from '../person';
import { User } from '../user';
import { together } from '../../platform/together';
import { insertRow } from '../../platform/insert-row';
import { Notification } from './notification.entity';
import type { NotificationKind, NotificationLink, NotificationPayloads } from './notification.kinds';
import { runtimeOf } from './notification.runtime';

/** Who to notify: a person (each active user linked to them; else the person's own e-mail), or a user. */
export interface Recipient {
  personId?: number | string | null;
  userId?: number | string | null;
}

export interface NotifyOptions {
  /** When it happened (the request's clock or the sweep's `at`): the notification's createdAt. */
  at: Date;
  /** The record it leads to. */
  link?: NotificationLink | null;
  /**
   * What makes it one event (e.g. `delegation-created:12`): with the recipient, a unique key; a second notify with the
   * same key and recipient writes nothing. Default: a fresh key (never deduplicated).
   */
  key?: string;
  /**
   * The key names a record the caller's transaction has just made (`delegation:12:created` for delegation 12, new):
   * nothing can carry it yet, so no earlier notification is looked for (one statement less in the write; a concurrent
   * writer of the same key would still meet the unique key, below).
   */
  newRecord?: boolean;
}

const MAIL_AFTER_COMMIT = Symbol('notificationMailAfterCommit');
type RunnerData = { [MAIL_AFTER_COMMIT]?: true };

/** Marks the transaction: its notifications' e-mails are sent once it commits (notification.subscriber.ts). */
function sendAfterCommit(em: EntityManager): void {
  const runtime = runtimeOf(em.connection);
  if (!runtime?.outbox.enabled) return;
  const runner = em.queryRunner;
  if (runner && runner.isTransactionActive) (runner.data as RunnerData)[MAIL_AFTER_COMMIT] = true;
  else runtime.outbox.kick();
}

/** Whether the transaction that just ended had notifications to mail (and forgets it). */
export function takeMailMark(runner: QueryRunner): boolean {
  const data = runner.data as RunnerData;
  const marked = data[MAIL_AFTER_COMMIT] === true;
  delete data[MAIL_AFTER_COMMIT];
  return marked;
}

function dedupeKeyOf(key: string, recipient: string): string {
  const full = `${key}|${recipient}`;
  return full.length <= 200 ? full : `sha256:${createHash('sha256').update(full).digest('hex')}`;
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = String(e.driverError?.code ?? e.code ?? '');
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}

const toNumber = (id: number | string | null | undefined): number | null =>
  id === null || id === undefined || id === '' ? null : Number(id);

interface Row {
  recipientUserId: number | null;
  recipientPersonId: number | null;
  mailTo: string | null;
  recipient: string;
}

/** Ids of a recipient list: the users named, and the people named without a user. */
function idsOf(recipients: readonly Recipient[]): { userIds: Set<number>; personIds: Set<number> } {
  const userIds = new Set<number>();
  const personIds = new Set<number>();
  for (const r of recipients) {
    const user = toNumber(r.userId);
    const person = toNumber(r.personId);
    if (user !== null) userIds.add(user);
    else if (person !== null) personIds.add(person);
  }
  return { userIds, personIds };
}

/** A user's row as a recipient. */
const userRow = (id: number, personId: number | null, email: string): Row => ({
  recipientUserId: id,
  recipientPersonId: personId,
  mailTo: email,
  recipient: `u${id}`,
});

/**
 * Who each recipient list reaches, every list resolved in one or two statements: a person's active users (or the
 * person, when they have none and are not archived), a user as such; each recipient once per list.
 */
async function resolveRecipientLists(em: EntityManager, lists: ReadonlyArray<readonly Recipient[]>): Promise<Row[][]> {
  const ids = lists.map(idsOf);
  const userIds = [...new Set(ids.flatMap((i) => [...i.userIds]))];
  const personIds = [...new Set(ids.flatMap((i) => [...i.personIds]))];
  const users = new Map<number, Row>();
  // A person's active users, or the person alone: one statement (people joined to their users).
  const byPerson = new Map<number, Row[]>();
  const [named, reached] = await together(
    userIds.length
      ? em.find(User, { where: { id: In(userIds), archivedAt: IsNull() }, order: { id: 'ASC' } })
      : Promise.resolve([] as User[]),
    personIds.length
      ? (em
          .createQueryBuilder(Person, 'p')
          .leftJoin(User, 'u', 'u.personId = p.id AND u.archivedAt IS NULL')
          .select(['p.id AS personId', 'p.email AS personEmail', 'p.archivedAt AS personArchivedAt'])
          .addSelect(['u.id AS userId', 'u.email AS userEmail'])
          .where('p.id IN (:...personIds)', { personIds })
          .orderBy('u.id', 'ASC')
          .getRawMany() as Promise<
          Array<{
            personId: number | string;
            personEmail: string | null;
            personArchivedAt: unknown;
            userId: number | string | null;
            userEmail: string | null;
          }>
        >)
      : Promise.resolve([]),
  );
  for (const u of named) users.set(u.id, userRow(u.id, u.personId, u.email));
  for (const r of reached) {
    const personId = Number(r.personId);
    const list = byPerson.get(personId) ?? [];
    if (r.userId !== null && r.userId !== undefined) list.push(userRow(Number(r.userId), personId, r.userEmail ?? ''));
    else if (r.personArchivedAt === null || r.personArchivedAt === undefined)
      list.push({
        recipientUserId: null,
        recipientPersonId: personId,
        mailTo: r.personEmail && r.personEmail.trim() !== '' ? r.personEmail.trim() : null,
        recipient: `p${personId}`,
      });
    byPerson.set(personId, list);
  }
  // Per list: its users by id (named, or a named person's), each once; then its people without a user, by id.
  return ids.map(({ userIds: u, personIds: p }) => {
    const people = [...p].sort((a, b) => a - b).flatMap((id) => byPerson.get(id) ?? []);
    const userRows = [
      ...[...u].flatMap((id) => users.get(id) ?? []),
      ...people.filter((r) => r.recipientUserId !== null),
    ];
    userRows.sort((a, b) => (a.recipientUserId as number) - (b.recipientUserId as number));
    const rows = new Map<string, Row>();
    for (const row of [...userRows, ...people.filter((r) => r.recipientUserId === null)]) rows.set(row.recipient, row);
    return [...rows.values()];
  });
}

/** One event to notify of (notifyAll). */
export interface Notice<K extends NotificationKind = NotificationKind> {
  recipients: readonly Recipient[];
  kind: K;
  /** The payload, or its promise (read while the recipients are: issue #13, a write's round trips). */
  payload: NotificationPayloads[K] | Promise<NotificationPayloads[K]>;
  options: NotifyOptions;
}

/**
 * Notifies `recipients` of `kind` inside the caller's transaction (`em` is its manager); returns how many
 * notifications were written (a recipient already notified under the same key is skipped).
 */
export function notify<K extends NotificationKind>(
  em: EntityManager,
  recipients: readonly Recipient[],
  kind: K,
  payload: NotificationPayloads[K] | Promise<NotificationPayloads[K]>,
  options: NotifyOptions,
): Promise<number> {
  return notifyAll(em, [{ recipients, kind, payload, options } as Notice]);
}

/**
 * notify for several events at once (a revocation and its cascade), in a constant number of statements: the
 * recipients of all in one or two, the keys already used in one, the notifications in one insert.
 */
export async function notifyAll(em: EntityManager, notices: readonly Notice[]): Promise<number> {
  if (notices.length === 0) return 0;
  // The recipients and the payloads (a payload may still be reading the names it shows) in one round trip.
  const [reached, payloads] = await together(
    resolveRecipientLists(
      em,
      notices.map((n) => n.recipients),
    ),
    Promise.all(notices.map((n) => n.payload)),
  );
  const mail = runtimeOf(em.connection)?.outbox.enabled ?? false;
  const rows: Array<Partial<Notification>> = [];
  const looked: string[] = [];
  notices.forEach((notice, i) => {
    const { kind, options } = notice;
    const payload = payloads[i];
    const key = options.key ?? `once:${randomUUID()}`;
    for (const row of reached[i] ?? []) {
      const dedupeKey = dedupeKeyOf(`${kind}:${key}`, row.recipient);
      // A fresh key (none given, or one naming a record just made) cannot have been used: nothing to look for.
      if (options.key !== undefined && !options.newRecord) looked.push(dedupeKey);
      rows.push({
        recipientUserId: row.recipientUserId,
        recipientPersonId: row.recipientPersonId,
        kind,
        payload: payload as never,
        targetType: options.link?.recordType ?? null,
        targetId: options.link ? String(options.link.recordId) : null,
        dedupeKey,
        createdAt: options.at,
        readAt: null,
        mailTo: mail ? row.mailTo : null,
        mailState: mail && row.mailTo ? 'PENDING' : 'NONE',
        mailAttempts: 0,
        mailNextAttemptAt: null,
        mailSentAt: null,
        mailLastError: null,
      });
    }
  });
  const existing = looked.length
    ? new Set(
        (await em.find(Notification, { select: { dedupeKey: true }, where: { dedupeKey: In(looked) } })).map(
          (n) => n.dedupeKey,
        ),
      )
    : new Set<string>();
  // The same key twice in one batch is one notification too.
  const seen = new Set<string>();
  const fresh = rows.filter((r) => {
    const key = r.dedupeKey as string;
    if (existing.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let written = 0;
  if (fresh.length > 1) {
    try {
      // Nothing read back: the ids and the defaults are not needed here.
      await em
        .createQueryBuilder()
        .insert()
        .into(Notification)
        .values(fresh as never)
        .updateEntity(false)
        .execute();
      written = fresh.length;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // One of them was written meanwhile by a concurrent sweep: one by one, below (the failed statement is undone).
    }
  }
  if (written === 0)
    for (const row of fresh) {
      try {
        await insertRow(em, Notification, row);
        written += 1;
      } catch (error) {
        // Written meanwhile by a concurrent sweep: it stays one notification (the failed statement alone is undone).
        if (!isDuplicateKey(error)) throw error;
      }
    }
  if (written > 0) sendAfterCommit(em);
  return written;
}
