// A small periodic runner: every `intervalMs` it runs its named jobs one after another with the tick's moment. Ticks
// never overlap (a slow tick delays the next one); a job that fails is logged and the others still run. The server
// starts it and stops it when it drains; the jobs (reminders, the mail outbox, later escalations) are the features'.
import type { Logger } from './logger';

export interface TickerJob {
  /** Named in the log lines. */
  name: string;
  run(at: Date): Promise<unknown>;
}

export interface TickerOptions {
  /** Milliseconds between the end of one tick and the start of the next; 0: the ticker never ticks by itself. */
  intervalMs: number;
  jobs: readonly TickerJob[];
  logger: Logger;
  /** The moment a tick runs at (tests pass their own). */
  clock?: () => Date;
}

export class Ticker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private readonly clock: () => Date;

  constructor(private readonly options: TickerOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  get jobNames(): string[] {
    return this.options.jobs.map((j) => j.name);
  }

  /** Starts ticking: the first tick comes one interval from now. */
  start(): void {
    if (!this.stopped || this.options.intervalMs <= 0) return;
    this.stopped = false;
    this.schedule();
  }

  /** No further ticks; resolves when the tick in progress (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Runs every job once at `at` (default: the clock), after the tick in progress; a job's failure is logged, never
   * thrown. Resolves with the names of the jobs that failed.
   */
  async tick(at: Date = this.clock()): Promise<string[]> {
    while (this.running) await this.running;
    const failed: string[] = [];
    const run = (async () => {
      for (const job of this.options.jobs) {
        const started = Date.now();
        try {
          await job.run(at);
          this.options.logger.debug('tick job done', { job: job.name, at: at.toISOString(), ms: Date.now() - started });
        } catch (error) {
          failed.push(job.name);
          this.options.logger.error('tick job failed', {
            job: job.name,
            at: at.toISOString(),
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    })();
    this.running = run;
    try {
      await run;
    } finally {
      if (this.running === run) this.running = null;
    }
    return failed;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick().finally(() => this.schedule());
    }, this.options.intervalMs);
    // A pending tick never keeps the process alive.
    this.timer.unref();
  }
}
