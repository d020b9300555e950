// `dashboard(at)`: the dashboard's figures in one request, each one statement, computed on a small known state at a
// fixed moment; a LEADER's figures cover their subtree (EAST and EAST-1) only.
import { describeOnDatabases, TestEnv } from './support/databases';
import { Assessment } from '../src/modules/assessment/assessment.entity';
import { Decision } from '../src/modules/decision/decision.entity';
import { Delegation } from '../src/modules/delegation/delegation.entity';
import { IncentivePool } from '../src/modules/incentive-pool/incentive-pool.entity';
import { Person } from '../src/modules/person/person.entity';
import { Project } from '../src/modules/project/project.entity';
import { QualificationFramework } from '../src/modules/qualification/qualification.entity';
import { RoleModel, RoleModelVersion } from '../src/modules/role-model/role-model.entity';
import { TeamAppointment } from '../src/modules/team-appointment/team-appointment.entity';
import { weekStartOf, weekStarts } from '../src/modules/dashboard';

const DAY = 86_400_000;
/** A Wednesday; its week starts on Monday 2026-03-09 00:00 UTC. */
const AT = new Date('2026-03-11T12:00:00.000Z');
const at = (days: number) => new Date(AT.getTime() + days * DAY);

const FIGURES = `query($at: DateTime) { dashboard(at: $at) {
  at
  qualificationLevels { role level people }
  triangleCoverage { grade projects complete missing }
  poolsByStatus { status currency pools amount }
  decisionsByWeek { weekStart weekEnd decisions byPoint { decisionPoint decisions } }
  expiringCertifications { id role levelReached validUntil person { name } }
  endingDelegations { id validTo reason }
  poolsAwaitingApproval { name fundedAmount currency }
  decisionsThisWeek { decisionPoint decidedAt project { name } }
} }`;

interface Week {
  weekStart: string;
  weekEnd: string;
  decisions: number;
  byPoint: Array<{ decisionPoint: string; decisions: number }>;
}
interface Figures {
  at: string;
  qualificationLevels: Array<{ role: string; level: number; people: number }>;
  triangleCoverage: Array<{ grade: string; projects: number; complete: number; missing: number }>;
  poolsByStatus: Array<{ status: string; currency: string; pools: number; amount: string }>;
  decisionsByWeek: Week[];
  expiringCertifications: Array<{ role: string; levelReached: number; validUntil: string; person: { name: string } }>;
  endingDelegations: Array<{ validTo: string; reason: string }>;
  poolsAwaitingApproval: Array<{ name: string; fundedAmount: string; currency: string }>;
  decisionsThisWeek: Array<{ decisionPoint: string; decidedAt: string; project: { name: string } }>;
}

async function seed(e: TestEnv): Promise<void> {
  const em = e.dataSource.manager;
  const { units, people } = e.fixture;
  const now = new Date();
  const stamp = { version: 1, createdAt: now, updatedAt: now };
  const id = (r: { identifiers: Array<Record<string, unknown>> }) => Number(r.identifiers[0]!.id);
  const archived = id(
    await em.insert(Person, {
      employeeNo: 'E0003',
      name: 'Archie Archived',
      orgUnitId: units.eastOffice,
      email: null,
      phone: null,
      hiredAt: null,
      archivedAt: at(-30),
      ...stamp,
    }),
  );
  const model = id(await em.insert(RoleModel, { role: 'AR', name: 'AR', nameZh: 'AR', description: null, ...stamp }));
  const version = id(
    await em.insert(RoleModelVersion, {
      roleModelId: model,
      versionNo: 1,
      status: 'PUBLISHED',
      publishedAt: at(-400),
      notes: null,
      ...stamp,
    }),
  );
  const framework = id(
    await em.insert(QualificationFramework, {
      role: 'AR',
      roleModelVersionId: version,
      name: 'Framework',
      validityMonths: 24,
      status: 'ACTIVE',
      managerMayCertify: false,
      ...stamp,
    }),
  );
  const assessment = async (
    personId: number,
    role: string,
    level: number | null,
    assessedAt: Date,
    validUntil: Date | null,
    certifies = true,
  ) =>
    em.insert(Assessment, {
      personId,
      role,
      frameworkId: framework,
      roleModelVersionId: version,
      kind: certifies ? 'PANEL' : 'SELF',
      assessorId: null,
      assessedAt,
      inRoleSince: null,
      completedProjects: 0,
      performance: null,
      tenureMonths: null,
      certifies,
      levelReached: level,
      validUntil,
      gap: null,
      evaluation: null,
      comment: null,
      ...stamp,
    });
  // Eddie (EAST-1): AR level 2, replaced by a later level 3 that ends in 20 days; SR level 1.
  await assessment(people.east1, 'AR', 2, at(-300), at(400));
  await assessment(people.east1, 'AR', 3, at(-10), at(20));
  await assessment(people.east1, 'SR', 1, at(-5), at(500));
  // Eddie's FR: level 2, then a later certifying assessment reaching no level (it decides: none held).
  await assessment(people.east1, 'FR', 2, at(-100), at(400));
  await assessment(people.east1, 'FR', null, at(-1), at(400));
  // Lena (EAST): AR level 3 without end; a self-assessment (never certifies) at FR level 2.
  await assessment(people.leader, 'AR', 3, at(-50), null);
  await assessment(people.leader, 'FR', 2, at(-3), at(100), false);
  // Wanda (WEST-1): AR level 2; SR level 4 assessed after the moment; FR level 1 expired the day before.
  await assessment(people.west1, 'AR', 2, at(-20), at(25));
  await assessment(people.west1, 'SR', 4, at(5), at(600));
  await assessment(people.west1, 'FR', 1, at(-700), at(-1));
  // An archived person's certification is not counted.
  await assessment(archived, 'AR', 1, at(-10), at(10));

  const project = async (name: string, orgUnitId: number, grade: string, stage: string) =>
    id(
      await em.insert(Project, {
        externalRef: `DASH-${name}`,
        name,
        customerId: null,
        orgUnitId,
        stage,
        amountMinor: 100n,
        currency: 'CNY',
        grade,
        gradeReasons: ['NO_CRITERION'],
        gradeCriteria: null,
        gradeJustification: null,
        ...stamp,
      }),
    );
  const appoint = (projectId: number, personId: number, role: string, from: Date, to: Date | null = null) =>
    em.insert(TeamAppointment, {
      projectId,
      personId,
      role,
      stage: null,
      validFrom: from,
      validTo: to,
      qualificationLevel: null,
      exceptionReason: null,
      staffingCheck: null,
      ...stamp,
    });
  const p1 = await project('East full', units.east, 'I', 'LEAD');
  const p2 = await project('East no FR', units.east, 'I', 'OPPORTUNITY');
  const p3 = await project('West full', units.west, 'II', 'LEAD');
  const p4 = await project('East closed', units.east, 'III', 'CLOSED');
  const p5 = await project('East office FR later', units.eastOffice, 'II', 'CONTRACT_EXECUTION');
  for (const p of [p1, p3, p4]) {
    await appoint(p, people.east1, 'AR', at(-30));
    await appoint(p, people.leader, 'SR', at(-30));
    await appoint(p, people.east1, 'FR', at(-30));
  }
  // Two appointments in one role count once; the FR ended the day before.
  await appoint(p2, people.east1, 'AR', at(-30));
  await appoint(p2, people.leader, 'AR', at(-30));
  await appoint(p2, people.leader, 'SR', at(-30));
  await appoint(p2, people.west1, 'FR', at(-30), at(-1));
  // The FR starts the day after; a sponsor is no triangle role.
  await appoint(p5, people.east1, 'AR', at(-30));
  await appoint(p5, people.leader, 'SR', at(-30));
  await appoint(p5, people.west1, 'FR', at(1));
  await appoint(p5, people.west1, 'SPONSOR', at(-30));

  const pool = (name: string, orgUnitId: number, status: string, currency: string, base: bigint, funded?: bigint) =>
    em.insert(IncentivePool, {
      name,
      status,
      currency,
      teamKind: 'SYSTEM_DEPT',
      projectId: null,
      orgUnitId,
      periodFrom: at(-90),
      periodTo: at(90),
      baseAmountMinor: base,
      fundedAmountMinor: funded ?? null,
      fundingTrace: null,
      allocationTrace: null,
      ...stamp,
    });
  await pool('East draft', units.east, 'DRAFT', 'CNY', 100_000n);
  // Above 2^53: the sum stays exact.
  await pool('East big draft', units.east, 'DRAFT', 'CNY', 9_007_199_254_740_993n);
  await pool('East office allocated', units.eastOffice, 'ALLOCATED', 'CNY', 500n, 700n);
  await pool('West allocated', units.west, 'ALLOCATED', 'CNY', 800n, 1_000n);
  await pool('East funded', units.east, 'FUNDED', 'USD', 10n, 20n);

  let key = 0;
  const decide = (projectId: number, decisionPoint: string, decidedAt: string) =>
    em.insert(Decision, {
      projectId,
      decisionPoint,
      outcome: 'APPROVED',
      deciderId: people.leader,
      decidedAt: new Date(decidedAt),
      chain: { links: [] } as never,
      complete: true,
      comment: null,
      amountMinor: 100n,
      currency: 'CNY',
      grade: 'I',
      idempotencyKey: `dash-${key++}`,
      ...stamp,
    });
  await decide(p1, 'ATI', '2026-03-09T00:00:00.000Z'); // the week's first instant
  await decide(p1, 'ATB', '2026-03-11T11:00:00.000Z');
  await decide(p1, 'ATC', '2026-03-11T13:00:00.000Z'); // after the moment
  await decide(p2, 'ATI', '2026-03-08T23:59:59.999Z'); // the week before
  await decide(p3, 'ATI', '2026-03-10T09:00:00.000Z');
  await decide(p2, 'ATB', '2025-12-21T23:00:00.000Z'); // before the twelve weeks
  await decide(p2, 'ATB', '2025-12-22T00:00:00.000Z'); // the first of the twelve weeks

  const delegation = (reason: string, scopeOrgUnitId: number, validTo: Date, revokedAt: Date | null = null) =>
    em.insert(Delegation, {
      sourceRuleId: null,
      sourceDelegationId: null,
      delegatorId: people.leader,
      delegateId: people.east1,
      redelegableDepth: 0,
      requiredRole: null,
      requiredLevel: null,
      reason,
      revokedAt,
      revokeReason: null,
      decisionPoints: ['ATI'],
      grades: ['I'],
      scopeOrgUnitId,
      limitMinor: null,
      currency: 'CNY',
      validFrom: at(-10),
      validTo,
      ...stamp,
    });
  await delegation('East ends in 5 days', units.east, at(5));
  await delegation('East office ends in 13 days', units.eastOffice, at(13));
  await delegation('East ends in 20 days', units.east, at(20));
  await delegation('East revoked', units.east, at(5), at(-1));
  await delegation('West ends in 2 days', units.west, at(2));
}

describeOnDatabases('dashboard: every figure in one request, within the caller’s scope', (env) => {
  beforeAll(async () => seed(env()));

  async function figures(token: string, variables: Record<string, unknown> = { at: AT.toISOString() }) {
    const res = await env().gql<{ dashboard: Figures }>(FIGURES, variables, { token });
    expect(res.body.errors).toBeUndefined();
    return { figures: res.body.data!.dashboard, statements: Number(res.headers.get('x-sql-statements')) };
  }

  const weeks = (counts: Record<number, Record<string, number>>) =>
    weekStarts(AT, 12).map((start, i) => {
      const byPoint = Object.entries(counts[i] ?? {}).map(([decisionPoint, decisions]) => ({
        decisionPoint,
        decisions,
      }));
      return {
        weekStart: start.toISOString(),
        weekEnd: new Date(start.getTime() + 7 * DAY).toISOString(),
        decisions: byPoint.reduce((n, p) => n + p.decisions, 0),
        byPoint,
      };
    });

  test('weeks start on Monday 00:00 UTC', () => {
    expect(weekStartOf(AT).toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(weekStartOf(new Date('2026-03-09T00:00:00.000Z')).toISOString()).toBe('2026-03-09T00:00:00.000Z');
    expect(weekStartOf(new Date('2026-03-08T23:59:59.999Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(weekStarts(AT, 12)[0]!.toISOString()).toBe('2025-12-22T00:00:00.000Z');
  });

  test('an administrator sees the whole company', async () => {
    const { figures: f } = await figures(env().tokens.admin);
    expect(f.at).toBe(AT.toISOString());
    expect(f.qualificationLevels).toEqual([
      { role: 'AR', level: 2, people: 1 },
      { role: 'AR', level: 3, people: 2 },
      { role: 'SR', level: 1, people: 1 },
    ]);
    expect(f.triangleCoverage).toEqual([
      { grade: 'I', projects: 2, complete: 1, missing: 1 },
      { grade: 'II', projects: 2, complete: 1, missing: 1 },
    ]);
    expect(f.poolsByStatus).toEqual(
      expect.arrayContaining([
        { status: 'DRAFT', currency: 'CNY', pools: 2, amount: '90071992548409.93' },
        { status: 'ALLOCATED', currency: 'CNY', pools: 2, amount: '17.00' },
        { status: 'FUNDED', currency: 'USD', pools: 1, amount: '0.20' },
      ]),
    );
    expect(f.poolsByStatus).toHaveLength(3);
    expect(f.decisionsByWeek).toEqual(weeks({ 0: { ATB: 1 }, 10: { ATI: 1 }, 11: { ATB: 1, ATI: 2 } }));
    expect(f.expiringCertifications.map((a) => [a.person.name, a.role, a.levelReached])).toEqual([
      ['Eddie East', 'AR', 3],
      ['Wanda West', 'AR', 2],
    ]);
    expect(f.endingDelegations.map((d) => d.reason)).toEqual([
      'West ends in 2 days',
      'East ends in 5 days',
      'East office ends in 13 days',
    ]);
    expect(f.poolsAwaitingApproval.map((p) => [p.name, p.fundedAmount])).toEqual([
      ['East office allocated', '7.00'],
      ['West allocated', '10.00'],
    ]);
    expect(f.decisionsThisWeek.map((d) => [d.decisionPoint, d.project.name])).toEqual([
      ['ATB', 'East full'],
      ['ATI', 'West full'],
      ['ATI', 'East full'],
    ]);
  });

  test('a LEADER sees their subtree only', async () => {
    const { figures: f } = await figures(env().tokens.leader);
    expect(f.qualificationLevels).toEqual([
      { role: 'AR', level: 3, people: 2 },
      { role: 'SR', level: 1, people: 1 },
    ]);
    expect(f.triangleCoverage).toEqual([
      { grade: 'I', projects: 2, complete: 1, missing: 1 },
      { grade: 'II', projects: 1, complete: 0, missing: 1 },
    ]);
    expect(f.poolsByStatus).toEqual(
      expect.arrayContaining([
        { status: 'DRAFT', currency: 'CNY', pools: 2, amount: '90071992548409.93' },
        { status: 'ALLOCATED', currency: 'CNY', pools: 1, amount: '7.00' },
        { status: 'FUNDED', currency: 'USD', pools: 1, amount: '0.20' },
      ]),
    );
    expect(f.poolsByStatus).toHaveLength(3);
    expect(f.decisionsByWeek).toEqual(weeks({ 0: { ATB: 1 }, 10: { ATI: 1 }, 11: { ATB: 1, ATI: 1 } }));
    expect(f.expiringCertifications.map((a) => a.person.name)).toEqual(['Eddie East']);
    expect(f.endingDelegations.map((d) => d.reason)).toEqual(['East ends in 5 days', 'East office ends in 13 days']);
    expect(f.poolsAwaitingApproval.map((p) => p.name)).toEqual(['East office allocated']);
    expect(f.decisionsThisWeek.map((d) => [d.decisionPoint, d.project.name])).toEqual([
      ['ATB', 'East full'],
      ['ATI', 'East full'],
    ]);
  });

  test('the whole dashboard costs a handful of statements, not one per record', async () => {
    const { tokens } = env();
    for (const token of [tokens.admin, tokens.leader]) {
      await figures(token);
      const { statements } = await figures(token);
      // The session's, one per figure and card (8), and the nested people and projects (one batch each).
      expect(statements).toBe(11);
    }
  });

  test('a bar links to a list: assessments filter by role, level reached and certifying', async () => {
    const res = await env().gql<{
      allAssessments: Array<{ role: string; levelReached: number; person: { name: string } }>;
    }>(
      `{ allAssessments(filter: { role: [AR], levelReached: [3], certifies: true }, sortField: "id") {
        role levelReached person { name } } }`,
      {},
      { token: env().tokens.admin },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.allAssessments.map((a) => a.person.name)).toEqual(['Eddie East', 'Lena Leader']);
    const self = await env().gql<{ allAssessments: Array<{ kind: string }> }>(
      '{ allAssessments(filter: { levelReached: [2], certifies: false }) { kind } }',
      {},
      { token: env().tokens.admin },
    );
    expect(self.body.data!.allAssessments).toEqual([{ kind: 'SELF' }]);
  });

  test('every role may read it; the moment defaults to now', async () => {
    const { figures: f } = await figures(env().tokens.viewer, {});
    expect(Math.abs(new Date(f.at).getTime() - Date.now())).toBeLessThan(60_000);
    expect(f.decisionsByWeek).toHaveLength(12);
  });

  test('a window of days out of range is refused with BAD_USER_INPUT', async () => {
    const res = await env().gql(
      `{ dashboard { expiringCertifications(days: 0) { id } } }`,
      {},
      {
        token: env().tokens.admin,
      },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/days/);
  });

  test('without signing in: UNAUTHENTICATED', async () => {
    const res = await env().gql(`{ dashboard { qualificationLevels { role } } }`, {}, { token: null });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
