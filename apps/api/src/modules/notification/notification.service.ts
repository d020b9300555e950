// notify: writes notifications inside the caller's transaction (its manager), one per recipient user (or per person
// without a user), each under a dedupe key so that the same event never notifies the same recipient twice. Their
// e-mails go out after the transaction commits (mail-outbox.ts); a rollback takes them back with the business write.
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager, QueryRunner } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { Person } from '../person';
import { User } from '../user';
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

/** Each recipient once: a person's active users (or the person), a user as such. */
async function resolveRecipients(em: EntityManager, recipients: readonly Recipient[]): Promise<Row[]> {
  const userIds = new Set<number>();
  const personIds = new Set<number>();
  for (const r of recipients) {
    const user = toNumber(r.userId);
    const person = toNumber(r.personId);
    if (user !== null) userIds.add(user);
    else if (person !== null) personIds.add(person);
  }
  if (userIds.size === 0 && personIds.size === 0) return [];
  const rows = new Map<string, Row>();
  const people = personIds.size ? [...personIds] : [];
  const users = await em.find(User, {
    where: [
      ...(userIds.size ? [{ id: In([...userIds]), archivedAt: IsNull() }] : []),
      ...(people.length ? [{ personId: In(people), archivedAt: IsNull() }] : []),
    ],
    order: { id: 'ASC' },
  });
  const covered = new Set<number>();
  for (const u of users) {
    if (u.personId !== null) covered.add(u.personId);
    rows.set(`u${u.id}`, {
      recipientUserId: u.id,
      recipientPersonId: u.personId,
      mailTo: u.email,
      recipient: `u${u.id}`,
    });
  }
  const uncovered = people.filter((p) => !covered.has(p));
  if (uncovered.length) {
    const found = await em.find(Person, { where: { id: In(uncovered), archivedAt: IsNull() }, order: { id: 'ASC' } });
    for (const p of found)
      rows.set(`p${p.id}`, {
        recipientUserId: null,
        recipientPersonId: p.id,
        mailTo: p.email && p.email.trim() !== '' ? p.email.trim() : null,
        recipient: `p${p.id}`,
      });
  }
  return [...rows.values()];
}

/**
 * Notifies `recipients` of `kind` inside the caller's transaction (`em` is its manager); returns how many
 * notifications were written (a recipient already notified under the same key is skipped).
 */
export async function notify<K extends NotificationKind>(
  em: EntityManager,
  recipients: readonly Recipient[],
  kind: K,
  payload: NotificationPayloads[K],
  options: NotifyOptions,
): Promise<number> {
  const rows = await resolveRecipients(em, recipients);
  if (rows.length === 0) return 0;
  const key = options.key ?? `once:${randomUUID()}`;
  const keys = rows.map((r) => dedupeKeyOf(`${kind}:${key}`, r.recipient));
  // A fresh key (none given, or one naming a record just made) cannot have been used: nothing to look for.
  const existing =
    options.key === undefined || options.newRecord
      ? new Set<string>()
      : new Set(
          (await em.find(Notification, { select: { dedupeKey: true }, where: { dedupeKey: In(keys) } })).map(
            (n) => n.dedupeKey,
          ),
        );
  const mail = runtimeOf(em.connection)?.outbox.enabled ?? false;
  let written = 0;
  for (const [i, row] of rows.entries()) {
    const dedupeKey = keys[i] as string;
    if (existing.has(dedupeKey)) continue;
    try {
      // Nothing read back: the id and the defaults are not needed here.
      await insertRow(em, Notification, {
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
      written += 1;
    } catch (error) {
      // Written meanwhile by a concurrent sweep: it stays one notification (the failed statement alone is undone).
      if (!isDuplicateKey(error)) throw error;
    }
  }
  if (written > 0) sendAfterCommit(em);
  return written;
}
