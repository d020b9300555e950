import { describeOnDatabases, TestEnv } from '../support/databases';
import { AuditEntry } from '../../src/platform/audit-entry.entity';
import { Decision } from '../../src/modules/decision/decision.entity';
import { Project } from '../../src/modules/project/project.entity';
import { Scenario, seedScenario } from './scenario';

const RECORD = `mutation($input: RecordDecisionInput!) {
  recordDecision(input: $input) { id projectId decisionPoint outcome deciderId decidedAt complete chain { links { kind
  id holderPersonId limit } body { bodyId seatTitles } } }
}`;

interface Recorded {
  recordDecision: {
    id: string;
    complete: boolean;
    chain: {
      links: Array<{ kind: string; id: string; holderPersonId: string; limit: string | null }>;
      body: { seatTitles: string[] } | null;
    };
  };
}

describeOnDatabases('recordDecision', (env) => {
  let s: Scenario;
  let e: TestEnv;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
  });
  const input = (over: Record<string, unknown>) => ({
    projectId: String(s.projects.small),
    decisionPoint: 'ATC',
    outcome: 'APPROVED',
    deciderId: String(s.people.east1),
    comment: 'Good margin',
    ...over,
  });

  test('records with a snapshot of the allowing chain; the same key again returns the first result', async () => {
    const first = await e.gql<Recorded>(
      RECORD,
      { input: input({ idempotencyKey: 'crm-1' }) },
      { token: s.tokens.admin },
    );
    expect(first.body.errors).toBeUndefined();
    const decision = first.body.data!.recordDecision;
    expect(decision.complete).toBe(true);
    expect(decision.chain.links.map((l) => [l.kind, l.id])).toEqual([
      ['RULE', String(s.rules.director)],
      ['DELEGATION', String(s.delegation)],
    ]);
    const again = await e.gql<Recorded>(
      RECORD,
      { input: input({ idempotencyKey: 'crm-1' }) },
      { token: s.tokens.admin },
    );
    expect(again.body.data!.recordDecision).toEqual(decision);
    // The same key with another decision is refused, naming the decision the key recorded.
    const reused = await e.gql<Recorded>(
      RECORD,
      { input: input({ idempotencyKey: 'crm-1', outcome: 'REJECTED' }) },
      { token: s.tokens.admin },
    );
    expect(reused.body.errors![0]!.extensions).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      recordType: 'Decision',
      recordId: decision.id,
    });
    expect(await e.dataSource.manager.count(Decision, { where: { idempotencyKey: 'crm-1' } })).toBe(1);
  });

  test('refused with NOT_AUTHORIZED and the reasons; the refusal is audited and nothing else is written', async () => {
    const decisions = await e.dataSource.manager.count(Decision);
    const audits = await e.dataSource.manager.count(AuditEntry);
    const refused = await e.gql(
      RECORD,
      { input: input({ deciderId: String(s.people.west1), idempotencyKey: 'crm-2' }) },
      { token: s.tokens.admin, headers: { 'accept-language': 'zh-CN' } },
    );
    const error = refused.body.errors![0]!;
    expect(error.extensions!.code).toBe('NOT_AUTHORIZED');
    expect((error.extensions!.reasons as Array<{ code: string }>).map((r) => r.code)).toEqual(['NO_AUTHORITY']);
    expect(error.message).toContain('无权');
    expect(await e.dataSource.manager.count(Decision)).toBe(decisions);
    expect(await e.dataSource.manager.count(AuditEntry)).toBe(audits + 1);
    const entry = await e.dataSource.manager.findOneOrFail(AuditEntry, {
      where: { action: 'refuse', entityType: 'Decision' },
      order: { id: 'DESC' },
    });
    expect(entry.note).toContain('NO_AUTHORITY');
    // A LEADER records only their own decisions.
    const forOther = await e.gql(RECORD, { input: input({ idempotencyKey: 'crm-3' }) }, { token: s.tokens.leader });
    expect(forOther.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  test('a decision body: each seat votes, and the decision completes when every fixed seat approved', async () => {
    const vote = (deciderId: number, key: string, token: string) =>
      e.gql<Recorded>(
        RECORD,
        {
          input: {
            projectId: String(s.projects.gradeI),
            decisionPoint: 'ATI',
            outcome: 'APPROVED',
            deciderId: String(deciderId),
            idempotencyKey: key,
          },
        },
        { token },
      );
    const boss = await vote(s.people.boss, 'ati-boss', s.tokens.boss);
    expect(boss.body.errors).toBeUndefined();
    expect(boss.body.data!.recordDecision.complete).toBe(false);
    expect(boss.body.data!.recordDecision.chain.body!.seatTitles).toEqual(['BU_PRESIDENT']);
    const leader = await vote(s.people.leader, 'ati-leader', s.tokens.leader);
    expect(leader.body.data!.recordDecision.complete).toBe(true);
    expect(leader.body.data!.recordDecision.chain.body!.seatTitles).toEqual(['BUSINESS_DEPT_DIRECTOR']);
    // Completed as APPROVED: a later vote, even a change of mind, is refused and nothing is recorded.
    const decisions = await e.dataSource.manager.count(Decision);
    const late = await e.gql(
      RECORD,
      {
        input: {
          projectId: String(s.projects.gradeI),
          decisionPoint: 'ATI',
          outcome: 'REJECTED',
          deciderId: String(s.people.boss),
          idempotencyKey: 'ati-boss-2',
        },
      },
      { token: s.tokens.boss },
    );
    expect(late.body.errors![0]!.extensions).toMatchObject({
      code: 'DECISION_CLOSED',
      reasons: [
        {
          code: 'DECISION_CLOSED',
          data: expect.objectContaining({ decisionId: leader.body.data!.recordDecision.id, outcome: 'APPROVED' }),
          field: null,
        },
      ],
    });
    expect(await e.dataSource.manager.count(Decision)).toBe(decisions);
    // Decisions are append-only: no update or delete operation exists.
    const del = await e.gql('mutation { deleteDecision(id: "1") { id } }', {}, { token: s.tokens.admin });
    expect(del.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  describe('a decision body that cannot pass', () => {
    let next = 0;
    const gradeIProject = async () => {
      const now = new Date();
      const inserted = await e.dataSource.manager.insert(Project, {
        externalRef: `T-BODY-${++next}`,
        name: `Backbone ${next}`,
        customerId: null,
        orgUnitId: e.fixture.units.eastOffice,
        stage: 'OPPORTUNITY',
        amountMinor: 9_000_000_000n,
        currency: 'CNY',
        grade: 'I',
        gradeReasons: ['NO_CRITERION'],
        gradeCriteria: {},
        gradeJustification: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      } as never);
      return String(inserted.identifiers[0]!.id);
    };
    type Vote = { recordDecision: { id: string; outcome: string; complete: boolean } };
    const vote = (
      projectId: string,
      who: 'boss' | 'leader',
      outcome: string,
      key: string,
      headers: Record<string, string> = {},
    ) =>
      e.gql<Vote>(
        'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id outcome complete } }',
        {
          input: {
            projectId,
            decisionPoint: 'ATI',
            outcome,
            deciderId: String(who === 'boss' ? s.people.boss : s.people.leader),
            idempotencyKey: key,
          },
        },
        { token: who === 'boss' ? s.tokens.boss : s.tokens.leader, headers },
      );

    test(
      'one fixed seat REJECTED completes the decision as REJECTED; ' +
        'later votes are refused with DECISION_CLOSED and audited',
      async () => {
        const projectId = await gradeIProject();
        const rejected = await vote(projectId, 'boss', 'REJECTED', 'rej-boss');
        expect(rejected.body.errors).toBeUndefined();
        expect(rejected.body.data!.recordDecision).toMatchObject({ outcome: 'REJECTED', complete: true });
        const decisions = await e.dataSource.manager.count(Decision);
        const late = await vote(projectId, 'leader', 'APPROVED', 'rej-leader');
        const error = late.body.errors![0]!;
        expect(error.extensions).toMatchObject({
          code: 'DECISION_CLOSED',
          reasons: [
            {
              code: 'DECISION_CLOSED',
              data: expect.objectContaining({ decisionId: rejected.body.data!.recordDecision.id, outcome: 'REJECTED' }),
              field: null,
            },
          ],
        });
        expect(error.message).toContain(
          `The ATI decision on project ${projectId} by Grade I decision team was completed as REJECTED`,
        );
        const zh = await vote(projectId, 'leader', 'APPROVED', 'rej-leader-zh', { 'accept-language': 'zh-CN' });
        expect(zh.body.errors![0]!.message).toContain('已由Grade I decision team');
        expect(await e.dataSource.manager.count(Decision)).toBe(decisions);
        const refusal = await e.dataSource.manager.findOneOrFail(AuditEntry, {
          where: { action: 'refuse', entityType: 'Decision' },
          order: { id: 'DESC' },
        });
        expect(refusal.note).toContain('DECISION_CLOSED');
        // The same key as the completing vote still answers with it.
        expect((await vote(projectId, 'boss', 'REJECTED', 'rej-boss')).body.data!.recordDecision.id).toBe(
          rejected.body.data!.recordDecision.id,
        );
      },
    );

    test('a fixed seat REJECTED after another approved: complete as REJECTED on that vote', async () => {
      const projectId = await gradeIProject();
      expect((await vote(projectId, 'leader', 'APPROVED', 'mix-leader')).body.data!.recordDecision.complete).toBe(
        false,
      );
      expect((await vote(projectId, 'boss', 'REJECTED', 'mix-boss')).body.data!.recordDecision).toMatchObject({
        outcome: 'REJECTED',
        complete: true,
      });
    });

    test('two seats voting at the same moment: exactly one of the votes completes the decision', async () => {
      for (let round = 0; round < 3; round++) {
        const projectId = await gradeIProject();
        const votes = await Promise.all([
          vote(projectId, 'boss', 'APPROVED', `race-boss-${round}`),
          vote(projectId, 'leader', 'APPROVED', `race-leader-${round}`),
        ]);
        for (const v of votes) expect(v.body.errors).toBeUndefined();
        expect(votes.map((v) => v.body.data!.recordDecision.complete).filter(Boolean)).toHaveLength(1);
      }
    });

    test(
      'RETURNED completes the round; the next vote opens ' + 'a new one in which earlier approvals no longer count',
      async () => {
        const projectId = await gradeIProject();
        expect((await vote(projectId, 'leader', 'APPROVED', 'ret-leader-1')).body.data!.recordDecision.complete).toBe(
          false,
        );
        expect((await vote(projectId, 'boss', 'RETURNED', 'ret-boss-1')).body.data!.recordDecision).toMatchObject({
          outcome: 'RETURNED',
          complete: true,
        });
        expect((await vote(projectId, 'boss', 'APPROVED', 'ret-boss-2')).body.data!.recordDecision.complete).toBe(
          false,
        );
        expect((await vote(projectId, 'leader', 'APPROVED', 'ret-leader-2')).body.data!.recordDecision).toMatchObject({
          outcome: 'APPROVED',
          complete: true,
        });
        expect((await vote(projectId, 'leader', 'RETURNED', 'ret-leader-3')).body.errors![0]!.extensions!.code).toBe(
          'DECISION_CLOSED',
        );
      },
    );
  });
});
