// DELEGATE_NOT_QUALIFIED over HTTP: everything set up through the API (role model, framework, level, requirement,
// a certifying assessment, a delegation that requires the qualification); once the assessment's validity ends, the
// delegate may no longer decide through the delegation, and the reason says so in English and Chinese.
import { describeOnDatabases, TestEnv } from '../support/databases';
import { Scenario, seedScenario } from './scenario';

const DAY = 86_400_000;

interface Reason {
  code: string;
  message: string;
  linkId: string | null;
  data: Record<string, unknown>;
}

describeOnDatabases('a delegation whose delegate lost the required qualification', (env) => {
  let s: Scenario;
  let e: TestEnv;
  let delegationId: string;
  let validUntil: Date;

  /** Runs a mutation and returns its single field, failing with the errors when there are any. */
  async function mutate<T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await e.gql<Record<string, T>>(query, variables, { token });
    if (res.body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(res.body.errors)}`);
    return Object.values(res.body.data!)[0] as T;
  }

  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
    const hr = e.tokens.hr;
    const now = e.fixture.now;
    const model = await mutate<{ id: string }>(
      hr,
      'mutation { createRoleModel(role: AR, name: "Account responsible", nameZh: "客户责任人") { id } }',
      {},
    );
    const version = await mutate<{ id: string }>(
      hr,
      'mutation($m: ID!) { createRoleModelVersion(roleModelId: $m, versionNo: 1, status: "PUBLISHED") { id } }',
      { m: model.id },
    );
    await mutate(
      hr,
      'mutation($v: ID!) { createRoleModelDimension(roleModelVersionId: $v, code: "CUSTOMER", name: ' +
        '"Customer insight", nameZh: "客户洞察") { id } }',
      { v: version.id },
    );
    const framework = await mutate<{ id: string }>(
      hr,
      'mutation($v: ID!) { createQualificationFramework(role: AR, roleModelVersionId: $v, name: "AR ' +
        'qualification", validityMonths: 1, status: "ACTIVE") { id } }',
      { v: version.id },
    );
    const level = await mutate<{ id: string }>(
      hr,
      'mutation($f: ID!) { createQualificationLevel(frameworkId: $f, level: 1, name: "Practitioner", ' +
        'nameZh: "从业级", minTenureMonths: 0, minProjects: 0) { id } }',
      {
        f: framework.id,
      },
    );
    await mutate(
      hr,
      'mutation($l: ID!) { createLevelRequirement(levelId: $l, dimensionCode: "CUSTOMER", minProficiency: 3) { id } }',
      { l: level.id },
    );
    // A panel certifies Olga as AR level 1 ten days ago, valid for one month.
    const assessment = await mutate<{ levelReached: number; certifies: boolean; validUntil: string }>(
      hr,
      `mutation($p: ID!, $f: ID!, $by: ID!, $at: DateTime!, $since: DateTime!) {
        createAssessment(personId: $p, frameworkId: $f, kind: PANEL, assessorId: $by, assessedAt: $at, inRoleSince:
        $since, completedProjects: 0,
          ratings: [{ dimension: "CUSTOMER", proficiency: 4, evidence: "Led three key-account plans." }]) {
        levelReached certifies validUntil } }`,
      {
        p: String(s.people.outsider),
        f: framework.id,
        by: String(s.people.boss),
        at: new Date(now.getTime() - 10 * DAY).toISOString(),
        since: new Date(now.getTime() - 700 * DAY).toISOString(),
      },
    );
    expect(assessment).toMatchObject({ levelReached: 1, certifies: true });
    validUntil = new Date(assessment.validUntil);
    expect(validUntil.getTime()).toBeGreaterThan(now.getTime());
    // The East director delegates grade III bids in the East office to Olga, as long as she stays a qualified AR.
    const delegation = await mutate<{ id: string; requiredRole: string; requiredLevel: number }>(
      e.tokens.admin,
      `mutation($rule: ID!, $from: ID!, $to: ID!, $unit: ID!, $start: DateTime!) {
        createDelegation(sourceRuleId: $rule, delegatorId: $from, delegateId: $to, decisionPoints: [ATB], grades:
        [III], scopeOrgUnitId: $unit,
          limit: "1000000.00", currency: "CNY", validFrom: $start, requiredRole: AR, requiredLevel: 1,
          reason: "Olga covers East office bids.") { id requiredRole requiredLevel } }`,
      {
        rule: String(s.rules.director),
        from: String(s.people.leader),
        to: String(s.people.outsider),
        unit: String(e.fixture.units.eastOffice),
        start: new Date(now.getTime() - 3_600_000).toISOString(),
      },
    );
    expect(delegation).toMatchObject({ requiredRole: 'AR', requiredLevel: 1 });
    delegationId = delegation.id;
  });

  const authorize = (at: Date, language: string) =>
    e.gql<{
      authorize: {
        allowed: boolean;
        at: string;
        reasons: Reason[];
        chains: Array<{
          links: Array<{ kind: string; id: string; requiredRole: string | null; requiredLevel: number | null }>;
        }>;
      };
    }>(
      `query($input: AuthorizeInput!) { authorize(input: $input) { allowed at reasons { code message linkId data }
        chains { links { kind id requiredRole requiredLevel } } } }`,
      {
        input: {
          personId: String(s.people.outsider),
          decisionPoint: 'ATB',
          grade: 'III',
          orgUnitId: String(e.fixture.units.eastOffice),
          amount: '500000.00',
          currency: 'CNY',
          at: at.toISOString(),
        },
      },
      { token: e.tokens.viewer, headers: { 'accept-language': language } },
    );

  test('while the qualification is valid, the delegate may decide through the delegation', async () => {
    const res = await authorize(new Date(validUntil.getTime() - DAY), 'en');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.authorize.allowed).toBe(true);
    expect(res.body.data!.authorize.chains[0]!.links.map((l) => [l.kind, l.id])).toEqual([
      ['RULE', String(s.rules.director)],
      ['DELEGATION', delegationId],
    ]);
    expect(res.body.data!.authorize.chains[0]!.links[1]).toMatchObject({ requiredRole: 'AR', requiredLevel: 1 });
  });

  test(
    'after validUntil: denied with DELEGATE_NOT_QUALIFIED ' + 'on the delegation, in English and in Chinese',
    async () => {
      const at = new Date(validUntil.getTime() + DAY);
      const en = await authorize(at, 'en');
      expect(en.body.errors).toBeUndefined();
      const answer = en.body.data!.authorize;
      expect(answer).toMatchObject({ allowed: false, at: at.toISOString() });
      expect(answer.reasons.map((r) => r.code)).toEqual(['DELEGATE_NOT_QUALIFIED']);
      const [reason] = answer.reasons;
      expect(reason).toMatchObject({
        linkId: delegationId,
        data: { personId: String(s.people.outsider), role: 'AR', required: 1, held: null },
      });
      expect(reason!.message).toBe(
        `Delegation #${delegationId} requires Olga Outside (#${s.people.outsider}) to hold AR level 1; they ` +
          `hold no valid level in that role. Renew the qualification, or delegate to someone qualified.`,
      );

      const zh = await authorize(at, 'zh-CN');
      const zhReason = zh.body.data!.authorize.reasons[0]!;
      expect(zhReason.code).toBe('DELEGATE_NOT_QUALIFIED');
      expect(zhReason.message).toBe(
        `转授权 #${delegationId} 要求 Olga Outside (#${s.people.outsider}) 持有 AR 1 级任职资格，` +
          `其当前未持有该角色的有效资格。请更新任职资格认证，或转授权给符合资格的人。`,
      );

      // The same moment through qualificationStatus: the level has expired.
      const status = await e.gql<{ qualificationStatus: { level: number | null; reason: string | null } }>(
        'query($p: ID!, $at: DateTime!) { qualificationStatus(personId: $p, role: AR, at: $at) { level reason } }',
        { p: String(s.people.outsider), at: at.toISOString() },
        { token: e.tokens.viewer },
      );
      expect(status.body.data!.qualificationStatus).toEqual({ level: null, reason: 'EXPIRED' });
    },
  );
});
