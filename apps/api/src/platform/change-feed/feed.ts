// The change feed of one API process: subscriptions to the change log (authority_changes), fed by a poller that runs
// only while the process has subscribers. Every process polls the database itself, so a change committed through any
// process reaches the subscribers of every other one; nothing is shared in memory between processes.
//
// Order, no gap, no duplicate: the log is in commit order and has no gaps (change-log/record.ts), so reading
// `revision > last ORDER BY revision` never skips an entry that commits later. Each subscription keeps its position
// (the revision up to which it has taken every entry into account) and takes an entry only above it. It starts by
// catching up from the log (entries after its cursor, in pages, up to the revision committed when the page was
// read); it switches to the poller's live entries only once its position has reached the poller's, so the poller
// delivers exactly what follows. A subscription whose consumer falls behind (its queue is full) goes back to
// catching up from its position instead of buffering without end.
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../logger';
import { AuthorityChange } from '../change-log/change.entity';
import { readRevision } from '../change-log/record';

/** Entries read per statement (poller and catch-up). */
export const FEED_BATCH = 500;
/** Entries a subscription holds for a slow consumer before it falls back to reading the log itself. */
const MAX_QUEUED = 2_000;

export interface FeedFilter {
  /** Only entries of this record type. */
  recordType: string | null;
  /** Only entries of this record id (the query's filter; subscriptions filter by type only). */
  recordId?: number | null;
}

export interface FeedOptions {
  /** How long the poller waits after a read that found fewer than a batch (CHANGE_FEED_POLL_MS). */
  pollMs: number;
  logger: Logger;
  /** Entries a subscription holds for a slow consumer (default 2,000; tests lower it). */
  maxQueued?: number;
}

/** Entries after revision `after` (and up to `upTo`), in revision order: one statement on the primary key. */
export function readEntries(
  em: EntityManager,
  after: bigint,
  filter: FeedFilter,
  upTo: bigint | null,
  limit: number,
): Promise<AuthorityChange[]> {
  const qb = em
    .createQueryBuilder(AuthorityChange, 'c')
    .where('c.revision > :after', { after: after.toString() })
    .orderBy('c.revision', 'ASC')
    .limit(limit);
  if (upTo !== null) qb.andWhere('c.revision <= :upTo', { upTo: upTo.toString() });
  if (filter.recordType !== null) qb.andWhere('c.recordType = :recordType', { recordType: filter.recordType });
  if (filter.recordId !== undefined && filter.recordId !== null)
    qb.andWhere('c.recordId = :recordId', { recordId: filter.recordId });
  return qb.getMany();
}

/** One subscription: an async iterator of entries, in revision order. */
export class FeedSubscription implements AsyncIterableIterator<AuthorityChange> {
  /** Every entry up to here has been queued or passed over (null: start from the revision committed now). */
  private position: bigint | null;
  private state: 'catching-up' | 'live' | 'closed' = 'catching-up';
  private readonly queue: AuthorityChange[] = [];
  private wake: (() => void) | null = null;

  constructor(
    private readonly feed: ChangeFeed,
    after: string | null,
    private readonly filter: FeedFilter,
  ) {
    this.position = after === null ? null : BigInt(after);
  }

  get isLive(): boolean {
    return this.state === 'live';
  }

  /** Closed (read again after every await: return() may close it meanwhile). */
  private get isClosed(): boolean {
    return this.state === 'closed';
  }

  /** Wakes a consumer waiting in next(). */
  notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** A live entry from the poller (called in revision order). */
  offer(entry: AuthorityChange): void {
    if (this.state !== 'live' || this.position === null) return;
    const revision = BigInt(entry.revision);
    if (revision <= this.position) return;
    if (this.queue.length >= this.feed.maxQueued) {
      // The consumer is behind: read on from the log from the position reached, when it comes back.
      this.state = 'catching-up';
      return;
    }
    this.position = revision;
    if (this.filter.recordType === null || entry.recordType === this.filter.recordType) this.queue.push(entry);
  }

  /** Goes live when the poller delivers everything after this subscription's position. */
  private tryGoLive(): boolean {
    const polled = this.feed.polledUpTo;
    if (this.state !== 'catching-up' || this.position === null || polled === null || this.position < polled)
      return false;
    this.state = 'live';
    return true;
  }

  /** Reads one page of the log after the position; false when it found nothing new (wait for the poller). */
  private async catchUp(): Promise<boolean> {
    const em = this.feed.manager;
    const head = BigInt(await readRevision(em));
    if (this.isClosed) return true;
    const from = this.position ?? head;
    const rows = head > from ? await readEntries(em, from, this.filter, head, FEED_BATCH) : [];
    if (this.isClosed) return true;
    this.queue.push(...rows);
    if (rows.length === FEED_BATCH) {
      this.position = BigInt(rows[rows.length - 1]!.revision);
      return true;
    }
    const advanced = this.position === null || head > this.position;
    if (this.position === null || head > this.position) this.position = head;
    this.tryGoLive();
    return advanced || rows.length > 0;
  }

  private sleep(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? null : setTimeout(() => this.notify(), ms);
      this.wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
    });
  }

  async next(): Promise<IteratorResult<AuthorityChange>> {
    for (;;) {
      if (this.state === 'closed') return { done: true, value: undefined };
      const entry = this.queue.shift();
      if (entry) return { done: false, value: entry };
      if (this.state === 'live' || this.tryGoLive()) {
        if (this.queue.length === 0) await this.sleep();
        continue;
      }
      let progressed: boolean;
      try {
        progressed = await this.catchUp();
      } catch (error) {
        this.feed.reportError('change feed: catching up failed; retrying', error);
        await this.sleep(this.feed.retryMs);
        continue;
      }
      // Caught up with the database, but the poller has not started (or read) yet: it wakes us.
      if (!progressed && this.state === 'catching-up' && this.queue.length === 0) await this.sleep(this.feed.retryMs);
    }
  }

  async return(): Promise<IteratorResult<AuthorityChange>> {
    this.close();
    return { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<AuthorityChange>> {
    this.close();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<AuthorityChange> {
    return this;
  }

  close(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.queue.length = 0;
    this.feed.remove(this);
    this.notify();
  }
}

export class ChangeFeed {
  private readonly subscriptions = new Set<FeedSubscription>();
  /** The revision up to which the poller has delivered every entry; null while it is not running. */
  private last: bigint | null = null;
  private loop: Promise<void> | null = null;
  private wakePoller: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: FeedOptions,
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  get polledUpTo(): bigint | null {
    return this.last;
  }

  get maxQueued(): number {
    return this.options.maxQueued ?? MAX_QUEUED;
  }

  /** How long to wait before trying again after a failed read. */
  get retryMs(): number {
    return Math.max(this.options.pollMs, 1_000);
  }

  get subscriberCount(): number {
    return this.subscriptions.size;
  }

  /** A subscription to the entries after revision `after` (null: after the revision committed when it starts). */
  subscribe(after: string | null, filter: FeedFilter): FeedSubscription {
    if (this.stopped) throw new Error('the change feed is stopped');
    const subscription = new FeedSubscription(this, after, filter);
    this.subscriptions.add(subscription);
    this.loop ??= this.run();
    return subscription;
  }

  remove(subscription: FeedSubscription): void {
    this.subscriptions.delete(subscription);
    if (this.subscriptions.size === 0) this.interruptWait();
  }

  reportError(message: string, error: unknown): void {
    if (this.stopped) return;
    this.options.logger.warn(message, { error: error instanceof Error ? error.message : String(error) });
  }

  /** Ends every subscription and the poller (the server stops). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const subscription of [...this.subscriptions]) subscription.close();
    this.interruptWait();
    await this.loop;
  }

  private interruptWait(): void {
    const wake = this.wakePoller;
    this.wakePoller = null;
    wake?.();
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.interruptWait(), ms);
      this.wakePoller = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private active(): boolean {
    return !this.stopped && this.subscriptions.size > 0;
  }

  /** Polls while there are subscribers: reads the entries after the last one delivered, and offers them in order. */
  private async run(): Promise<void> {
    try {
      while (this.active()) {
        let pause = this.options.pollMs;
        try {
          if (this.last === null) {
            this.last = BigInt(await readRevision(this.manager));
          } else {
            const rows = await readEntries(this.manager, this.last, { recordType: null }, null, FEED_BATCH);
            for (const row of rows) {
              for (const subscription of this.subscriptions) subscription.offer(row);
              this.last = BigInt(row.revision);
            }
            if (rows.length === FEED_BATCH) pause = 0;
          }
          for (const subscription of this.subscriptions) subscription.notify();
        } catch (error) {
          this.reportError('change feed: reading the log failed; retrying', error);
          pause = this.retryMs;
        }
        if (pause > 0 && this.active()) await this.wait(pause);
      }
    } finally {
      // Restarted by the next subscriber, from the revision committed then.
      this.last = null;
      this.loop = null;
    }
  }
}
