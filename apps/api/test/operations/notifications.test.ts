// Notifications and reminders, against a real SMTP receiver started here: a delegation notifies its delegate in-app
// and by e-mail (both languages), read marks, ownership, the reminder sweep (once per reminder), approvers of an
// allocated pool, and a business write that succeeds while SMTP is down (the mail is logged and retried).
import { describeOnDatabases, TestEnv } from '../support/databases';
import { eventually, SmtpReceiver } from '../support/smtp';
import { hashPassword } from '../../src/platform/passwords';
import { User } from '../../src/modules/user/user.entity';
import { Notification } from '../../src/modules/notification/notification.entity';
import { sendDueReminders } from '../../src/modules/notification';
import { RoleModel, RoleModelVersion } from '../../src/modules/role-model/role-model.entity';
import { QualificationFramework } from '../../src/modules/qualification/qualification.entity';
import { Assessment } from '../../src/modules/assessment/assessment.entity';
import { createPool, Scenario, seedScenario } from './scenario';

const DAY = 86_400_000;
const smtp = new SmtpReceiver();
const suiteEnv: Record<string, string> = {};
const logLines: string[] = [];

beforeAll(async () => {
  await smtp.start();
  // Read by the suites' set-up (after this hook): the API e-mails through the receiver.
  suiteEnv.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  suiteEnv.MAIL_FROM = 'Iron Triangle <it@test.local>';
});
afterAll(() => smtp.stop());

const CREATE = `mutation($to: ID!, $scope: ID!, $src: ID!, $from: ID!, $validFrom: DateTime!, $validTo: DateTime) {
  createDelegation(sourceRuleId: $src, delegatorId: $from, delegateId: $to, decisionPoints: [ATB], grades: [III],
    scopeOrgUnitId: $scope, limit: "1000000.00", currency: "CNY", validFrom: $validFrom, validTo: $validTo,
    redelegableDepth: 0, reason: "Cover bids while travelling") { id }
}`;

const LIST = `query($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    id kind title body read readAt targetType targetId payload createdAt cursor recipientPersonId } }`;

interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  read: boolean;
  targetType: string | null;
  targetId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  cursor: string;
}

describeOnDatabases(
  'notifications and reminders',
  (env) => {
    let e: TestEnv;
    let s: Scenario;
    let eddie: string;
    const eddieMail = () => `eddie.${e.kind}@test.local`;
    const bossMail = 'boss@test.local';

    beforeAll(async () => {
      e = env();
      s = await seedScenario(e);
      // Eddie East (the fixture's east1) signs in too.
      const now = new Date();
      await e.dataSource.manager.insert(User, {
        email: eddieMail(),
        passwordHash: await hashPassword(e.fixture.password, 1024),
        role: 'VIEWER',
        personId: e.fixture.people.east1,
        lastLoginAt: null,
        archivedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      const login = await e.gql<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: eddieMail(), p: e.fixture.password },
      );
      eddie = login.body.data!.login.token;
    });

    const list = async (token: string, vars: Record<string, unknown> = {}, language = 'en') => {
      const res = await e.gql<{ notifications: NotificationView[] }>(LIST, vars, {
        token,
        headers: { 'accept-language': language },
      });
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.notifications;
    };
    const unread = async (token: string) =>
      (await e.gql<{ unreadNotificationCount: number }>('{ unreadNotificationCount }', {}, { token })).body.data!
        .unreadNotificationCount;
    const markRead = (token: string, ids: string[] | null) =>
      e.gql<{ markNotificationsRead: number }>(
        'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
        { ids },
        {
          token,
        },
      );
    const delegate = async (validTo: Date | null = null) => {
      const res = await e.gql<{ createDelegation: { id: string } }>(
        CREATE,
        {
          to: String(e.fixture.people.east1),
          scope: String(e.fixture.units.eastOffice),
          src: String(s.rules.director),
          from: String(s.people.leader),
          validFrom: e.fixture.now.toISOString(),
          validTo: validTo?.toISOString() ?? null,
        },
        { token: s.tokens.leader },
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.createDelegation.id;
    };
    const runReminders = (at: Date, token = s.tokens.admin) =>
      e.gql<{
        runReminders: {
          notified: number;
          delegations: number;
          certifications: number;
          mailsSent: number;
          mailsFailed: number;
        };
      }>(
        'mutation($at: DateTime) { runReminders(at: $at) { ' +
          'notified delegations certifications mailsSent mailsFailed } }',
        { at: at.toISOString() },
        { token },
      );

    let created: string;

    test('a new delegation notifies the delegate in-app (either language) and by e-mail (both languages)', async () => {
      created = await delegate();
      const [mine] = await list(eddie);
      expect(mine).toMatchObject({
        kind: 'DELEGATION_CREATED',
        read: false,
        targetType: 'Delegation',
        targetId: created,
        title: 'Lena Leader delegated authority to you',
      });
      expect(mine!.body).toContain('ATB approve to bid on grade III projects in Unit EAST-1, up to CN¥1,000,000.00');
      expect(mine!.payload).toMatchObject({
        delegatorName: 'Lena Leader',
        scopeName: 'Unit EAST-1',
        limit: '1000000.00',
      });
      const [zh] = await list(eddie, {}, 'zh-CN');
      expect(zh!.title).toBe('Lena Leader 向您授权');
      expect(zh!.body).toContain('ATB 投标决策');
      expect(await unread(eddie)).toBe(1);

      const [mail] = await smtp.waitFor(eddieMail(), (m) => m.subject.includes('delegated authority to you'));
      expect(mail!.rcptTo).toEqual([eddieMail()]);
      expect(mail!.mailFrom).toBe('it@test.local');
      expect(mail!.subject).toBe('[铁三角工作台] Lena Leader 向您授权 / Lena Leader delegated authority to you');
      expect(mail!.headers.get('content-language')).toBe('zh-CN, en');
      expect(mail!.text).toContain('Lena Leader 授权给您：Unit EAST-1 范围内 III 级项目的ATB 投标决策');
      expect(mail!.text).toContain('Lena Leader delegated to you: ATB approve to bid');
      expect(mail!.text.indexOf('授权给您')).toBeLessThan(mail!.text.indexOf('delegated to you'));
      const row = await eventually(async () => {
        const n = await e.dataSource.manager.findOneByOrFail(Notification, { id: Number(mine!.id) });
        return n.mailState === 'SENT' ? n : undefined;
      }, 'the notification is marked SENT');
      expect(row).toMatchObject({ mailState: 'SENT', mailAttempts: 1, mailTo: eddieMail(), mailLastError: null });
    });

    test('only the owner sees and marks a notification; unreadOnly; mark all; paging newest first', async () => {
      const [mine] = await list(eddie);
      // The boss is another user: Eddie's notification is not in their list, and marking it is NOT_FOUND.
      expect((await list(s.tokens.boss)).map((n) => n.id)).not.toContain(mine!.id);
      const theirs = await markRead(s.tokens.boss, [mine!.id]);
      expect(theirs.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
      expect(await unread(eddie)).toBe(1);

      expect((await markRead(eddie, [mine!.id])).body.data!.markNotificationsRead).toBe(1);
      expect(await unread(eddie)).toBe(0);
      expect(await list(eddie, { unreadOnly: true })).toEqual([]);
      expect((await list(eddie))[0]).toMatchObject({ id: mine!.id, read: true });
      expect((await markRead(eddie, [mine!.id])).body.data!.markNotificationsRead).toBe(0);

      // Revoking notifies again; null marks every one read.
      const revoked = await e.gql(
        'mutation($id: ID!) { revokeDelegation(id: $id, reason: "Back from travelling") { id } }',
        { id: created },
        { token: s.tokens.leader },
      );
      expect(revoked.body.errors).toBeUndefined();
      const fresh = await list(eddie, { unreadOnly: true });
      expect(fresh.map((n) => [n.kind, n.targetId])).toEqual([['DELEGATION_REVOKED', created]]);
      expect(fresh[0]!.body).toContain('Reason: Back from travelling');
      await smtp.waitFor(eddieMail(), (m) => m.subject.includes('revoked'));
      expect((await markRead(eddie, null)).body.data!.markNotificationsRead).toBe(1);
      expect(await unread(eddie)).toBe(0);

      const all = await list(eddie);
      expect(all.map((n) => n.kind)).toEqual(['DELEGATION_REVOKED', 'DELEGATION_CREATED']);
      const first = await list(eddie, { first: 1 });
      const second = await list(eddie, { first: 1, after: first[0]!.cursor });
      expect([...first, ...second].map((n) => n.id)).toEqual(all.map((n) => n.id));
      expect(await list(eddie, { first: 1, after: second[0]!.cursor })).toEqual([]);
      const bad = await e.gql(LIST, { after: 'nonsense' }, { token: eddie });
      expect(bad.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    });

    test('the reminder sweep notifies an ending delegation (7 days) and certification (30 days) once', async () => {
      const start = new Date();
      const ending = await delegate(new Date(start.getTime() + 10 * DAY));
      // Eddie's AR certification, valid for 40 more days.
      const em = e.dataSource.manager;
      const stamp = { version: 1, createdAt: start, updatedAt: start };
      const roleModel = await em.insert(RoleModel, {
        role: 'AR',
        name: 'AR',
        nameZh: 'AR',
        description: null,
        ...stamp,
      });
      const version = await em.insert(RoleModelVersion, {
        roleModelId: roleModel.identifiers[0]!.id,
        versionNo: 1,
        status: 'PUBLISHED',
        publishedAt: start,
        notes: null,
        ...stamp,
      });
      const framework = await em.insert(QualificationFramework, {
        role: 'AR',
        roleModelVersionId: version.identifiers[0]!.id,
        name: 'AR framework',
        validityMonths: 24,
        status: 'ACTIVE',
        managerMayCertify: false,
        ...stamp,
      });
      const assessment = await em.insert(Assessment, {
        personId: e.fixture.people.east1,
        role: 'AR',
        frameworkId: framework.identifiers[0]!.id,
        roleModelVersionId: version.identifiers[0]!.id,
        kind: 'PANEL',
        assessorId: null,
        assessedAt: new Date(start.getTime() - 300 * DAY),
        inRoleSince: null,
        completedProjects: 0,
        performance: null,
        tenureMonths: null,
        certifies: true,
        levelReached: 2,
        validUntil: new Date(start.getTime() + 40 * DAY),
        gap: null,
        evaluation: null,
        comment: null,
        ...stamp,
      });
      const assessmentId = String(assessment.identifiers[0]!.id);
      const kinds = async () =>
        (await list(eddie))
          .filter((n) => n.kind.endsWith('_EXPIRING'))
          .map((n) => [n.kind, n.targetId])
          .sort();

      // Now: the delegation ends in 10 days, the certification in 40: nothing is due.
      expect((await runReminders(start)).body.data!.runReminders).toMatchObject({ delegations: 0, certifications: 0 });
      expect(await kinds()).toEqual([]);
      // In 4 days the delegation ends within 7 days; the certification is still 36 days away.
      const in4 = new Date(start.getTime() + 4 * DAY);
      expect((await runReminders(in4)).body.data!.runReminders).toMatchObject({
        notified: 1,
        delegations: 1,
        certifications: 0,
        mailsFailed: 0,
      });
      expect(await kinds()).toEqual([['DELEGATION_EXPIRING', ending]]);
      const [expiring] = await smtp.waitFor(eddieMail(), (m) => m.subject.includes(' ends '));
      expect(expiring!.subject).toContain('的授权将于');
      // The same moment again, and a day later: nobody is notified twice.
      expect((await runReminders(in4)).body.data!.runReminders).toMatchObject({ notified: 0, mailsSent: 0 });
      expect(await sendDueReminders(e.dataSource, new Date(start.getTime() + 5 * DAY))).toEqual({
        notified: 0,
        delegations: 0,
        certifications: 0,
      });
      // In 15 days the certification ends within 30 days (the delegation has ended by then).
      const in15 = new Date(start.getTime() + 15 * DAY);
      expect((await runReminders(in15)).body.data!.runReminders).toMatchObject({
        notified: 1,
        delegations: 0,
        certifications: 1,
      });
      expect((await runReminders(in15)).body.data!.runReminders).toMatchObject({ notified: 0 });
      expect(await kinds()).toEqual([
        ['CERTIFICATION_EXPIRING', assessmentId],
        ['DELEGATION_EXPIRING', ending],
      ]);
      const [certification] = (await list(eddie, {}, 'zh-CN')).filter((n) => n.kind === 'CERTIFICATION_EXPIRING');
      expect(certification!.title).toContain('您的客户经理任职资格将于');
      await smtp.waitFor(eddieMail(), (m) => m.subject.includes('certification ends'));
      // One e-mail per reminder, however often the sweep ran.
      expect(smtp.to(eddieMail()).filter((m) => m.subject.includes(' ends ')).length).toBe(2);
      // Only an administrator runs the sweep.
      expect((await runReminders(in15, s.tokens.leader)).body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    });

    test('an allocated pool notifies who may approve it, not its members', async () => {
      const poolId = await createPool(e, s);
      // (The boss has the same address in both databases' suites: one more mail than before.)
      const poolMail = (m: { subject: string }) => m.subject.includes('Small office team');
      const mailsBefore = smtp.to(bossMail).filter(poolMail).length;
      for (const op of ['fundPool', 'allocatePool']) {
        const res = await e.gql(
          `mutation($id: ID!) { ${op}(id: $id) { status } }`,
          { id: poolId },
          {
            token: s.tokens.admin,
          },
        );
        expect(res.body.errors).toBeUndefined();
      }
      const boss = (await list(s.tokens.boss)).filter((n) => n.kind === 'POOL_APPROVAL_PENDING');
      expect(boss.map((n) => n.targetId)).toEqual([poolId]);
      expect(boss[0]!.title).toBe('Bonus pool waiting for your approval: Small office team');
      expect(boss[0]!.body).toContain('of project "Small office upgrade" in Unit EAST-1');
      // Eddie shares in the pool: not asked to approve it.
      expect((await list(eddie)).filter((n) => n.kind === 'POOL_APPROVAL_PENDING')).toEqual([]);
      const mails = await smtp.waitFor(bossMail, poolMail, mailsBefore + 1);
      expect(mails[mails.length - 1]!.subject).toBe(
        '[铁三角工作台] 奖金包待您审批：Small office team / Bonus pool waiting for your approval: Small office team',
      );
      // The boss approves it: the notification led to a decision that can succeed.
      const approved = await e.gql(
        'mutation($id: ID!) { approvePool(id: $id) { status } }',
        { id: poolId },
        {
          token: s.tokens.boss,
        },
      );
      expect(approved.body.errors).toBeUndefined();
    });

    test('SMTP down: the business write succeeds, the failure is logged, the mail is retried and sent', async () => {
      const created = (m: { subject: string }) => m.subject.includes('delegated authority to you');
      const mailsBefore = smtp.to(eddieMail()).filter(created).length;
      const linesBefore = logLines.length;
      await smtp.stop();
      try {
        const id = await delegate();
        const mine = (await list(eddie, { unreadOnly: true })).find(
          (n) => n.kind === 'DELEGATION_CREATED' && n.targetId === id,
        );
        expect(mine).toBeDefined();
        const notificationId = Number(mine!.id);
        const line = await eventually(
          () =>
            logLines
              .slice(linesBefore)
              .map((l) => JSON.parse(l) as Record<string, unknown>)
              .find((l) => l.msg === 'notification mail failed; will retry' && l.notificationId === notificationId),
          'the failed mail is logged',
        );
        expect(String(line.error)).toContain('ECONNREFUSED');
        const row = await e.dataSource.manager.findOneByOrFail(Notification, { id: notificationId });
        expect(row).toMatchObject({ mailState: 'PENDING', mailAttempts: 1 });
        expect(row.mailNextAttemptAt!.getTime()).toBeGreaterThan(row.createdAt.getTime());
        // Not retried before its time.
        expect(await e.server.ticker.tick(new Date(row.createdAt.getTime() + 1000))).toEqual([]);
        expect((await e.dataSource.manager.findOneByOrFail(Notification, { id: notificationId })).mailAttempts).toBe(1);
      } finally {
        await smtp.start();
      }
      const [row] = await e.dataSource.manager.find(Notification, {
        where: { kind: 'DELEGATION_CREATED', mailState: 'PENDING' },
      });
      // The next tick after the retry time sends it.
      expect(await e.server.ticker.tick(new Date(row!.mailNextAttemptAt!.getTime() + 1000))).toEqual([]);
      const sent = await e.dataSource.manager.findOneByOrFail(Notification, { id: row!.id });
      expect(sent).toMatchObject({ mailState: 'SENT', mailAttempts: 2 });
      expect(smtp.to(eddieMail()).filter(created).length).toBe(mailsBefore + 1);
    });
  },
  { env: suiteEnv, logLines },
);
