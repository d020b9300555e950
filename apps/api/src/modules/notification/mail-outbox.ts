// The e-mail outbox: notifications written with mailState PENDING are sent through SMTP (nodemailer) after their
// transaction commits (a kick), and again by the periodic job until sent or given up. A send claims its row first
// (a conditional update with a lease), so two processes never send one notification twice at once; a failure is
// logged and retried later with a growing delay; it never touches the business write that notified.
import { AsyncResource } from 'node:async_hooks';
import nodemailer, { Transporter } from 'nodemailer';
import type { Database } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { Notification } from './notification.entity';
import { renderMail } from './notification.messages';

export interface MailOutboxOptions {
  /** smtp:// or smtps:// URL; null: e-mail is off (notifications are written without one). */
  smtpUrl: string | null;
  from: string;
  logger: Logger;
  /** Attempts before a mail is given up (FAILED); default 8. */
  maxAttempts?: number;
  /** Delay before attempt n + 1 after n failed ones; default 1 min × 2^(n−1), at most 6 h. */
  retryDelayMs?: (attempts: number) => number;
  /** How long a claimed mail is reserved for the process sending it; default 2 min. */
  leaseMs?: number;
  /** Rows read per batch; default 20. */
  batchSize?: number;
}

export interface OutboxRun {
  sent: number;
  failed: number;
}

const defaultDelay = (attempts: number) => Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);

/** The error as a log line and a stored note, without the server's credentials. */
function describe(error: unknown): string {
  const text =
    error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error);
  return text.replace(/\/\/[^@/\s]*@/g, '//***@').slice(0, 1000);
}

export class MailOutbox {
  private readonly transport: Transporter | null;
  private readonly options: Required<Omit<MailOutboxOptions, 'smtpUrl'>>;
  /** Kicks run here: outside the request (and the transaction) whose commit asked for them. */
  private readonly scope = new AsyncResource('MailOutbox');
  private kicked = false;
  private flushing: Promise<OutboxRun> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    options: MailOutboxOptions,
  ) {
    this.options = {
      from: options.from,
      logger: options.logger,
      maxAttempts: options.maxAttempts ?? 8,
      retryDelayMs: options.retryDelayMs ?? defaultDelay,
      leaseMs: options.leaseMs ?? 120_000,
      batchSize: options.batchSize ?? 20,
    };
    this.transport = options.smtpUrl
      ? nodemailer.createTransport({
          url: options.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends what is due soon (after the current turn), once, however many commits asked. */
  kick(): void {
    if (!this.transport || this.stopped || this.kicked) return;
    this.kicked = true;
    this.scope.runInAsyncScope(() =>
      setImmediate(() => {
        this.kicked = false;
        void this.flush(new Date()).catch((error: unknown) =>
          this.options.logger.error('mail outbox failed', { error: describe(error) }),
        );
      }),
    );
  }

  /**
   * Sends every mail due at `at` (pending, and not waiting for a retry after `at`). Runs after a flush in progress;
   * resolves with how many were sent and how many failed this time.
   */
  async flush(at: Date): Promise<OutboxRun> {
    if (!this.transport) return { sent: 0, failed: 0 };
    while (this.flushing) await this.flushing.catch(() => undefined);
    const run = this.sendDue(at);
    this.flushing = run;
    try {
      return await run;
    } finally {
      if (this.flushing === run) this.flushing = null;
    }
  }

  /** No more kicks; waits for a flush in progress and closes the SMTP connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.flushing?.catch(() => undefined);
    this.transport?.close();
  }

  private async sendDue(at: Date): Promise<OutboxRun> {
    const result: OutboxRun = { sent: 0, failed: 0 };
    const tried = new Set<number>();
    for (;;) {
      const due = await this.db.transaction((em) =>
        em
          .createQueryBuilder(Notification, 'n')
          .where('n.mailState = :state', { state: 'PENDING' })
          .andWhere('(n.mailNextAttemptAt IS NULL OR n.mailNextAttemptAt <= :at)', { at })
          .orderBy('n.id', 'ASC')
          .take(this.options.batchSize + tried.size)
          .getMany(),
      );
      const batch = due.filter((n) => !tried.has(n.id)).slice(0, this.options.batchSize);
      if (batch.length === 0) return result;
      for (const n of batch) {
        tried.add(n.id);
        const outcome = await this.sendOne(n, at);
        if (outcome === 'sent') result.sent += 1;
        if (outcome === 'failed') result.failed += 1;
      }
    }
  }

  /** Claims the row (attempts + 1, leased), sends, and records the outcome; 'skipped' when another process has it. */
  private async sendOne(n: Notification, at: Date): Promise<'sent' | 'failed' | 'skipped'> {
    const leaseUntil = new Date(at.getTime() + this.options.leaseMs);
    const claimed = await this.db.transaction((em) =>
      em
        .createQueryBuilder()
        .update(Notification)
        .set({ mailAttempts: () => 'mailAttempts + 1', mailNextAttemptAt: leaseUntil })
        .where('id = :id AND mailState = :state AND mailAttempts = :attempts', {
          id: n.id,
          state: 'PENDING',
          attempts: n.mailAttempts,
        })
        .execute(),
    );
    if (claimed.affected !== 1) return 'skipped';
    const attempts = n.mailAttempts + 1;
    const mail = renderMail(n.kind, n.payload);
    try {
      const info = await (this.transport as Transporter).sendMail({
        from: this.options.from,
        to: n.mailTo ?? undefined,
        subject: mail.subject,
        text: mail.text,
        headers: { 'Content-Language': 'zh-CN, en' },
      });
      await this.record(n.id, attempts, {
        mailState: 'SENT',
        mailSentAt: at,
        mailNextAttemptAt: null,
        mailLastError: null,
      });
      this.options.logger.info('notification mailed', {
        notificationId: n.id,
        kind: n.kind,
        attempts,
        messageId: (info as { messageId?: string }).messageId,
      });
      return 'sent';
    } catch (error) {
      const reason = describe(error);
      const giveUp = attempts >= this.options.maxAttempts;
      const retryAt = new Date(at.getTime() + this.options.retryDelayMs(attempts));
      await this.record(
        n.id,
        attempts,
        giveUp
          ? { mailState: 'FAILED', mailNextAttemptAt: null, mailLastError: reason }
          : { mailState: 'PENDING', mailNextAttemptAt: retryAt, mailLastError: reason },
      );
      (giveUp ? this.options.logger.error : this.options.logger.warn)(
        giveUp ? 'notification mail failed; giving up' : 'notification mail failed; will retry',
        {
          notificationId: n.id,
          kind: n.kind,
          attempts,
          error: reason,
          ...(giveUp ? {} : { retryAt: retryAt.toISOString() }),
        },
      );
      return 'failed';
    }
  }

  private record(
    id: number,
    attempts: number,
    patch: Partial<Pick<Notification, 'mailState' | 'mailSentAt' | 'mailNextAttemptAt' | 'mailLastError'>>,
  ): Promise<unknown> {
    // Only while the claim is ours (attempts unchanged since it was taken).
    return this.db.transaction((em) =>
      em
        .createQueryBuilder()
        .update(Notification)
        .set(patch)
        .where('id = :id AND mailAttempts = :attempts', { id, attempts })
        .execute(),
    );
  }
}
