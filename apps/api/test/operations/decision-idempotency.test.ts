// recordDecision's idempotency key (issue #10, class 4a): the same key with another decision is refused with
// IDEMPOTENCY_KEY_REUSED; keys belong to the caller; two simultaneous calls with one key record one decision.
import { describeOnDatabases, TestEnv } from '../support/databases';
import { Decision } from '../../src/modules/decision/decision.entity';
import { Scenario, seedScenario } from './scenario';

const RECORD = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id outcome comment } }`;

interface Recorded {
  recordDecision: { id: string; outcome: string; comment: string | null };
}

describeOnDatabases('recordDecision idempotency', (env) => {
  let s: Scenario;
  let e: TestEnv;
  let apiToken: string;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
    const created = await e.gql<{ createApiToken: { secret: string } }>(
      `mutation { createApiToken(name: "CRM", scopes: ["read", "decide"]) { secret } }`,
      {},
      { token: s.tokens.admin },
    );
    apiToken = created.body.data!.createApiToken.secret;
  });
  const input = (key: string, over: Record<string, unknown> = {}) => ({
    projectId: String(s.projects.small),
    decisionPoint: 'ATC',
    outcome: 'APPROVED',
    deciderId: String(s.people.east1),
    comment: 'Good margin',
    idempotencyKey: key,
    ...over,
  });

  test(
    'the same key with another payload is refused with ' + 'IDEMPOTENCY_KEY_REUSED naming the first decision',
    async () => {
      const first = await e.gql<Recorded>(RECORD, { input: input('reuse-1') }, { token: s.tokens.admin });
      const id = first.body.data!.recordDecision.id;
      for (const over of [{ outcome: 'REJECTED' }, { comment: 'Another comment' }, { decisionPoint: 'ATB' }]) {
        const again = await e.gql<Recorded>(RECORD, { input: input('reuse-1', over) }, { token: s.tokens.admin });
        expect(again.body.data ?? null).toBeNull();
        const error = again.body.errors![0]!;
        expect(error.extensions).toMatchObject({
          code: 'IDEMPOTENCY_KEY_REUSED',
          recordType: 'Decision',
          recordId: id,
        });
        expect(error.message).toContain(`Decision ${id}`);
      }
      expect(await e.dataSource.manager.countBy(Decision, { idempotencyKey: 'reuse-1' })).toBe(1);
    },
  );

  test("keys belong to the caller: another caller's same key records a decision of its own", async () => {
    const byAdmin = await e.gql<Recorded>(
      RECORD,
      { input: input('shared-1', { comment: 'by the admin' }) },
      { token: s.tokens.admin },
    );
    // The API token sends the same key with another payload: not refused, not the admin's decision: a new one.
    const byToken = await e.gql<Recorded>(
      RECORD,
      { input: input('shared-1', { comment: 'by the CRM' }) },
      { token: apiToken },
    );
    expect(byToken.body.errors).toBeUndefined();
    expect(byToken.body.data!.recordDecision.id).not.toBe(byAdmin.body.data!.recordDecision.id);
    expect(byToken.body.data!.recordDecision.comment).toBe('by the CRM');
    // Each caller replays its own.
    const tokenAgain = await e.gql<Recorded>(
      RECORD,
      { input: input('shared-1', { comment: 'by the CRM' }) },
      { token: apiToken },
    );
    expect(tokenAgain.body.data!.recordDecision.id).toBe(byToken.body.data!.recordDecision.id);
    const rows = await e.dataSource.manager.find(Decision, {
      where: { idempotencyKey: 'shared-1' },
      order: { id: 'ASC' },
    });
    expect(rows.map((r) => r.idempotencyOwner)).toEqual([
      `user:${e.fixture.users.admin}`,
      expect.stringMatching(/^token:\d+$/),
    ]);
  });

  const rounds = () => (e.kind === 'mariadb' ? 40 : 10);

  test('two simultaneous calls with one key: one decision, both answers name it (40 rounds on MariaDB)', async () => {
    let violations = 0;
    for (let round = 0; round < rounds(); round++) {
      const key = `race-same-${round}`;
      const answers = await Promise.all(
        [0, 1].map(() => e.gql<Recorded>(RECORD, { input: input(key) }, { token: s.tokens.admin })),
      );
      const count = await e.dataSource.manager.countBy(Decision, { idempotencyKey: key });
      const ids = answers.map((a) => a.body.data?.recordDecision.id);
      if (count !== 1 || ids.some((id) => id === undefined) || ids[0] !== ids[1]) violations += 1;
    }
    expect(violations).toBe(0);
  });

  test(
    'two simultaneous calls with one key and different payloads: ' +
      'one decision, the other refused (40 rounds on MariaDB)',
    async () => {
      let violations = 0;
      for (let round = 0; round < rounds(); round++) {
        const key = `race-diff-${round}`;
        const answers = await Promise.all(
          ['APPROVED', 'REJECTED'].map((outcome) =>
            e.gql<Recorded>(RECORD, { input: input(key, { outcome }) }, { token: s.tokens.admin }),
          ),
        );
        const count = await e.dataSource.manager.countBy(Decision, { idempotencyKey: key });
        const recorded = answers.filter((a) => a.body.data?.recordDecision);
        const refused = answers.filter((a) => a.body.errors?.[0]?.extensions?.code === 'IDEMPOTENCY_KEY_REUSED');
        if (
          count !== 1 ||
          recorded.length !== 1 ||
          refused.length !== 1 ||
          refused[0]!.body.errors![0]!.extensions!.recordId !== recorded[0]!.body.data!.recordDecision.id
        )
          violations += 1;
      }
      expect(violations).toBe(0);
    },
  );
});
