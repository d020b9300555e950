import { describeOnDatabases, TestEnv } from '../support/databases';
import { Scenario, seedScenario } from './scenario';

const AUTHORIZE = `query($input: AuthorizeInput!) {
  authorize(input: $input) {
    allowed at quorumRequired
    chains { links { kind id holderPersonId delegatorId decisionPoints grades scopeOrgUnitId limit currency validFrom
  validTo requiredRole requiredLevel } body { bodyId seatTitles } }
    reasons { code message linkId chain data }
  }
}`;

interface AuthorizeAnswer {
  authorize: {
    allowed: boolean;
    at: string;
    quorumRequired: boolean;
    chains: Array<{ links: Array<Record<string, unknown>>; body: { bodyId: string; seatTitles: string[] } | null }>;
    reasons: Array<{
      code: string;
      message: string;
      linkId: string | null;
      chain: string[];
      data: Record<string, unknown>;
    }>;
  };
}

describeOnDatabases('authorize and whoMayDecide', (env) => {
  let s: Scenario;
  let e: TestEnv;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
  });
  const ask = (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
    e.gql<AuthorizeAnswer>(AUTHORIZE, { input }, { token: e.tokens.viewer, headers });
  const described = (over: Record<string, unknown> = {}) => ({
    personId: String(s.people.east1),
    decisionPoint: 'ATC',
    grade: 'III',
    orgUnitId: String(e.fixture.units.eastOffice),
    amount: '4000000.00',
    currency: 'CNY',
    ...over,
  });

  test('allowed through the delegation, with the chain rule first', async () => {
    const res = await ask(described());
    expect(res.body.errors).toBeUndefined();
    const answer = res.body.data!.authorize;
    expect(answer.allowed).toBe(true);
    expect(answer.reasons).toEqual([]);
    expect(answer.chains).toHaveLength(1);
    const [rule, delegation] = answer.chains[0]!.links;
    expect(rule).toMatchObject({
      kind: 'RULE',
      id: String(s.rules.director),
      holderPersonId: String(s.people.leader),
      limit: '10000000.00',
      currency: 'CNY',
    });
    expect(delegation).toMatchObject({
      kind: 'DELEGATION',
      id: String(s.delegation),
      holderPersonId: String(s.people.east1),
      delegatorId: String(s.people.leader),
      limit: '5000000.00',
    });
  });

  test('denied over the limit, with the reason in English and Chinese', async () => {
    const en = await ask(described({ amount: '6000000.00' }));
    const reason = en.body.data!.authorize.reasons[0]!;
    expect(en.body.data!.authorize.allowed).toBe(false);
    expect(reason).toMatchObject({
      code: 'AMOUNT_OVER_LIMIT',
      linkId: String(s.delegation),
      data: { limit: '5000000.00', amount: '6000000.00', currency: 'CNY' },
    });
    expect(reason.message).toContain(
      `Amount CN¥6,000,000.00 exceeds the CN¥5,000,000.00 limit of delegation #${s.delegation} from Lena Leader`,
    );
    const zh = await ask(described({ amount: '6000000.00' }), { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    expect(zh.body.data!.authorize.reasons[0]!.message).toContain(
      `金额 ¥6,000,000.00 超出转授权 #${s.delegation} 的限额 ¥5,000,000.00`,
    );
  });

  test('every denial code the case can produce, each with a message', async () => {
    const codes = async (over: Record<string, unknown>) =>
      (await ask(described(over))).body.data!.authorize.reasons.map((r) => r.code);
    // A delegation of other decision points could never have applied: the person holds nothing for ATI.
    expect(await codes({ decisionPoint: 'ATI' })).toEqual(['NO_AUTHORITY']);
    expect(await codes({ grade: 'II' })).toEqual(['GRADE_NOT_COVERED']);
    expect(await codes({ orgUnitId: String(e.fixture.units.westOffice) })).toEqual(['OUT_OF_SCOPE']);
    expect(await codes({ currency: 'USD' })).toEqual(['CURRENCY_MISMATCH']);
    expect(await codes({ personId: String(s.people.west1) })).toEqual(['NO_AUTHORITY']);
    expect(await codes({ teamMemberIds: [String(s.people.east1)] })).toEqual(['CONFLICT_OF_INTEREST']);
    const zh = await ask(described({ personId: String(s.people.west1) }), { 'accept-language': 'zh-CN' });
    expect(zh.body.data!.authorize.reasons[0]!.message).toMatch(/Wanda West.*未持有/);
  });

  test('reasons speak only of rules and delegations of the decision point asked about', async () => {
    // east1's delegation covers other points: asked about a bonus pool, no reason lists it.
    for (const [locale, words] of [
      ['en', /holds no rule for this decision/],
      ['zh-CN', /未持有可用于此决策的授权规则/],
    ] as const) {
      const pool = await ask(described({ decisionPoint: 'POOL_APPROVAL' }), { 'accept-language': locale });
      const answer = pool.body.data!.authorize;
      expect(answer.allowed).toBe(false);
      expect(answer.reasons.map((r) => ({ code: r.code, linkId: r.linkId }))).toEqual([
        { code: 'NO_AUTHORITY', linkId: null },
      ]);
      expect(answer.reasons[0]!.message).toMatch(words);
      expect(answer.reasons[0]!.message).not.toMatch(/POOL_APPROVAL|ATC|#\d+ (covers|仅涵盖)/);
    }
    // Over the limit on the point asked about: that reason alone.
    const over = (await ask(described({ amount: '6000000.00' }))).body.data!.authorize;
    expect(over.reasons.map((r) => r.code)).toEqual(['AMOUNT_OVER_LIMIT']);
  });

  test('as of a past moment: before the delegation started it was not in force', async () => {
    const at = new Date(e.fixture.now.getTime() - 40 * 86_400_000).toISOString();
    const res = await ask(described({ at }));
    const answer = res.body.data!.authorize;
    expect(answer.at).toBe(at);
    expect(answer.reasons.map((r) => r.code)).toEqual(['NOT_IN_FORCE']);
    expect(answer.reasons[0]!.message).toContain(`Delegation #${s.delegation} is in force from`);
  });

  test('a project case takes grade, unit, amount and team from the project (the leader is on its team)', async () => {
    const leaderOnTeam = await ask({
      personId: String(s.people.leader),
      decisionPoint: 'ATC',
      projectId: String(s.projects.withLeader),
    });
    expect(leaderOnTeam.body.data!.authorize.reasons.map((r) => r.code)).toContain('CONFLICT_OF_INTEREST');
    const small = await ask({
      personId: String(s.people.east1),
      decisionPoint: 'ATC',
      projectId: String(s.projects.small),
    });
    expect(small.body.data!.authorize.allowed).toBe(true);
    // Once the index is cached: the caller's session with the counter riding along (one statement), plus the
    // project and its team for a project case.
    expect(Number(small.headers.get('x-sql-statements'))).toBe(2);
    expect(Number((await ask(described())).headers.get('x-sql-statements'))).toBe(1);
    const missing = await ask({ personId: String(s.people.east1), decisionPoint: 'ATC', grade: 'III' });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('a project case is cached until the project or its team changes (the case counter)', async () => {
    const input = { personId: String(s.people.east1), decisionPoint: 'ATC', projectId: String(s.projects.small) };
    const first = await ask(input);
    expect(first.body.data!.authorize.allowed).toBe(true);
    // Asked again with nothing changed: the session statement only.
    const again = await ask(input);
    expect(again.body.data!.authorize).toEqual({ ...first.body.data!.authorize, at: again.body.data!.authorize.at });
    expect(Number(again.headers.get('x-sql-statements'))).toBe(1);
    const PROJECT = 'query($id: ID!) { Project(id: $id) { version amount } }';
    const UPDATE =
      'mutation($id: ID!, $version: Int!, $amount: Money) { updateProject(id: $id, version: $version, ' +
      'amount: $amount) { version amount } }';
    const admin = { token: e.tokens.admin };
    const before = await e.gql<{ Project: { version: number; amount: string } }>(
      PROJECT,
      { id: String(s.projects.small) },
      admin,
    );
    const raised = await e.gql<{ updateProject: { version: number } }>(
      UPDATE,
      { id: String(s.projects.small), version: before.body.data!.Project.version, amount: '6000000.00' },
      admin,
    );
    expect(raised.body.errors).toBeUndefined();
    const denied = await ask(input);
    expect(denied.body.data!.authorize.allowed).toBe(false);
    expect(denied.body.data!.authorize.reasons.map((r) => r.code)).toContain('AMOUNT_OVER_LIMIT');
    const restored = await e.gql<{ updateProject: { version: number } }>(
      UPDATE,
      {
        id: String(s.projects.small),
        version: raised.body.data!.updateProject.version,
        amount: before.body.data!.Project.amount,
      },
      admin,
    );
    expect(restored.body.errors).toBeUndefined();
    expect((await ask(input)).body.data!.authorize.allowed).toBe(true);
  });

  test('whoMayDecide: the delegate and the director; for grade I the body with its seats and quorum', async () => {
    const q = `query($input: CaseInput!) { whoMayDecide(input: $input) { personId quorumRequired chains { links { id
      kind } body { bodyId seatTitles } }
      bodies { ruleId bodyId quorum quorumReachable seats { title fixed occupants filledBy { personId via } } } } }`;
    const res = await e.gql<{
      whoMayDecide: Array<{
        personId: string;
        quorumRequired: boolean;
        bodies: Array<{ quorumReachable: boolean; seats: Array<{ title: string; occupants: string[] }> }>;
      }>;
    }>(
      q,
      {
        input: {
          decisionPoint: 'ATC',
          grade: 'III',
          orgUnitId: String(e.fixture.units.eastOffice),
          amount: '4000000.00',
          currency: 'CNY',
        },
      },
      { token: e.tokens.viewer },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.whoMayDecide.map((d) => d.personId).sort()).toEqual(
      [String(s.people.leader), String(s.people.east1)].sort(),
    );
    const body = await e.gql<{
      whoMayDecide: Array<{
        personId: string;
        quorumRequired: boolean;
        bodies: Array<{
          quorum: string;
          quorumReachable: boolean;
          seats: Array<{ title: string; occupants: string[] }>;
        }>;
      }>;
    }>(q, { input: { decisionPoint: 'ATI', projectId: String(s.projects.gradeI) } }, { token: e.tokens.viewer });
    const deciders = body.body.data!.whoMayDecide;
    expect(deciders.map((d) => d.personId).sort()).toEqual([String(s.people.leader), String(s.people.boss)].sort());
    for (const d of deciders) {
      expect(d.quorumRequired).toBe(true);
      expect(d.bodies[0]).toMatchObject({ quorum: 'ALL_FIXED', quorumReachable: true });
      expect(d.bodies[0]!.seats.map((seat) => [seat.title, seat.occupants])).toEqual([
        ['BU_PRESIDENT', [String(s.people.boss)]],
        ['BUSINESS_DEPT_DIRECTOR', [String(s.people.leader)]],
      ]);
    }
  });
});
