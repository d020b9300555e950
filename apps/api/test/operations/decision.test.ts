import { describeOnDatabases, TestEnv } from '../support/databases';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { Decision } from '../../src/modules/decision/decision.entity';
import { Scenario, seedScenario } from './scenario';

const RECORD = `mutation($input: RecordDecisionInput!) {
  recordDecision(input: $input) { id projectId decisionPoint outcome deciderId decidedAt complete chain { links { kind id holderPersonId limit } body { bodyId seatTitles } } }
}`;

interface Recorded {
  recordDecision: { id: string; complete: boolean; chain: { links: Array<{ kind: string; id: string; holderPersonId: string; limit: string | null }>; body: { seatTitles: string[] } | null } };
}

describeOnDatabases('recordDecision', (env) => {
  let s: Scenario;
  let e: TestEnv;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
  });
  const input = (over: Record<string, unknown>) => ({ projectId: String(s.projects.small), decisionPoint: 'ATC', outcome: 'APPROVED', deciderId: String(s.people.east1), comment: 'Good margin', ...over });

  test('records with a snapshot of the allowing chain; the same key again returns the first result', async () => {
    const first = await e.gql<Recorded>(RECORD, { input: input({ idempotencyKey: 'crm-1' }) }, { token: s.tokens.admin });
    expect(first.body.errors).toBeUndefined();
    const decision = first.body.data!.recordDecision;
    expect(decision.complete).toBe(true);
    expect(decision.chain.links.map((l) => [l.kind, l.id])).toEqual([
      ['RULE', String(s.rules.director)],
      ['DELEGATION', String(s.delegation)],
    ]);
    const again = await e.gql<Recorded>(RECORD, { input: input({ idempotencyKey: 'crm-1', outcome: 'REJECTED' }) }, { token: s.tokens.admin });
    expect(again.body.data!.recordDecision).toEqual(decision);
    expect(await e.dataSource.manager.count(Decision, { where: { idempotencyKey: 'crm-1' } })).toBe(1);
  });

  test('refused with NOT_AUTHORIZED and the reasons; the refusal is audited and nothing else is written', async () => {
    const decisions = await e.dataSource.manager.count(Decision);
    const audits = await e.dataSource.manager.count(AuditEntry);
    const refused = await e.gql(RECORD, { input: input({ deciderId: String(s.people.west1), idempotencyKey: 'crm-2' }) }, { token: s.tokens.admin, headers: { 'accept-language': 'zh-CN' } });
    const error = refused.body.errors![0]!;
    expect(error.extensions!.code).toBe('NOT_AUTHORIZED');
    expect((error.extensions!.reasons as Array<{ code: string }>).map((r) => r.code)).toEqual(['NO_AUTHORITY']);
    expect(error.message).toContain('无权');
    expect(await e.dataSource.manager.count(Decision)).toBe(decisions);
    expect(await e.dataSource.manager.count(AuditEntry)).toBe(audits + 1);
    const entry = await e.dataSource.manager.findOneOrFail(AuditEntry, { where: { action: 'refuse', entityType: 'Decision' }, order: { id: 'DESC' } });
    expect(entry.note).toContain('NO_AUTHORITY');
    // A LEADER records only their own decisions.
    const forOther = await e.gql(RECORD, { input: input({ idempotencyKey: 'crm-3' }) }, { token: s.tokens.leader });
    expect(forOther.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  test('a decision body: each seat votes, and the decision completes when every fixed seat approved', async () => {
    const vote = (deciderId: number, key: string, token: string) =>
      e.gql<Recorded>(RECORD, { input: { projectId: String(s.projects.gradeI), decisionPoint: 'ATI', outcome: 'APPROVED', deciderId: String(deciderId), idempotencyKey: key } }, { token });
    const boss = await vote(s.people.boss, 'ati-boss', s.tokens.boss);
    expect(boss.body.errors).toBeUndefined();
    expect(boss.body.data!.recordDecision.complete).toBe(false);
    expect(boss.body.data!.recordDecision.chain.body!.seatTitles).toEqual(['BU_PRESIDENT']);
    const leader = await vote(s.people.leader, 'ati-leader', s.tokens.leader);
    expect(leader.body.data!.recordDecision.complete).toBe(true);
    expect(leader.body.data!.recordDecision.chain.body!.seatTitles).toEqual(['BUSINESS_DEPT_DIRECTOR']);
    // Decisions are append-only: no update or delete operation exists.
    const del = await e.gql('mutation { deleteDecision(id: "1") { id } }', {}, { token: s.tokens.admin });
    expect(del.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
