// Database health: a failure marks it down, a background probe brings it back; requests fail fast meanwhile.
import { Database } from './db';
import type { Logger } from './logger';

export class DatabaseHealth {
  private up = true;
  private probe: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly probeIntervalMs = 1000,
  ) {}

  isUp(): boolean {
    return this.up;
  }

  /** For /readyz: pings now and updates the state. */
  async check(): Promise<boolean> {
    const ok = await this.db.ping();
    if (ok) this.markUp();
    else this.reportFailure(new Error('ping failed'));
    return ok;
  }

  reportFailure(error: unknown): void {
    if (!this.up) return;
    this.up = false;
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
