import { describeOnDatabases, TestEnv } from '../support/databases';
import { Decision } from '../../src/modules/decision/decision.entity';
import { Scenario, seedScenario } from './scenario';

describeOnDatabases('upsertProject, qualificationStatus, concurrent idempotent decisions', (env) => {
  let s: Scenario;
  let e: TestEnv;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
  });

  test(
    'upsertProject creates once per external reference, ' + 'then updates; the grade comes from the criteria',
    async () => {
      const upsert = (amount: string, criteria: Record<string, boolean>) =>
        e.gql<{
          upsertProject: { id: string; grade: string; gradeReasons: string[]; amount: string; version: number };
        }>(
          'mutation($input: ProjectInput!) { upsertProject(externalRef: "CRM-42", input: $input) { id grade ' +
            'gradeReasons amount version } }',
          {
            input: {
              name: 'CRM opportunity 42',
              orgUnitId: String(e.fixture.units.eastOffice),
              stage: 'OPPORTUNITY',
              amount,
              currency: 'CNY',
              gradeCriteria: criteria,
            },
          },
          { token: e.tokens.admin },
        );
      const created = await upsert('1000000.00', {});
      expect(created.body.errors).toBeUndefined();
      expect(created.body.data!.upsertProject).toMatchObject({ grade: 'III', amount: '1000000.00', version: 1 });
      const updated = await upsert('2500000.00', { majorProductDirectionImpact: true });
      expect(updated.body.data!.upsertProject).toMatchObject({
        id: created.body.data!.upsertProject.id,
        grade: 'I',
        amount: '2500000.00',
        version: 2,
      });
    },
  );

  test('qualificationStatus: never assessed is a reason, not an error', async () => {
    const res = await e.gql<{ qualificationStatus: { level: number | null; reason: string; gap: unknown } }>(
      'query($p: ID!) { qualificationStatus(personId: $p, role: AR, at: "2026-01-01T00:00:00Z") { personId ' +
        'role level validUntil reason gap { nextLevel } } }',
      { p: String(s.people.east1) },
      { token: e.tokens.viewer },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.qualificationStatus).toMatchObject({ level: null, reason: 'NEVER_ASSESSED', gap: null });
  });

  test('the same idempotency key sent five times at once records one decision', async () => {
    const send = () =>
      e.gql<{ recordDecision: { id: string } }>(
        'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }',
        {
          input: {
            projectId: String(s.projects.small),
            decisionPoint: 'ATB',
            outcome: 'APPROVED',
            deciderId: String(s.people.east1),
            idempotencyKey: 'burst-1',
          },
        },
        { token: e.tokens.admin },
      );
    const answers = await Promise.all([send(), send(), send(), send(), send()]);
    for (const a of answers) expect(a.body.errors).toBeUndefined();
    expect(new Set(answers.map((a) => a.body.data!.recordDecision.id)).size).toBe(1);
    expect(await e.dataSource.manager.count(Decision, { where: { idempotencyKey: 'burst-1' } })).toBe(1);
  });

  test('whoMayDecide as of a past moment: before the director took office (a day ago) nobody could', async () => {
    const ask = (daysAgo: number) =>
      e.gql<{ whoMayDecide: Array<{ personId: string }> }>(
        'query($input: CaseInput!) { whoMayDecide(input: $input) { personId } }',
        {
          input: {
            decisionPoint: 'ATC',
            grade: 'III',
            orgUnitId: String(e.fixture.units.eastOffice),
            amount: '100.00',
            currency: 'CNY',
            at: new Date(e.fixture.now.getTime() - daysAgo * 86_400_000).toISOString(),
          },
        },
        { token: e.tokens.viewer },
      );
    expect((await ask(40)).body.data!.whoMayDecide).toEqual([]);
    expect((await ask(0.5)).body.data!.whoMayDecide.map((d) => d.personId).sort()).toEqual(
      [String(s.people.leader), String(s.people.east1)].sort(),
    );
  });
});
