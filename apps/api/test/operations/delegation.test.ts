import { describeOnDatabases, TestEnv } from '../support/databases';
import { AuditEntry } from '../../src/platform/audit-entry.entity';
import { Scenario, seedScenario } from './scenario';

const CREATE = `mutation($src: ID, $srcD: ID, $from: ID!, $to: ID!, $points: [DecisionPoint!]!, $grades:
  [ProjectGrade!]!, $scope: ID!, $limit: Money, $validFrom: DateTime!, $depth: Int) {
  createDelegation(sourceRuleId: $src, sourceDelegationId: $srcD, delegatorId: $from, delegateId: $to, decisionPoints:
  $points, grades: $grades, scopeOrgUnitId: $scope,
    limit: $limit, currency: "CNY", validFrom: $validFrom, redelegableDepth: $depth,
    reason: "Cover bids while travelling") { id version limit }
}`;

describeOnDatabases('delegations judged by the engine', (env) => {
  let s: Scenario;
  let e: TestEnv;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
  });
  const vars = (over: Record<string, unknown> = {}) => ({
    src: String(s.rules.director),
    from: String(s.people.leader),
    to: String(s.people.west1),
    points: ['ATB'],
    grades: ['III'],
    scope: String(e.fixture.units.eastOffice),
    limit: '1000000.00',
    validFrom: e.fixture.now.toISOString(),
    depth: 0,
    ...over,
  });

  test(
    'a LEADER delegates from an authority they hold; ' + 'beyond the source the engine refuses with each code',
    async () => {
      const ok = await e.gql<{ createDelegation: { id: string; limit: string } }>(CREATE, vars(), {
        token: s.tokens.leader,
      });
      expect(ok.body.errors).toBeUndefined();
      expect(ok.body.data!.createDelegation.limit).toBe('1000000.00');

      const wide = await e.gql(
        CREATE,
        vars({ limit: '20000000.00', grades: ['I'], scope: String(e.fixture.units.westOffice), depth: 5 }),
        { token: s.tokens.leader, headers: { 'accept-language': 'en' } },
      );
      const error = wide.body.errors![0]!;
      expect(error.extensions!.code).toBe('BAD_USER_INPUT');
      const codes = (error.extensions!.reasons as Array<{ code: string; message: string }>).map((r) => r.code).sort();
      expect(codes).toEqual([
        'DELEGATION.EXCEEDS_DEPTH',
        'DELEGATION.EXCEEDS_GRADES',
        'DELEGATION.EXCEEDS_LIMIT',
        'DELEGATION.EXCEEDS_SCOPE',
      ]);
      expect(error.message).toContain("exceeds the source's limit of CN¥10,000,000.00");

      // The leader may not delegate someone else's authority; an admin acting for a person who does not hold it is
      // refused by the engine.
      const forOther = await e.gql(CREATE, vars({ from: String(s.people.boss) }), { token: s.tokens.leader });
      expect(forOther.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      const notHolder = await e.gql(CREATE, vars({ from: String(s.people.west1), to: String(s.people.outsider) }), {
        token: s.tokens.admin,
        headers: { 'accept-language': 'zh-CN' },
      });
      const reasons = notHolder.body.errors![0]!.extensions!.reasons as Array<{ code: string; message: string }>;
      expect(reasons.map((r) => r.code)).toEqual(['DELEGATION.DELEGATOR_NOT_HOLDER']);
      expect(reasons[0]!.message).toContain('只能转授权自己持有的授权');
    },
  );

  test(
    'revoking cascades to every delegation derived from it, in ' +
      'one transaction, each audited; the impact is the same list',
    async () => {
      // Eddie re-delegates to Wanda from the scenario's delegation; Wanda then may take ATB there.
      const sub = await e.gql<{ createDelegation: { id: string } }>(
        CREATE,
        vars({ src: null, srcD: String(s.delegation), from: String(s.people.east1), to: String(s.people.outsider) }),
        { token: s.tokens.admin },
      );
      expect(sub.body.errors).toBeUndefined();
      const subId = sub.body.data!.createDelegation.id;
      const impact = await e.gql<{ delegationImpact: Array<{ id: string }> }>(
        'query($id: ID!) { delegationImpact(id: $id) { id } }',
        { id: String(s.delegation) },
        { token: e.tokens.viewer },
      );
      expect(impact.body.data!.delegationImpact.map((d) => d.id)).toEqual([String(s.delegation), subId]);

      const ask = () =>
        e.gql<{ authorize: { allowed: boolean; reasons: Array<{ code: string }> } }>(
          'query($input: AuthorizeInput!) { authorize(input: $input) { allowed reasons { code } } }',
          {
            input: {
              personId: String(s.people.outsider),
              decisionPoint: 'ATB',
              grade: 'III',
              orgUnitId: String(e.fixture.units.eastOffice),
              amount: '100.00',
              currency: 'CNY',
            },
          },
          { token: e.tokens.viewer },
        );
      expect((await ask()).body.data!.authorize.allowed).toBe(true);

      const auditBefore = await e.dataSource.manager.count(AuditEntry);
      const revoked = await e.gql<{ revokeDelegation: Array<{ id: string; revokedAt: string; revokeReason: string }> }>(
        'mutation($id: ID!) { revokeDelegation(id: $id, reason: "Office reorganised") { id revokedAt revokeReason } }',
        { id: String(s.delegation) },
        { token: s.tokens.leader },
      );
      expect(revoked.body.errors).toBeUndefined();
      expect(revoked.body.data!.revokeDelegation.map((d) => d.id)).toEqual([String(s.delegation), subId]);
      expect(revoked.body.data!.revokeDelegation[1]!.revokeReason).toContain(`revoked with delegation ${s.delegation}`);
      expect(await e.dataSource.manager.count(AuditEntry)).toBe(auditBefore + 2);

      const after = (await ask()).body.data!.authorize;
      expect(after.allowed).toBe(false);
      expect(after.reasons.map((r) => r.code)).toEqual(['REVOKED']);
      // Revoking again from the same moment is refused; asking the impact at a moment before the revocation still lists
      // both.
      const again = await e.gql(
        'mutation($id: ID!) { revokeDelegation(id: $id, reason: "twice over", at: "2099-01-01T00:00:00Z") { id } }',
        { id: String(s.delegation) },
        { token: s.tokens.admin },
      );
      expect(again.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    },
  );

  test('updateDelegation may shorten the window; a revoked delegation never changes', async () => {
    const created = await e.gql<{ createDelegation: { id: string; version: number } }>(
      CREATE,
      vars({ to: String(s.people.outsider) }),
      { token: s.tokens.leader },
    );
    const { id, version } = created.body.data!.createDelegation;
    const shorter = await e.gql<{ updateDelegation: { validTo: string } }>(
      'mutation($id: ID!, $v: Int!, $to: DateTime) { updateDelegation(id: $id, version: $v, validTo: $to) ' +
        '{ validTo } }',
      { id, v: version, to: new Date(e.fixture.now.getTime() + 86_400_000).toISOString() },
      { token: s.tokens.leader },
    );
    expect(shorter.body.errors).toBeUndefined();
    const current = await e.gql<{ Delegation: { version: number } }>(
      'query($id: ID!) { Delegation(id: $id) { version } }',
      { id: String(s.delegation) },
      { token: s.tokens.admin },
    );
    const revoked = await e.gql<{ updateDelegation: unknown }>(
      'mutation($id: ID!, $v: Int!) { updateDelegation(id: $id, version: $v, reason: "changed my mind") { id } }',
      { id: String(s.delegation), v: current.body.data!.Delegation.version },
      { token: s.tokens.admin },
    );
    expect(revoked.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
