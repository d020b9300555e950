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

export class ReadAdmission {
  private running = 0;
  /** Waiters in arrival order; `head` is the next one (a plain array and an index: no O(n) shift). */
  private queue: Array<(release: Release) => void> = [];
  private head = 0;
  private readonly counts = { admitted: 0, queued: 0, refused: 0, maxWaiting: 0 };

  /**
   * @param limit reads executing at once; 0: no limit (every read executes at once)
   * @param maxWaiting reads that may wait; beyond it a read is refused (SERVICE_UNAVAILABLE) instead of queued
   */
  constructor(
    readonly limit: number,
    readonly maxWaiting = 1000,
  ) {}

  get waiting(): number {
    return this.queue.length - this.head;
  }

  stats(): AdmissionStats {
    return { ...this.counts, running: this.running, waiting: this.waiting };
  }

  /** True when a read would have to wait and the queue is full (the read is refused: `refuse` counts it). */
  full(): boolean {
    return this.limit > 0 && this.running >= this.limit && this.waiting >= this.maxWaiting;
  }

  refuse(): void {
    this.counts.refused += 1;
  }

  /** A permit to execute now, or once the reads queued before this one have had theirs. */
  acquire(): Promise<Release> {
    if (this.limit <= 0 || this.running < this.limit) {
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

  /** A permit ends: the next waiter, if any, takes it over (the running count stays); otherwise it is returned. */
  private handOver(): void {
    if (this.head < this.queue.length) {
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
      next(this.permit());
      return;
    }
    this.running -= 1;
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
