// The module's part in a running server: its Database and mail outbox for the data source, and the periodic jobs.
import type { DataSource } from 'typeorm';
import type { Database } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import type { TickerJob } from '../../platform/ticker';
import { MailOutbox } from './mail-outbox';
import { runtimeOf, setRuntime } from './notification.runtime';
import { sendDueReminders } from './reminders';

export interface NotificationsDeps {
  dataSource: DataSource;
  db: Database;
  logger: Logger;
  smtpUrl: string | null;
  mailFrom: string;
}

export interface Notifications {
  outbox: MailOutbox;
  /** The jobs the ticker runs: the reminder sweep, then the mail outbox (retries). */
  jobs: TickerJob[];
  stop(): Promise<void>;
}

/** Starts the notifications of a server: e-mail when `smtpUrl` is given, reminders and retries as ticker jobs. */
export function startNotifications(deps: NotificationsDeps): Notifications {
  const outbox = new MailOutbox(deps.db, { smtpUrl: deps.smtpUrl, from: deps.mailFrom, logger: deps.logger });
  setRuntime(deps.dataSource, { db: deps.db, outbox });
  if (outbox.enabled) deps.logger.info('notification e-mail on', { from: deps.mailFrom });
  return {
    outbox,
    jobs: [
      {
        name: 'reminders',
        run: async (at) => {
          const sweep = await sendDueReminders(deps.dataSource, at);
          if (sweep.notified > 0) deps.logger.info('reminders sent', { at: at.toISOString(), ...sweep });
        },
      },
      { name: 'mail-outbox', run: (at) => outbox.flush(at) },
    ],
    async stop() {
      await outbox.stop();
      if (runtimeOf(deps.dataSource)?.outbox === outbox) setRuntime(deps.dataSource, null);
    },
  };
}
