// The company settings (one record: read by every signed-in user, changed by administrators at the version they
// read, checked, audited, in the change log) and the Sponsor's conflict of interest, which one of them decides.
import { describeOnDatabases, TestEnv } from '../support/databases';
import { AuditEntry } from '../../src/platform/audit-entry.entity';
import { TeamAppointment } from '../../src/modules/team-appointment/team-appointment.entity';
import { Scenario, seedScenario } from './scenario';

const SETTINGS = `{ companySettings { id version materialChangeShare sponsorConflictOfInterest
  decisionDueDays { I II III } history { operation before after } } }`;
const UPDATE = `mutation($input: CompanySettingsInput!, $version: Int!) {
  updateCompanySettings(input: $input, version: $version) { version materialChangeShare sponsorConflictOfInterest
  decisionDueDays { I II III } } }`;
const AUTHORIZE = `query($input: AuthorizeInput!) { authorize(input: $input) { allowed quorumRequired
  reasons { code message } } }`;

interface Settings {
  id: string;
  version: number;
  materialChangeShare: string;
  sponsorConflictOfInterest: boolean;
  decisionDueDays: { I: number; II: number; III: number };
  history: Array<{ operation: string; before: Record<string, unknown> | null; after: Record<string, unknown> }>;
}

interface Answer {
  authorize: { allowed: boolean; quorumRequired: boolean; reasons: Array<{ code: string; message: string }> };
}

describeOnDatabases('company settings and the Sponsor', (env) => {
  let s: Scenario;
  let e: TestEnv;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
    // The BU president, who sits on the grade I team, is the Sponsor of the grade I project.
    const now = new Date();
    await e.dataSource.manager.insert(TeamAppointment, {
      projectId: s.projects.gradeI,
      personId: s.people.boss,
      role: 'SPONSOR',
      stage: null,
      validFrom: s.start,
      validTo: null,
      qualificationLevel: null,
      exceptionReason: null,
      staffingCheck: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    } as never);
  });

  const read = async (token = e.tokens.viewer): Promise<Settings> => {
    const res = await e.gql<{ companySettings: Settings }>(SETTINGS, {}, { token });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.companySettings;
  };
  const change = (input: Record<string, unknown>, version: number, token = e.tokens.admin, lang = 'en') =>
    e.gql<{ updateCompanySettings: Settings }>(
      UPDATE,
      { input, version },
      { token, headers: { 'accept-language': lang } },
    );
  const setSponsorConflict = async (on: boolean) => {
    const res = await change({ sponsorConflictOfInterest: on }, (await read()).version);
    expect(res.body.errors).toBeUndefined();
  };
  const ask = (personId: number, projectId: number, decisionPoint: string, extra: Record<string, unknown> = {}) =>
    e.gql<Answer>(
      AUTHORIZE,
      { input: { personId: String(personId), projectId: String(projectId), decisionPoint, ...extra } },
      { token: e.tokens.viewer },
    );

  test('every signed-in user reads the defaults; anonymous callers do not', async () => {
    for (const token of [e.tokens.viewer, e.tokens.hr, e.tokens.leader, e.tokens.admin])
      expect(await read(token)).toMatchObject({
        id: '1',
        version: 1,
        materialChangeShare: '10',
        sponsorConflictOfInterest: false,
        decisionDueDays: { I: 10, II: 5, III: 3 },
      });
    expect((await e.gql(SETTINGS)).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  test('only administrators change them, at the version they read; checks refuse with stable codes', async () => {
    const before = await read();
    for (const token of [e.tokens.leader, e.tokens.hr, e.tokens.viewer])
      expect(
        (await change({ materialChangeShare: '20' }, before.version, token)).body.errors![0]!.extensions!.code,
      ).toBe('FORBIDDEN');
    const stale = await change({ materialChangeShare: '20' }, before.version + 5);
    expect(stale.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', actualVersion: before.version });
    const bad = await change({ materialChangeShare: '0', decisionDueDays: { II: 91 } }, before.version);
    const error = bad.body.errors![0]!;
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: { materialChangeShare: expect.any(String), 'decisionDueDays.II': expect.any(String) },
      reasons: [
        {
          code: 'SETTINGS.MATERIAL_CHANGE_SHARE_OUT_OF_RANGE',
          field: 'materialChangeShare',
          data: { value: '0', min: '0', max: '100' },
        },
        {
          code: 'SETTINGS.DECISION_DUE_DAYS_OUT_OF_RANGE',
          field: 'decisionDueDays.II',
          data: { grade: 'II', value: 91, min: 1, max: 90 },
        },
      ],
    });
    expect(error.message).toContain('must be above 0 % and at most 100 %');
    const zh = await change({ materialChangeShare: 'ten' }, before.version, e.tokens.admin, 'zh-CN');
    expect(zh.body.errors![0]!.extensions!.reasons).toMatchObject([
      { code: 'SETTINGS.MATERIAL_CHANGE_SHARE_NOT_A_NUMBER' },
    ]);
    expect(zh.body.errors![0]!.message).toContain('不是百分数');
    expect(await read()).toEqual(before);
  });

  test('a change is audited and kept in the change log; fields left out keep their value', async () => {
    const before = await read(e.tokens.admin);
    const audits = await e.dataSource.manager.count(AuditEntry, { where: { entityType: 'CompanySettings' } });
    const res = await change({ materialChangeShare: '012.50', decisionDueDays: { III: 4 } }, before.version);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.updateCompanySettings).toMatchObject({
      version: before.version + 1,
      materialChangeShare: '12.5',
      sponsorConflictOfInterest: false,
      decisionDueDays: { I: 10, II: 5, III: 4 },
    });
    expect(await e.dataSource.manager.count(AuditEntry, { where: { entityType: 'CompanySettings' } })).toBe(audits + 1);
    const after = await read();
    expect(after.history.map((h) => h.operation)).toEqual([...before.history.map((h) => h.operation), 'UPDATE']);
    const last = after.history[after.history.length - 1]!;
    expect([last.before!.materialChangeShare, last.after.materialChangeShare]).toEqual(['10', '12.5']);
    const feed = await e.gql<{ authorityChanges: { nodes: Array<{ recordType: string; operation: string }> } }>(
      '{ authorityChanges(recordType: "CompanySettings", first: 500) { nodes { recordType operation } } }',
      {},
      { token: e.tokens.admin },
    );
    expect(feed.body.data!.authorityChanges.nodes.map((n) => n.operation)).toContain('UPDATE');
    const restored = await change({ materialChangeShare: '10', decisionDueDays: { III: 3 } }, after.version);
    expect(restored.body.errors).toBeUndefined();
  });

  test('a Sponsor may decide by default; with the setting on, refused with CONFLICT_OF_INTEREST', async () => {
    const boss = () => ask(s.people.boss, s.projects.gradeI, 'ATI');
    const beforeChange = new Date().toISOString();
    expect((await boss()).body.data!.authorize).toMatchObject({ allowed: true, quorumRequired: true });
    const who = await e.gql<{ whoMayDecide: Array<{ personId: string }> }>(
      'query($p: ID!) { whoMayDecide(input: { decisionPoint: ATI, projectId: $p }) { personId } }',
      { p: String(s.projects.gradeI) },
      { token: e.tokens.viewer },
    );
    expect(who.body.data!.whoMayDecide.map((d) => d.personId)).toContain(String(s.people.boss));
    await setSponsorConflict(true);
    try {
      const refused = (await boss()).body.data!.authorize;
      expect(refused.allowed).toBe(false);
      // The body's chain is refused for the conflict (the pool-approval rule does not cover ATI: not listed).
      expect(refused.reasons.map((r) => r.code).sort()).toEqual(['CONFLICT_OF_INTEREST']);
      // As of a moment before the setting changed, the Sponsor could decide.
      const then = await ask(s.people.boss, s.projects.gradeI, 'ATI', { at: beforeChange, asKnownAt: beforeChange });
      expect(then.body.data!.authorize.allowed).toBe(true);
      // A vote by the Sponsor is refused too, and nothing is recorded.
      const vote = await e.gql(
        'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }',
        {
          input: {
            projectId: String(s.projects.gradeI),
            decisionPoint: 'ATI',
            outcome: 'APPROVED',
            deciderId: String(s.people.boss),
            idempotencyKey: `sponsor-${e.kind}-1`,
          },
        },
        { token: s.tokens.boss },
      );
      expect(vote.body.errors![0]!.extensions!.code).toBe('NOT_AUTHORIZED');
      expect(vote.body.errors![0]!.extensions!.reasons).toContainEqual(
        expect.objectContaining({ code: 'CONFLICT_OF_INTEREST', field: 'deciderId' }),
      );
    } finally {
      await setSponsorConflict(false);
    }
    expect((await boss()).body.data!.authorize.allowed).toBe(true);
    const vote = await e.gql<{ recordDecision: { complete: boolean } }>(
      'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { complete } }',
      {
        input: {
          projectId: String(s.projects.gradeI),
          decisionPoint: 'ATI',
          outcome: 'APPROVED',
          deciderId: String(s.people.boss),
          idempotencyKey: `sponsor-${e.kind}-2`,
        },
      },
      { token: s.tokens.boss },
    );
    expect(vote.body.errors).toBeUndefined();
    expect(vote.body.data!.recordDecision.complete).toBe(false);
  });

  test('an AR on the team is refused either way', async () => {
    for (const on of [false, true]) {
      await setSponsorConflict(on);
      const answer = (await ask(s.people.leader, s.projects.withLeader, 'ATC')).body.data!.authorize;
      expect({ on, allowed: answer.allowed, codes: answer.reasons.map((r) => r.code).sort() }).toEqual({
        on,
        allowed: false,
        // The director's rule, refused for the conflict (rules of other decision points are not listed).
        codes: ['CONFLICT_OF_INTEREST'],
      });
    }
    await setSponsorConflict(false);
  });
});
