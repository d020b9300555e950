// Races: two reminder sweeps at once notify each reminder once; three outboxes (as three processes) sending at once
// send each e-mail once. 40 rounds each, on both databases (MariaDB is where they really run in parallel).
import { describeOnDatabases, TestEnv } from '../support/databases';
import { SmtpReceiver } from '../support/smtp';
import { Delegation } from '../../src/modules/delegation/delegation.entity';
import { Person } from '../../src/modules/person/person.entity';
import { Notification } from '../../src/modules/notification/notification.entity';
import { MailOutbox, notify, sendDueReminders } from '../../src/modules/notification';
import { createLogger } from '../../src/platform/logger';
import { Scenario, seedScenario } from './scenario';

const DAY = 86_400_000;
// 40 rounds on MariaDB, where rows lock and transactions interleave; SQLite runs one writer at a time: 10 there.
const ROUNDS_ON = { mariadb: 40, sqlite: 10 } as const;
const smtp = new SmtpReceiver();
const suiteEnv: Record<string, string> = {};

beforeAll(async () => {
  await smtp.start();
  suiteEnv.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
});
afterAll(() => smtp.stop());

describeOnDatabases(
  'notification races',
  (env) => {
    let e: TestEnv;
    let s: Scenario;
    beforeAll(async () => {
      e = env();
      s = await seedScenario(e);
    });

    test(`two sweeps at once write each reminder once (40 rounds on MariaDB, 10 on SQLite)`, async () => {
      const at = new Date(Date.now() + 1000 * DAY);
      const em = e.dataSource.manager;
      for (let round = 0; round < ROUNDS_ON[e.kind]; round++) {
        const stamp = { version: 1, createdAt: new Date(), updatedAt: new Date() };
        const inserted = await em.insert(Delegation, {
          sourceRuleId: s.rules.director,
          sourceDelegationId: null,
          delegatorId: s.people.leader,
          delegateId: s.people.east1,
          decisionPoints: ['ATB'],
          grades: ['III'],
          scopeOrgUnitId: e.fixture.units.eastOffice,
          limitMinor: null,
          currency: 'CNY',
          validFrom: new Date(at.getTime() - 30 * DAY),
          validTo: new Date(at.getTime() + 3 * DAY + round * 1000),
          redelegableDepth: 0,
          requiredRole: null,
          requiredLevel: null,
          reason: `race ${round}`,
          revokedAt: null,
          revokeReason: null,
          ...stamp,
        });
        const id = String(inserted.identifiers[0]!.id);
        const sweeps = await Promise.all([sendDueReminders(e.dataSource, at), sendDueReminders(e.dataSource, at)]);
        expect({ round, written: sweeps[0].notified + sweeps[1].notified }).toEqual({ round, written: 1 });
        expect({
          round,
          rows: await em.countBy(Notification, { kind: 'DELEGATION_EXPIRING', targetId: id }),
        }).toEqual({ round, rows: 1 });
      }
    });

    test(`three outboxes at once send each e-mail once (40 e-mails on MariaDB, 10 on SQLite)`, async () => {
      const address = `race.${e.kind}@test.local`;
      await e.dataSource.manager.update(Person, { id: s.people.outsider }, { email: address });
      const db = e.server.db;
      const outboxes = [1, 2].map(
        () =>
          new MailOutbox(db, { smtpUrl: suiteEnv.SMTP_URL!, from: 'it@test.local', logger: createLogger('silent') }),
      );
      try {
        for (let round = 0; round < ROUNDS_ON[e.kind]; round++) {
          await db.transaction((em) =>
            notify(
              em,
              [{ personId: s.people.outsider }],
              'CERTIFICATION_EXPIRING',
              { role: 'FR', level: 1, validUntil: new Date(Date.now() + 10 * DAY).toISOString() },
              { at: new Date(), key: `race:${round}` },
            ),
          );
          // The server's own outbox is kicked by the commit; two more (other processes) flush at the same time.
          await Promise.all(outboxes.map((o) => o.flush(new Date())));
        }
        await smtp.waitFor(address, () => true, ROUNDS_ON[e.kind]);
        // Whatever is still in flight in the server's outbox finishes first.
        await e.server.ticker.tick(new Date(Date.now() + 1000));
        const rows = await e.dataSource.manager.findBy(Notification, { mailTo: address });
        expect(rows.length).toBe(ROUNDS_ON[e.kind]);
        expect(rows.every((r) => r.mailState === 'SENT' && r.mailAttempts === 1)).toBe(true);
        expect(smtp.to(address).length).toBe(ROUNDS_ON[e.kind]);
      } finally {
        await Promise.all(outboxes.map((o) => o.stop()));
      }
    });
  },
  { env: suiteEnv },
);
