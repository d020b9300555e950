// An authority scenario on top of the platform fixture: a director's rule and a delegation from it, a grade I
// decision body with two fixed seats, a pool-approval rule, projects with teams (the small one with ATI and ATB
// approved), and users for the seat holders.
import { DataSource } from 'typeorm';
import { hashPassword } from '../../src/platform/passwords';
import { Person } from '../../src/modules/person/person.entity';
import { PositionAssignment } from '../../src/modules/position-assignment/position-assignment.entity';
import { AuthorityRule } from '../../src/modules/authority-rule/authority-rule.entity';
import { DecisionBody, DecisionBodySeat } from '../../src/modules/decision-body/decision-body.entity';
import { Delegation } from '../../src/modules/delegation/delegation.entity';
import { Project } from '../../src/modules/project/project.entity';
import { TeamAppointment } from '../../src/modules/team-appointment/team-appointment.entity';
import { User } from '../../src/modules/user/user.entity';
import type { TestEnv } from '../support/databases';

export interface Scenario {
  people: { leader: number; east1: number; west1: number; boss: number; outsider: number };
  rules: { director: number; body: number; pool: number };
  delegation: number;
  body: number;
  projects: { small: number; gradeI: number; withLeader: number };
  tokens: { boss: string; leader: string; admin: string };
  /** A year ago: before everything else. */
  start: Date;
}

const DAY = 86_400_000;

export async function seedScenario(env: TestEnv): Promise<Scenario> {
  const ds: DataSource = env.dataSource;
  // The rows go in as one transaction: one commit instead of one per row (MariaDB writes its log at each commit).
  const runner = ds.createQueryRunner();
  await runner.startTransaction();
  const em = runner.manager;
  const { units, people } = env.fixture;
  const now = env.fixture.now;
  const start = new Date(now.getTime() - 365 * DAY);
  const stamp = { version: 1, createdAt: now, updatedAt: now };
  const insert = async (entity: Parameters<typeof em.insert>[0], values: Record<string, unknown>) =>
    Number((await em.insert(entity, { ...stamp, ...values } as never)).identifiers[0]?.id);

  const person = (employeeNo: string, name: string, orgUnitId: number) =>
    insert(Person, { employeeNo, name, orgUnitId, email: null, phone: null, hiredAt: null, archivedAt: null });
  const boss = await person('H0001', 'Zhang Wei', units.hq);
  const outsider = await person('H0002', 'Olga Outside', units.hq);
  // Seat holders: the BU president at HQ; the fixture's leader is the East business-department director.
  await insert(PositionAssignment, {
    personId: boss,
    title: 'BU_PRESIDENT',
    orgUnitId: units.hq,
    validFrom: start,
    validTo: null,
  });

  const director = await insert(AuthorityRule, {
    name: 'East director: initiation, bids and contracts',
    holderKind: 'POSITION',
    holderTitle: 'BUSINESS_DEPT_DIRECTOR',
    holderOrgUnitId: units.east,
    decisionBodyId: null,
    holderRole: null,
    decisionPoints: ['ATI', 'ATB', 'ATC'],
    grades: ['II', 'III'],
    scopeOrgUnitId: units.east,
    limitMinor: 1_000_000_000n,
    currency: 'CNY',
    validFrom: start,
    validTo: null,
    delegableDepth: 2,
  });
  const body = await insert(DecisionBody, {
    name: 'Grade I decision team',
    quorum: 'ALL_FIXED',
    grade: 'I',
    orgUnitId: units.hq,
  });
  await insert(DecisionBodySeat, {
    decisionBodyId: body,
    title: 'BU_PRESIDENT',
    alternativeTitles: [],
    fixed: true,
    sortOrder: 1,
  });
  await insert(DecisionBodySeat, {
    decisionBodyId: body,
    title: 'BUSINESS_DEPT_DIRECTOR',
    alternativeTitles: ['CHIEF_ENGINEER'],
    fixed: true,
    sortOrder: 2,
  });
  const bodyRule = await insert(AuthorityRule, {
    name: 'Grade I initiation by the grade I team',
    holderKind: 'DECISION_BODY',
    holderTitle: null,
    holderOrgUnitId: null,
    decisionBodyId: body,
    holderRole: null,
    decisionPoints: ['ATI'],
    grades: ['I'],
    scopeOrgUnitId: units.hq,
    limitMinor: null,
    currency: 'CNY',
    validFrom: start,
    validTo: null,
    delegableDepth: 0,
  });
  const poolRule = await insert(AuthorityRule, {
    name: 'BU president approves pools up to 1M',
    holderKind: 'POSITION',
    holderTitle: 'BU_PRESIDENT',
    holderOrgUnitId: units.hq,
    decisionBodyId: null,
    holderRole: null,
    decisionPoints: ['POOL_APPROVAL'],
    grades: ['I', 'II', 'III'],
    scopeOrgUnitId: units.hq,
    limitMinor: 100_000_000n,
    currency: 'CNY',
    validFrom: start,
    validTo: null,
    delegableDepth: 0,
  });
  // Delegation from the director to Eddie: bids and contracts on grade III in the East office, up to 5M, from 30 days
  // ago.
  const delegation = await insert(Delegation, {
    sourceRuleId: director,
    sourceDelegationId: null,
    delegatorId: people.leader,
    delegateId: people.east1,
    decisionPoints: ['ATB', 'ATC'],
    grades: ['III'],
    scopeOrgUnitId: units.eastOffice,
    limitMinor: 500_000_000n,
    currency: 'CNY',
    validFrom: new Date(now.getTime() - 30 * DAY),
    validTo: null,
    redelegableDepth: 1,
    requiredRole: null,
    requiredLevel: null,
    reason: 'East office runs its own grade III bids.',
    revokedAt: null,
    revokeReason: null,
  });

  const project = (name: string, grade: string, amountMinor: bigint, externalRef: string) =>
    insert(Project, {
      externalRef,
      name,
      customerId: null,
      orgUnitId: units.eastOffice,
      stage: 'OPPORTUNITY',
      amountMinor,
      currency: 'CNY',
      grade,
      gradeReasons: ['NO_CRITERION'],
      gradeCriteria: {},
      gradeJustification: null,
    });
  const small = await project('Small office upgrade', 'III', 400_000_000n, 'T-SMALL');
  const gradeI = await project('National backbone', 'I', 9_000_000_000n, 'T-GRADE-I');
  const withLeader = await project('Leader on the team', 'III', 100_000_000n, 'T-LEADER');
  await insert(TeamAppointment, {
    projectId: withLeader,
    personId: people.leader,
    role: 'AR',
    stage: null,
    validFrom: start,
    validTo: null,
    qualificationLevel: null,
    exceptionReason: null,
    staffingCheck: null,
  });
  await insert(TeamAppointment, {
    projectId: small,
    personId: people.west1,
    role: 'AR',
    stage: null,
    validFrom: start,
    validTo: null,
    qualificationLevel: null,
    exceptionReason: null,
    staffingCheck: null,
  });

  const hash = await hashPassword(env.fixture.password, 1024);
  await insert(User, {
    email: 'boss@test.local',
    passwordHash: hash,
    role: 'LEADER',
    personId: boss,
    lastLoginAt: null,
    archivedAt: null,
  });
  await runner.commitTransaction();
  await runner.release();
  const login = await env.gql<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: 'boss@test.local', p: env.fixture.password },
  );
  const bossToken = login.body.data?.login.token;
  if (!bossToken) throw new Error(`boss login failed: ${JSON.stringify(login.body)}`);

  // The small project is at OPPORTUNITY: the East director approved its initiation and its bid (the LTC sequence
  // then allows ATC on it).
  for (const point of ['ATI', 'ATB']) {
    const recorded = await env.gql(
      'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }',
      {
        input: {
          projectId: String(small),
          decisionPoint: point,
          outcome: 'APPROVED',
          deciderId: String(people.leader),
          idempotencyKey: `scenario-${point}`,
        },
      },
      { token: env.tokens.admin },
    );
    if (recorded.body.errors) throw new Error(`scenario ${point}: ${JSON.stringify(recorded.body.errors)}`);
  }

  return {
    people: { leader: people.leader, east1: people.east1, west1: people.west1, boss, outsider },
    rules: { director, body: bodyRule, pool: poolRule },
    delegation,
    body,
    projects: { small, gradeI, withLeader },
    tokens: { boss: bossToken, leader: env.tokens.leader, admin: env.tokens.admin },
    start,
  };
}

/**
 * A project pool on the small project with three metrics and three members (Eddie AR, Wanda SR, Olga FR), as a draft.
 */
export async function createPool(env: TestEnv, s: Scenario): Promise<string> {
  const year = env.fixture.now.getUTCFullYear();
  const created = await env.gql<{ createIncentivePool: { id: string } }>(
    `mutation($project: ID!, $unit: ID!, $from: DateTime!, $to: DateTime!) {
      createIncentivePool(name: "Small office team", currency: "CNY", teamKind: "PROJECT", projectId: $project,
      orgUnitId: $unit, periodFrom: $from, periodTo: $to, baseAmount: "300000.00") { id } }`,
    {
      project: String(s.projects.small),
      unit: String(env.fixture.units.eastOffice),
      from: `${year}-01-01T00:00:00Z`,
      to: `${year + 1}-01-01T00:00:00Z`,
    },
    { token: s.tokens.admin },
  );
  if (created.body.errors) throw new Error(JSON.stringify(created.body.errors));
  const poolId = created.body.data!.createIncentivePool.id;
  for (const [metric, target, actual, weight] of [
    ['ORDERS', '10000000.00', '12000000.00', '0.4'],
    ['REVENUE', '8000000.00', '8000000.00', '0.3'],
    ['CASH', '6000000.00', '5400000.00', '0.3'],
  ] as const) {
    const m = await env.gql(
      'mutation($p: ID!, $m: PoolMetricKind!, $t: Money!, $a: Money!, $w: String!) { ' +
        'createPoolMetric(poolId: $p, metric: $m, target: $t, actual: $a, weight: $w) { id } }',
      { p: poolId, m: metric, t: target, a: actual, w: weight },
      { token: s.tokens.admin },
    );
    if (m.body.errors) throw new Error(JSON.stringify(m.body.errors));
  }
  for (const [person, role, weight] of [
    [s.people.east1, 'AR', '40'],
    [s.people.west1, 'SR', '30'],
    [s.people.outsider, 'FR', '30'],
  ] as const) {
    const m = await env.gql(
      'mutation($p: ID!, $who: ID!, $r: TriangleRole!, $w: String!) { createPoolMember(poolId: $p, ' +
        'personId: $who, role: $r, weight: $w, coefficient: "1.0", participation: "1") { id } }',
      { p: poolId, who: String(person), r: role, w: weight },
      { token: s.tokens.admin },
    );
    if (m.body.errors) throw new Error(JSON.stringify(m.body.errors));
  }
  return poolId;
}
