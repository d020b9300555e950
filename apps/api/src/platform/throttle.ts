// Sign-in attempts, counted in the database (table login_throttle) so that every API process shares the count.
//
// Two buckets per attempt: the account (the e-mail as typed, trimmed and lower-cased, whether or not it exists) and
// the client address (the socket's remote address). A password is checked only after one attempt has been reserved
// in both, each with a conditional UPDATE (`attempts = attempts + 1 … WHERE attempts < max`) that must change
// exactly one row: the database serializes those statements, so under any concurrency at most `max` checks per
// bucket and window happen (MariaDB's UPDATE reads the latest committed row even under REPEATABLE READ; SQLite
// runs one write at a time).
//
// - Account: at most 5 password checks per 15 minutes; the 5th failure locks the account for 15 minutes from then.
//   A successful sign-in resets the count.
// - Address: at most 20 failed checks per 15 minutes from one address (spraying many accounts); a successful
//   sign-in gives its reservation back, so an office behind one address is limited only by its failures.
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppError } from './errors';

const TABLE = 'login_throttle';

export interface ThrottleLimits {
  /** Password checks per account and window. */
  accountMax: number;
  /** Failed password checks per client address and window. */
  addressMax: number;
  /** Window (and lock) length. */
  windowMs: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = { accountMax: 5, addressMax: 20, windowMs: 15 * 60_000 };

/** What `reserve` granted: the two buckets to settle once the password has been checked. */
export interface Reservation {
  account: string;
  address: string;
}

function bucket(kind: 'account' | 'address', key: string): string {
  return createHash('sha256').update(`${kind}:${key}`).digest('hex');
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client. */
export function normalizeAddress(address: string | null | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return (mapped ? (mapped[1] as string) : address).toLowerCase();
}

export class LoginThrottle {
  readonly limits: ThrottleLimits;
  private lastCleanup = 0;

  constructor(limits: Partial<ThrottleLimits> = {}) {
    this.limits = { ...DEFAULT_THROTTLE_LIMITS, ...limits };
  }

  /**
   * Reserves one password check for the account and the address, or throws RATE_LIMITED (with
   * `retryAfterSeconds`) without checking anything. Runs outside any transaction: each statement commits at once.
   */
  async reserve(
    em: EntityManager,
    account: string,
    address: string | null | undefined,
    now: Date,
  ): Promise<Reservation> {
    await this.cleanup(em, now);
    const reservation: Reservation = {
      account: bucket('account', account),
      address: bucket('address', normalizeAddress(address)),
    };
    // The address first: rows for unknown e-mails are created only while the address may still try.
    const addressWait = await this.take(em, reservation.address, this.limits.addressMax, now);
    if (addressWait !== null) {
      throw new AppError(
        'RATE_LIMITED',
        `Too many failed sign-ins from your network address; try again in ${addressWait} s.`,
        { retryAfterSeconds: addressWait },
      );
    }
    const accountWait = await this.take(em, reservation.account, this.limits.accountMax, now);
    if (accountWait !== null) {
      await this.giveBack(em, reservation.address);
      throw new AppError('RATE_LIMITED', `Too many failed sign-ins for this account; try again in ${accountWait} s.`, {
        retryAfterSeconds: accountWait,
      });
    }
    return reservation;
  }

  /**
   * The password was wrong: both reservations stay counted; a bucket that is now full stays locked for a window from
   * now.
   */
  async failed(em: EntityManager, reservation: Reservation, now: Date): Promise<void> {
    await this.extendLock(em, reservation.account, this.limits.accountMax, now);
    await this.extendLock(em, reservation.address, this.limits.addressMax, now);
  }

  /** The password was right: the account's count starts again, and the address gets its reservation back. */
  async succeeded(em: EntityManager, reservation: Reservation, now: Date): Promise<void> {
    await em
      .createQueryBuilder()
      .update(TABLE)
      .set({ attempts: 0, windowStartMs: now.getTime() })
      .where('bucket = :b', { b: reservation.account })
      .execute();
    await this.giveBack(em, reservation.address);
  }

  /** Takes one attempt from a bucket; null when granted, else the seconds until the bucket's window ends. */
  private async take(em: EntityManager, key: string, max: number, now: Date): Promise<number | null> {
    const t = now.getTime();
    await em
      .createQueryBuilder()
      .insert()
      .into(TABLE)
      .values({ bucket: key, attempts: 0, windowStartMs: t })
      .orIgnore()
      .execute();
    // A window that has ended starts again. The new start is `t`, so of two processes racing here only the first
    // resets: the second no longer matches (and a reservation made in between is never wiped).
    await em
      .createQueryBuilder()
      .update(TABLE)
      .set({ attempts: 0, windowStartMs: t })
      .where('bucket = :b AND windowStartMs <= :cutoff', { b: key, cutoff: t - this.limits.windowMs })
      .execute();
    const reserved = await em
      .createQueryBuilder()
      .update(TABLE)
      .set({ attempts: () => 'attempts + 1' })
      .where('bucket = :b AND attempts < :max', { b: key, max })
      .execute();
    if (reserved.affected === 1) return null;
    const rows = (await em
      .createQueryBuilder()
      .select('windowStartMs', 'start')
      .from(TABLE, 't')
      .where('bucket = :b', { b: key })
      .getRawMany()) as Array<{ start: unknown }>;
    const start = rows[0] ? Number(rows[0].start) : t;
    return Math.max(1, Math.ceil((start + this.limits.windowMs - t) / 1000));
  }

  private async giveBack(em: EntityManager, key: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(TABLE)
      .set({ attempts: () => 'attempts - 1' })
      .where('bucket = :b AND attempts > 0', { b: key })
      .execute();
  }

  private async extendLock(em: EntityManager, key: string, max: number, now: Date): Promise<void> {
    await em
      .createQueryBuilder()
      .update(TABLE)
      .set({ windowStartMs: now.getTime() })
      .where('bucket = :b AND attempts >= :max', { b: key, max })
      .execute();
  }

  /** Drops buckets idle for two windows, at most once a minute per process. */
  private async cleanup(em: EntityManager, now: Date): Promise<void> {
    const t = now.getTime();
    if (t - this.lastCleanup < 60_000) return;
    this.lastCleanup = t;
    await em
      .createQueryBuilder()
      .delete()
      .from(TABLE)
      .where('windowStartMs < :old', { old: t - 2 * this.limits.windowMs })
      .execute();
  }
}
