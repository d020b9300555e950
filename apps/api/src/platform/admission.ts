// Admission control for reads (issue #13): at most `limit` GraphQL reads are handled at once in a process; the others
// wait in a first-in, first-out queue, parked as soon as their body is read. One event loop runs every request: twenty
// concurrent questions kept it full, and each database round trip of a write (a dozen of them) waited behind all of
// them. With few reads in hand, a write's round trips, /healthz and /readyz wait for a handful of callbacks at most;
// mutations and the health endpoints never queue here. A read waits only for the reads before it, never for a write.
import type { RequestHandler } from 'express';

/** Counts, for tests, the health endpoint and the benchmark. */
export interface AdmissionStats {
  /** Reads admitted at once (without waiting). */
  admitted: number;
  /** Reads that waited in the queue before they were admitted. */
  queued: number;
  /** Reads refused because the queue was full. */
  refused: number;
  /** Reads executing now, and waiting now. */
  running: number;
  waiting: number;
  /** The longest the queue has been. */
  maxWaiting: number;
}

/** A permit to execute; `release` ends it (a second call does nothing). */
export type Release = () => void;

/**
 * Reads executing at once while a write is being handled (issue #13: a write's own p99 ≤ 50 ms): each of the write's
 * round trips to the database waits for the callbacks of the reads in hand, a dozen times over, while the write holds
 * the authority counter's row that every other write waits for. With one read in hand instead of several, each round
 * trip waits for one read's slice of work at most; the reads already running finish, the others wait their turn.
 */
export const READS_WHILE_WRITING = 1;

/**
 * How long one write keeps the reads to READS_WHILE_WRITING at most: a write still running after it (one judged by a
 * full build of its own, seconds long, or queued behind other writes on the counter's row) no longer holds them back.
 */
export const WRITE_PRIORITY_MS = 100;

export class ReadAdmission {
  private running = 0;
  /** Writes (mutations) being handled now. */
  private writes = 0;
  /** Waiters in arrival order; `head` is the next one (a plain array and an index: no O(n) shift). */
  private queue: Array<(release: Release) => void> = [];
  private head = 0;
  private readonly counts = { admitted: 0, queued: 0, refused: 0, maxWaiting: 0 };

  /**
   * @param limit reads executing at once; 0: no limit (every read executes at once)
   * @param maxWaiting reads that may wait; beyond it a read is refused (SERVICE_UNAVAILABLE) instead of queued
   * @param writePriority while a write is handled, READS_WHILE_WRITING reads at once (false: `limit` all the same)
   */
  constructor(
    readonly limit: number,
    readonly maxWaiting = 1000,
    readonly writePriority = true,
  ) {}

  get waiting(): number {
    return this.queue.length - this.head;
  }

  stats(): AdmissionStats {
    return { ...this.counts, running: this.running, waiting: this.waiting };
  }

  /** The reads that may execute at once now: fewer while a write is being handled (no limit stays none). */
  private limitNow(): number {
    if (this.limit <= 0) return Infinity;
    return this.writePriority && this.writes > 0 ? Math.min(this.limit, READS_WHILE_WRITING) : this.limit;
  }

  /** True when a read would have to wait and the queue is full (the read is refused: `refuse` counts it). */
  full(): boolean {
    return this.limit > 0 && this.running >= this.limitNow() && this.waiting >= this.maxWaiting;
  }

  /**
   * A write is being handled until the returned function is called (a second call does nothing): meanwhile reads are
   * admitted READS_WHILE_WRITING at a time; once no write is, the waiting reads are admitted up to the limit again.
   */
  writeStarted(): () => void {
    this.writes += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.writes -= 1;
      while (this.head < this.queue.length && this.running < this.limitNow()) {
        this.running += 1;
        this.next()(this.permit());
      }
    };
  }

  refuse(): void {
    this.counts.refused += 1;
  }

  /** A permit to execute now, or once the reads queued before this one have had theirs. */
  acquire(): Promise<Release> {
    if (this.running < this.limitNow()) {
      this.running += 1;
      this.counts.admitted += 1;
      return Promise.resolve(this.permit());
    }
    this.counts.queued += 1;
    const admitted = new Promise<Release>((resolve) => this.queue.push(resolve));
    this.counts.maxWaiting = Math.max(this.counts.maxWaiting, this.waiting);
    return admitted;
  }

  private permit(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.handOver();
    };
  }

  /**
   * A permit ends: the next waiter, if any, takes it over (the running count stays), unless fewer reads may run now
   * (a write is being handled); otherwise it is returned.
   */
  private handOver(): void {
    if (this.head < this.queue.length && this.running <= this.limitNow()) {
      this.next()(this.permit());
      return;
    }
    this.running -= 1;
  }

  /** Takes the next waiter off the queue (there is one). */
  private next(): (release: Release) => void {
    const next = this.queue[this.head] as (release: Release) => void;
    this.queue[this.head] = undefined as never;
    this.head += 1;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return next;
  }
}

/** The answer to a read refused because the queue is full (the shape of the API's other 503 answers). */
function queueFull(admission: ReadAdmission): { errors: Array<{ message: string; extensions: object }> } {
  return {
    errors: [
      {
        message:
          `The server is answering ${admission.limit} questions at once and ${admission.maxWaiting} more are ` +
          'waiting: retry in a moment.',
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 },
      },
    ],
  };
}

/**
 * True unless the GraphQL document may hold a mutation: any document with the word `mutation` anywhere (a comment,
 * a string) counts as a write (a read taken for a write merely skips the queue; a write is never taken for a read).
 * A request without a document (e.g. a persisted query's hash alone) counts as a read.
 */
export function isRead(document: unknown): boolean {
  if (typeof document !== 'string') return true;
  return !/\bmutation\b/.test(document);
}

/**
 * The HTTP middleware (after the body is parsed, before anything else of the request is done): a read waits for its
 * permit before its caller is resolved, its document parsed and executed, and gives it back once its answer is sent
 * (or the connection is gone). Everything a waiting read would make the event loop do waits with it; a mutation goes
 * ahead at once. A read that would find the queue full is answered SERVICE_UNAVAILABLE (HTTP 503, Retry-After 1).
 */
export function readAdmission(admission: ReadAdmission): RequestHandler {
  return (req, res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    const document = req.method === 'GET' ? req.query.query : body?.query;
    if (!isRead(document)) {
      // Reads are admitted fewer at a time until the write's answer is sent (or its connection is gone), for
      // WRITE_PRIORITY_MS at most.
      const ended = admission.writeStarted();
      const timer = setTimeout(ended, WRITE_PRIORITY_MS);
      timer.unref();
      const done = () => {
        clearTimeout(timer);
        ended();
      };
      res.once('finish', done);
      res.once('close', done);
      next();
      return;
    }
    if (admission.full()) {
      admission.refuse();
      res.status(503).set('retry-after', '1').json(queueFull(admission));
      return;
    }
    void admission.acquire().then((release) => {
      res.once('finish', release);
      res.once('close', release);
      if (res.destroyed || res.writableEnded) release();
      else next();
    });
  };
}
