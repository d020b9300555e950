// decisionRights over HTTP: what a position holder, a delegate, a body seat holder may decide, with a project role's
// rule; as of a past moment a revoked delegation still shows, now it does not.
import { AuthorityRule } from '../../src/modules/authority-rule/authority-rule.entity';
import { describeOnDatabases, TestEnv } from '../support/databases';
import { Scenario, seedScenario } from './scenario';

const RIGHTS = `query($person: ID!, $at: DateTime, $asKnownAt: DateTime) {
  decisionRights(personId: $person, at: $at, asKnownAt: $asKnownAt) {
    decisionPoint grades scopeOrgUnitId scopeOrgUnit { id code } limit currency validFrom validTo via projectRole
    quorumRequired revision corrections { revision }
    chain { links { kind id holderPersonId delegatorId } body { bodyId seatTitles } }
  }
}`;

interface Right {
  decisionPoint: string;
  grades: string[];
  scopeOrgUnitId: string;
  scopeOrgUnit: { id: string; code: string } | null;
  limit: string | null;
  currency: string;
  validFrom: string;
  validTo: string | null;
  via: string;
  projectRole: string | null;
  quorumRequired: boolean;
  revision: string;
  corrections: Array<{ revision: string }>;
  chain: {
    links: Array<{ kind: string; id: string; holderPersonId: string; delegatorId: string | null }>;
    body: { bodyId: string; seatTitles: string[] } | null;
  };
}

const DAY = 86_400_000;

describeOnDatabases('decisionRights', (env) => {
  let s: Scenario;
  let e: TestEnv;
  let roleRule: number;
  beforeAll(async () => {
    e = env();
    s = await seedScenario(e);
    const now = e.fixture.now;
    // The project's AR may bid on grade III projects in the East up to 2M.
    roleRule = Number(
      (
        await e.dataSource.manager.insert(AuthorityRule, {
          name: 'AR bids on grade III',
          holderKind: 'PROJECT_ROLE',
          holderTitle: null,
          holderOrgUnitId: null,
          decisionBodyId: null,
          holderRole: 'AR',
          decisionPoints: ['ATB'],
          grades: ['III'],
          scopeOrgUnitId: e.fixture.units.east,
          limitMinor: 200_000_000n,
          currency: 'CNY',
          validFrom: s.start,
          validTo: null,
          delegableDepth: 0,
          version: 1,
          createdAt: now,
          updatedAt: now,
        })
      ).identifiers[0]?.id,
    );
  });

  const ask = async (person: number, vars: Record<string, unknown> = {}, token = e.tokens.viewer) =>
    e.gql<{ decisionRights: Right[] }>(RIGHTS, { person: String(person), ...vars }, { token });
  const rights = async (person: number, vars: Record<string, unknown> = {}) => {
    const res = await ask(person, vars);
    expect(res.body.errors).toBeUndefined();
    const revision = (res.body as { extensions?: { revision?: string } }).extensions?.revision;
    for (const r of res.body.data!.decisionRights) expect(r.revision).toBe(revision);
    return res.body.data!.decisionRights;
  };
  /** point via chain scope limit */
  const line = (r: Right) =>
    [
      r.decisionPoint,
      r.via,
      r.chain.links.map((l) => `${l.kind}:${l.id}`).join('>'),
      r.scopeOrgUnit?.code,
      r.limit ?? '-',
      r.grades.join(','),
    ].join(' ');

  test("a position holder and body seat: the director's rule, the grade I team's seat, the project role", async () => {
    const found = await rights(s.people.leader);
    const { director, body } = s.rules;
    expect(found.map(line)).toEqual([
      `ATI DECISION_BODY RULE:${body} EAST - I`,
      `ATI POSITION RULE:${director} EAST 10000000.00 II,III`,
      `ATB POSITION RULE:${director} EAST 10000000.00 II,III`,
      `ATB PROJECT_ROLE RULE:${roleRule} EAST 2000000.00 III`,
      `ATC POSITION RULE:${director} EAST 10000000.00 II,III`,
    ]);
    expect(found[0]).toMatchObject({
      quorumRequired: true,
      projectRole: null,
      currency: 'CNY',
      chain: {
        links: [{ holderPersonId: String(s.people.leader) }],
        body: { bodyId: String(s.body), seatTitles: ['BUSINESS_DEPT_DIRECTOR'] },
      },
    });
    expect(found[3]).toMatchObject({ projectRole: 'AR', quorumRequired: false, chain: { body: null } });
    expect(found[1]?.validFrom).toBe(s.start.toISOString());
    expect(found[1]?.validTo).toBeNull();
  });

  test('the BU president: a seat for all of HQ, and pool approval', async () => {
    expect((await rights(s.people.boss)).map(line)).toEqual([
      `ATI DECISION_BODY RULE:${s.rules.body} HQ - I`,
      `ATB PROJECT_ROLE RULE:${roleRule} EAST 2000000.00 III`,
      `POOL_APPROVAL POSITION RULE:${s.rules.pool} HQ 1000000.00 I,II,III`,
    ]);
  });

  test('a delegate: the narrowest terms of the chain, rules held directly first', async () => {
    const found = await rights(s.people.east1);
    expect(found.map(line)).toEqual([
      `ATB PROJECT_ROLE RULE:${roleRule} EAST 2000000.00 III`,
      `ATB DELEGATION RULE:${s.rules.director}>DELEGATION:${s.delegation} EAST-1 5000000.00 III`,
      `ATC DELEGATION RULE:${s.rules.director}>DELEGATION:${s.delegation} EAST-1 5000000.00 III`,
    ]);
    expect(found[1]).toMatchObject({
      validFrom: new Date(e.fixture.now.getTime() - 30 * DAY).toISOString(),
      validTo: null,
      quorumRequired: false,
      chain: {
        links: [
          { kind: 'RULE', holderPersonId: String(s.people.leader), delegatorId: null },
          { kind: 'DELEGATION', holderPersonId: String(s.people.east1), delegatorId: String(s.people.leader) },
        ],
      },
    });
  });

  test('a LEADER asks only about people they may see; bad arguments are named', async () => {
    const leader = e.tokens.leader;
    expect((await ask(s.people.east1, {}, leader)).body.errors).toBeUndefined();
    for (const person of [s.people.west1, s.people.boss, 99999]) {
      const res = await ask(person, {}, leader);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const missing = await ask(99999);
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const future = await ask(s.people.east1, { asKnownAt: new Date(Date.now() + DAY).toISOString() });
    expect(future.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: { asKnownAt: expect.any(String) },
    });
  });

  test('revoked: as of a past moment the delegation still shows, now it does not', async () => {
    const revoked = await e.gql(
      'mutation($id: ID!) { revokeDelegation(id: $id, reason: "East office merged") { id revokedAt } }',
      { id: String(s.delegation) },
      { token: e.tokens.admin },
    );
    expect(revoked.body.errors).toBeUndefined();
    const delegated = (found: Right[]) => found.filter((r) => r.via === 'DELEGATION').map((r) => r.decisionPoint);
    expect(delegated(await rights(s.people.east1))).toEqual([]);
    // Six hours ago (the director has held the position since yesterday, the delegation runs from 30 days ago).
    const before = new Date(Date.now() - 6 * 3_600_000).toISOString();
    expect(delegated(await rights(s.people.east1, { at: before }))).toEqual(['ATB', 'ATC']);
    // Before the delegation started, nothing either.
    const earlier = new Date(e.fixture.now.getTime() - 40 * DAY).toISOString();
    expect(delegated(await rights(s.people.east1, { at: earlier }))).toEqual([]);
  });
});
