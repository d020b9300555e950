// Database health. A failed request only raises a suspicion: the process is marked down when pings confirm it (one
// timed-out or dropped connection under load is not an outage). While down, requests fail fast and a background probe
// brings the state back.
import { Database } from './db';
import type { Logger } from './logger';

export interface DatabaseHealthOptions {
  /** Between probes while down, and between the confirming pings. */
  readonly probeIntervalMs?: number;
  /** Failed pings in a row that confirm an outage. */
  readonly confirmations?: number;
}

export class DatabaseHealth {
  private up = true;
  private probe: NodeJS.Timeout | null = null;
  private confirming: Promise<void> | null = null;
  private readonly probeIntervalMs: number;
  private readonly confirmations: number;
  /** For tests and the log: suspicions raised, and those that pings did not confirm. */
  readonly stats = { suspicions: 0, dismissed: 0, outages: 0 };

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    options: DatabaseHealthOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { probeIntervalMs: options } : options;
    this.probeIntervalMs = o.probeIntervalMs ?? 1000;
    this.confirmations = Math.max(1, o.confirmations ?? 2);
  }

  isUp(): boolean {
    return this.up;
  }

  /** For /readyz: pings now and updates the state (a ping that fails here is itself the confirmation). */
  async check(): Promise<boolean> {
    const ok = await this.db.ping();
    if (ok) this.markUp();
    else this.markDown(new Error('ping failed'));
    return ok;
  }

  /**
   * A request met a connection error: confirm it with pings (in the background; the request's own answer is not held
   * up) and mark the database down only when every one of them fails.
   */
  reportFailure(error: unknown): Promise<void> {
    if (!this.up) return Promise.resolve();
    if (this.confirming) return this.confirming;
    this.stats.suspicions += 1;
    this.confirming = (async () => {
      try {
        for (let attempt = 1; attempt <= this.confirmations; attempt++) {
          if (await this.db.ping()) {
            this.stats.dismissed += 1;
            this.logger.warn('a request lost its database connection; the database answers', {
              error: error instanceof Error ? error.message : String(error),
            });
            return;
          }
          if (attempt < this.confirmations) await new Promise((resolve) => setTimeout(resolve, this.probeIntervalMs));
        }
        this.markDown(error);
      } finally {
        this.confirming = null;
      }
    })();
    return this.confirming;
  }

  private markDown(error: unknown): void {
    if (!this.up) return;
    this.up = false;
    this.stats.outages += 1;
    this.logger.warn('database unavailable; failing requests fast until it answers again', {
      error: error instanceof Error ? error.message : String(error),
    });
    this.probe = setInterval(() => {
      void this.db.ping().then((ok) => {
        if (ok) this.markUp();
      });
    }, this.probeIntervalMs);
    this.probe.unref();
  }

  private markUp(): void {
    if (this.up) return;
    this.up = true;
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
    this.logger.info('database reachable again');
  }

  stop(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }
}
