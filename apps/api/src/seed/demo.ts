// Demo data for `npm start`: a small company, seeded through the same operations the API uses
// (so grades, staffing checks and assessment results are computed by the domain). Times are relative to `now`.
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '@iron-triangle/config';
import {
  addMonthsUtc,
  DEFAULT_DECISION_BODIES,
  DEFAULT_QUALIFICATION_FRAMEWORKS,
  DEFAULT_ROLE_MODELS,
  DEFAULT_STAFFING_RULES,
} from '@iron-triangle/domain';
import { Database } from '../platform/db';
import type { Context } from '../platform/context';
import { systemContext } from '../platform/context-factory';
import { CONTEXT_SOURCES } from '../composition';
import { crudOperations } from '../platform/crud';
import { createLogger } from '../platform/logger';
import { LoginThrottle } from '../platform/throttle';
import { hashPassword } from '../platform/passwords';
import { OrgUnit } from '../modules/org-unit/org-unit.entity';
import { User } from '../modules/user/user.entity';
import { orgUnitSpec } from '../modules/org-unit/org-unit.resolver';
import { personSpec } from '../modules/person/person.resolver';
import { positionAssignmentSpec } from '../modules/position-assignment/position-assignment.resolver';
import { customerSpec } from '../modules/customer/customer.resolver';
import { projectSpec } from '../modules/project/project.resolver';
import { teamAppointmentSpec } from '../modules/team-appointment/team-appointment.resolver';
import { roleModelDimensionSpec, roleModelSpec, roleModelVersionSpec } from '../modules/role-model/role-model.resolver';
import { frameworkSpec, levelSpec, requirementSpec } from '../modules/qualification/qualification.resolver';
import { assessmentSpec } from '../modules/assessment/assessment.resolver';
import { staffingRuleSpec } from '../modules/staffing-rule/staffing-rule.resolver';
import { authorityRuleSpec } from '../modules/authority-rule/authority-rule.resolver';
import { decisionBodySpec } from '../modules/decision-body/decision-body.resolver';
import { delegationSpec } from '../modules/delegation/delegation.resolver';
import { poolMemberSpec, poolMetricSpec, poolSpec } from '../modules/incentive-pool/incentive-pool.resolver';

export const DEMO_PASSWORD = 'demo';
export const DEMO_USERS = [
  { email: 'admin@demo.local', role: 'ADMIN' },
  { email: 'hr@demo.local', role: 'HR' },
  { email: 'leader@demo.local', role: 'LEADER' },
  { email: 'viewer@demo.local', role: 'VIEWER' },
] as const;

const DAY = 86_400_000;

const SURNAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Xu',
  'Sun',
  'Ma',
  'Zhu',
  'Hu',
  'Guo',
  'He',
  'Lin',
  'Gao',
  'Luo',
];
const GIVEN = [
  'Wei',
  'Fang',
  'Min',
  'Jing',
  'Lei',
  'Qiang',
  'Yan',
  'Jun',
  'Tao',
  'Hui',
  'Xin',
  'Bo',
  'Ning',
  'Hao',
  'Yu',
  'Lan',
  'Peng',
  'Ting',
  'Kai',
  'Rui',
];

/** Seeds the demo company when the database has no org units; returns counts, or null when it had data. */
export async function seedDemo(
  dataSource: DataSource,
  now: Date,
  config?: RuntimeConfig,
): Promise<Record<string, number> | null> {
  if ((await dataSource.manager.count(OrgUnit)) > 0) return null;
  const db = new Database(dataSource);
  const stamp = { version: 1, createdAt: now, updatedAt: now };
  const hash = await hashPassword(DEMO_PASSWORD);
  const userIds: Record<string, number> = {};
  for (const u of DEMO_USERS) {
    const inserted = await dataSource.manager.insert(User, {
      email: u.email,
      passwordHash: hash,
      role: u.role,
      personId: null,
      lastLoginAt: null,
      archivedAt: null,
      ...stamp,
    });
    userIds[u.role] = Number(inserted.identifiers[0]?.id);
  }
  const ctx: Context = systemContext(
    db,
    config ?? ({ tokenSecret: 'seed', tokenTtlSeconds: 60 } as RuntimeConfig),
    { loginThrottle: new LoginThrottle(), logger: createLogger('silent') },
    now,
    {
      userId: userIds.ADMIN as number,
      email: 'admin@demo.local',
    },
    CONTEXT_SOURCES,
  );
  const counts: Record<string, number> = {};
  const make = async <T extends { id: number }>(
    spec: Parameters<typeof crudOperations>[0],
    args: Record<string, unknown>,
  ): Promise<T> => {
    counts[spec.name] = (counts[spec.name] ?? 0) + 1;
    return (await crudOperations(spec).create(ctx, args)) as unknown as T;
  };
  const id = (x: { id: number }) => String(x.id);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  // Organisation: HQ → 2 regions → 4 representative offices → system departments.
  const unit = (name: string, code: string, kind: string, parent?: { id: number }) =>
    make<OrgUnit>(orgUnitSpec as never, { name, code, kind, parentId: parent ? id(parent) : null });
  const hq = await unit('Headquarters', 'HQ', 'HQ');
  const east = await unit('East China Region', 'R-EAST', 'REGION', hq);
  const south = await unit('South China Region', 'R-SOUTH', 'REGION', hq);
  const shanghai = await unit('Shanghai Representative Office', 'O-SHA', 'REP_OFFICE', east);
  const hangzhou = await unit('Hangzhou Representative Office', 'O-HGH', 'REP_OFFICE', east);
  const guangzhou = await unit('Guangzhou Representative Office', 'O-CAN', 'REP_OFFICE', south);
  const shenzhen = await unit('Shenzhen Representative Office', 'O-SZX', 'REP_OFFICE', south);
  const telecom = await unit('Telecom Key-Account System Dept', 'SD-TEL', 'SYSTEM_DEPT', shanghai);
  const finance = await unit('Finance Key-Account System Dept', 'SD-FIN', 'SYSTEM_DEPT', guangzhou);
  const energy = await unit('Energy Key-Account System Dept', 'SD-ENE', 'SYSTEM_DEPT', shenzhen);
  const offices = [shanghai, hangzhou, guangzhou, shenzhen, telecom, finance, energy];

  // People: 40, with positions (the titles of the default decision teams among them).
  const people: Array<{ id: number; name: string; orgUnitId: number }> = [];
  for (let i = 0; i < 40; i++) {
    const orgUnit = i < 2 ? hq : i < 6 ? (i % 2 === 0 ? east : south) : (offices[i % offices.length] as OrgUnit);
    const name = `${SURNAMES[i % SURNAMES.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
    const person = await make<{ id: number; name: string; orgUnitId: number }>(personSpec as never, {
      employeeNo: `E${String(1001 + i)}`,
      name,
      email: `${name.toLowerCase().replace(' ', '.')}${i}@demo.local`,
      orgUnitId: id(orgUnit),
      hiredAt: ago(400 + i * 97),
    });
    people.push(person);
  }
  const person = (i: number) => people[i] as { id: number; name: string; orgUnitId: number };
  const position = (i: number, title: string, where: { id: number }) =>
    make(positionAssignmentSpec as never, {
      personId: id(person(i)),
      title,
      orgUnitId: id(where),
      validFrom: ago(700),
    });
  await position(0, 'BU_PRESIDENT', hq);
  await position(1, 'FINANCE_MANAGER', hq);
  await position(2, 'BUSINESS_DEPT_DIRECTOR', east);
  await position(3, 'BUSINESS_DEPT_DIRECTOR', south);
  await position(4, 'BUSINESS_DEPT_CHIEF_ENGINEER', east);
  await position(5, 'BUSINESS_DEPT_CHIEF_ENGINEER', south);
  await position(6, 'INDUSTRY_HEAD', shanghai);
  await position(7, 'INDUSTRY_HEAD', hangzhou);
  await position(8, 'INDUSTRY_CHIEF_ENGINEER', guangzhou);
  await position(9, 'INDUSTRY_HEAD', shenzhen);
  await position(10, 'PRODUCT_LINE_DIRECTOR', telecom);
  await position(11, 'DELIVERY_MANAGER', finance);
  await position(12, 'INDUSTRY_CHIEF_ENGINEER', shanghai);
  await position(13, 'FINANCE_MANAGER', energy);
  // The demo leader is the East region's business-department director.
  await dataSource.manager.update(User, { id: userIds.LEADER }, { personId: person(2).id });

  // Customers S / A / B.
  const customer = (name: string, code: string, tier: string, where: { id: number }, industry: string) =>
    make<{ id: number }>(customerSpec as never, { name, code, tier, orgUnitId: id(where), industry });
  const customers = [
    await customer('Eastern Telecom Group', 'C-ETG', 'S', telecom, 'Telecommunications'),
    await customer('Pearl River Bank', 'C-PRB', 'S', finance, 'Finance'),
    await customer('Hangzhou Metro', 'C-HZM', 'A', hangzhou, 'Transport'),
    await customer('Shenzhen Grid', 'C-SZG', 'A', energy, 'Energy'),
    await customer('Suzhou Logistics', 'C-SZL', 'B', shanghai, 'Logistics'),
    await customer('Foshan Manufacturing', 'C-FSM', 'B', guangzhou, 'Manufacturing'),
  ];

  // Role models (version 1, published) with their dimensions, and a qualification framework per role.
  const frameworks: Record<string, { id: number }> = {};
  for (const role of ['AR', 'SR', 'FR'] as const) {
    const model = DEFAULT_ROLE_MODELS[role];
    const rm = await make<{ id: number }>(roleModelSpec as never, {
      role,
      name: model.name.en,
      nameZh: model.name['zh-CN'],
      description: `Default ${role} role model.`,
    });
    const version = await make<{ id: number }>(roleModelVersionSpec as never, {
      roleModelId: id(rm),
      versionNo: model.version,
      status: 'PUBLISHED',
      publishedAt: ago(800),
      notes: 'Initial version.',
    });
    let order = 0;
    for (const d of model.dimensions) {
      await make(roleModelDimensionSpec as never, {
        roleModelVersionId: id(version),
        code: d.code,
        name: d.name.en,
        nameZh: d.name['zh-CN'],
        indicators: d.behaviours.map((b) => ({ code: b.code, name: { en: b.name.en, 'zh-CN': b.name['zh-CN'] } })),
        sortOrder: order++,
      });
    }
    const standard = DEFAULT_QUALIFICATION_FRAMEWORKS[role];
    const fw = await make<{ id: number }>(frameworkSpec as never, {
      role,
      roleModelVersionId: id(version),
      name: standard.name.en,
      validityMonths: standard.validityMonths,
      status: 'ACTIVE',
      managerMayCertify: standard.managerMayCertify,
    });
    frameworks[role] = fw;
    for (const level of standard.levels) {
      const l = await make<{ id: number }>(levelSpec as never, {
        frameworkId: id(fw),
        level: level.level,
        name: level.name.en,
        nameZh: level.name['zh-CN'],
        minTenureMonths: level.minTenureMonths,
        minProjects: level.minProjects,
        gateMinimumRating: level.gate?.minimumRating ?? null,
        gatePeriods: level.gate?.periods ?? null,
      });
      for (const [dimensionCode, minProficiency] of Object.entries(level.minProficiency)) {
        await make(requirementSpec as never, { levelId: id(l), dimensionCode, minProficiency });
      }
    }
  }

  // Assessments (panel): levels 1..4; a few made 23 months ago, so they expire within a month.
  const before = (at: Date, days: number) => new Date(at.getTime() - days * DAY);
  const performance = (rating: string, at: Date) => [
    { period: 'P1', endsAt: before(at, 390), rating },
    { period: 'P2', endsAt: before(at, 210), rating },
    { period: 'P3', endsAt: before(at, 30), rating },
  ];
  const assess = async (i: number, role: 'AR' | 'SR' | 'FR', level: number, assessedAt: Date) => {
    const model = DEFAULT_ROLE_MODELS[role];
    return make(assessmentSpec as never, {
      personId: id(person(i)),
      frameworkId: id(frameworks[role] as { id: number }),
      kind: 'PANEL',
      assessorId: id(person(0)),
      assessedAt,
      ratings: model.dimensions.map((d, k) => ({
        dimension: d.code,
        proficiency: Math.min(5, level + (k === 0 ? 1 : 0)),
        evidence: `Demo evidence for ${d.code}.`,
      })),
      inRoleSince: addMonthsUtc(assessedAt, -[0, 12, 36, 60, 96][level - 1]! - 2),
      completedProjects: [0, 2, 5, 10, 20][level - 1],
      performance: performance(level >= 4 ? 'A' : 'B', assessedAt),
    });
  };
  const soon = addMonthsUtc(now, -23);
  const triangles: Array<{ ar: number; sr: number; fr: number }> = [];
  for (let t = 0; t < 6; t++) {
    const base = 14 + t * 4;
    const level = t < 3 ? 3 + (t % 2) : 2;
    const when = t === 1 || t === 4 ? soon : ago(60 + t * 10);
    await assess(base, 'AR', level, when);
    await assess(base + 1, 'SR', level, when);
    await assess(base + 2, 'FR', level, ago(90));
    triangles.push({ ar: base, sr: base + 1, fr: base + 2 });
  }
  await assess(38, 'AR', 1, ago(30));
  await assess(39, 'SR', 1, ago(30));

  // Staffing rules: the defaults (AR/SR/FR need 3 on grade I, 2 on II, 1 on III).
  for (const rule of DEFAULT_STAFFING_RULES) {
    await make(staffingRuleSpec as never, {
      role: rule.role,
      grade: rule.grade,
      minLevel: rule.minimumLevel,
      orgUnitId: null,
      validFrom: ago(900),
      note: 'Company default.',
    });
  }

  // Projects across grades and stages, each with its triangle.
  const stages = ['LEAD', 'OPPORTUNITY', 'OPPORTUNITY', 'CONTRACT_EXECUTION', 'CONTRACT_EXECUTION', 'CLOSED'];
  const projectDefs = [
    {
      name: '5G core network modernisation',
      customer: 0,
      unit: telecom,
      criteria: { majorCustomerImpact: true },
      amount: '128000000.00',
    },
    {
      name: 'Core banking cloud migration',
      customer: 1,
      unit: finance,
      criteria: { majorCustomerImpact: true, majorBusinessModelImpact: true },
      amount: '86500000.00',
    },
    {
      name: 'Metro line 9 signalling',
      customer: 2,
      unit: hangzhou,
      criteria: { majorCustomerImpact: true },
      amount: '42000000.00',
    },
    {
      name: 'Smart grid substation upgrade',
      customer: 3,
      unit: energy,
      criteria: { majorCustomerImpact: true },
      amount: '37500000.00',
    },
    { name: 'Warehouse campus network', customer: 4, unit: shanghai, criteria: {}, amount: '3200000.00' },
    {
      name: 'Factory private 5G',
      customer: 5,
      unit: guangzhou,
      criteria: { majorProductDirectionImpact: true },
      amount: '15800000.00',
    },
    { name: 'Telecom data-centre power', customer: 0, unit: telecom, criteria: {}, amount: '9600000.00' },
    { name: 'Branch network refresh', customer: 1, unit: finance, criteria: {}, amount: '4100000.00' },
    {
      name: 'Metro passenger Wi-Fi',
      customer: 2,
      unit: hangzhou,
      criteria: { majorCustomerImpact: true },
      amount: '12400000.00',
    },
    { name: 'Grid IoT sensors pilot', customer: 3, unit: energy, criteria: {}, amount: '2750000.00' },
    { name: 'Logistics tracking platform', customer: 4, unit: shanghai, criteria: {}, amount: '1850000.00' },
    { name: 'Manufacturing MES integration', customer: 5, unit: guangzhou, criteria: {}, amount: '5300000.00' },
  ];
  const projects: Array<{ id: number; grade: string; orgUnitId: number }> = [];
  for (let p = 0; p < projectDefs.length; p++) {
    const def = projectDefs[p]!;
    const project = await make<{ id: number; grade: string; orgUnitId: number }>(projectSpec as never, {
      externalRef: `CRM-${String(2024001 + p)}`,
      name: def.name,
      customerId: id(customers[def.customer] as { id: number }),
      orgUnitId: id(def.unit),
      stage: stages[p % stages.length],
      amount: def.amount,
      currency: 'CNY',
      gradeCriteria: def.criteria,
    });
    projects.push(project);
    // Grade I needs level 3: the first three triangles hold 3 or 4; the others hold 2.
    const triangle = triangles[project.grade === 'I' ? p % 3 : 3 + (p % 3)] as { ar: number; sr: number; fr: number };
    const from = ago(30 - p); // after every assessment above: the staffing check looks at this moment
    for (const [role, who] of [
      ['AR', triangle.ar],
      ['SR', triangle.sr],
      ['FR', triangle.fr],
    ] as const) {
      await make(teamAppointmentSpec as never, {
        projectId: id(project),
        personId: id(person(who)),
        role,
        stage: null,
        validFrom: from,
      });
    }
    await make(teamAppointmentSpec as never, {
      projectId: id(project),
      personId: id(person(project.grade === 'I' ? 0 : 2)),
      role: 'SPONSOR',
      validFrom: from,
    });
  }

  // Decision bodies (grade I and II teams), authority rules, delegations.
  const bodies: Record<string, { id: number }> = {};
  for (const grade of ['I', 'II'] as const) {
    const team = DEFAULT_DECISION_BODIES[grade];
    bodies[grade] = await make<{ id: number }>(decisionBodySpec as never, {
      name: team.name.en,
      quorum: team.quorum,
      grade,
      orgUnitId: id(grade === 'I' ? hq : east),
      seats: team.seats.map((s) => ({ title: s.title, alternativeTitles: [...s.alternativeTitles], fixed: s.fixed })),
    });
  }
  const rule = (args: Record<string, unknown>) =>
    make<{ id: number }>(authorityRuleSpec as never, { currency: 'CNY', validFrom: ago(365), ...args });
  await rule({
    name: 'Grade I initiation by the grade I team',
    holderKind: 'DECISION_BODY',
    decisionBodyId: id(bodies.I!),
    decisionPoints: ['ATI'],
    grades: ['I'],
    scopeOrgUnitId: id(hq),
    delegableDepth: 0,
  });
  await rule({
    name: 'Grade II initiation by the grade II team',
    holderKind: 'DECISION_BODY',
    decisionBodyId: id(bodies.II!),
    decisionPoints: ['ATI'],
    grades: ['II'],
    scopeOrgUnitId: id(east),
    delegableDepth: 0,
  });
  const presidentRule = await rule({
    name: 'BU president: all LTC decisions',
    holderKind: 'POSITION',
    holderTitle: 'BU_PRESIDENT',
    holderOrgUnitId: id(hq),
    decisionPoints: ['ATB', 'ATC', 'ATAC', 'ATCC'],
    grades: ['I', 'II', 'III'],
    scopeOrgUnitId: id(hq),
    delegableDepth: 2,
  });
  const eastRule = await rule({
    name: 'East director: bids and contracts up to 50M',
    holderKind: 'POSITION',
    holderTitle: 'BUSINESS_DEPT_DIRECTOR',
    holderOrgUnitId: id(east),
    decisionPoints: ['ATB', 'ATC'],
    grades: ['II', 'III'],
    scopeOrgUnitId: id(east),
    limit: '50000000.00',
    delegableDepth: 1,
  });
  await rule({
    name: 'Project AR: bids on grade III up to 5M',
    holderKind: 'PROJECT_ROLE',
    holderRole: 'AR',
    decisionPoints: ['ATB'],
    grades: ['III'],
    scopeOrgUnitId: id(hq),
    limit: '5000000.00',
    delegableDepth: 0,
  });
  const first = await make<{ id: number }>(delegationSpec as never, {
    sourceRuleId: id(eastRule),
    delegatorId: id(person(2)),
    delegateId: id(person(triangles[0]!.ar)), // holds AR level 3, as the delegation requires
    decisionPoints: ['ATB'],
    grades: ['III'],
    scopeOrgUnitId: id(shanghai),
    limit: '10000000.00',
    currency: 'CNY',
    validFrom: ago(30),
    validTo: addMonthsUtc(now, 6),
    redelegableDepth: 0,
    requiredRole: 'AR',
    requiredLevel: 2,
    reason: 'Speed up grade III bids in Shanghai.',
  });
  await make(delegationSpec as never, {
    sourceRuleId: id(presidentRule),
    delegatorId: id(person(0)),
    delegateId: id(person(3)),
    decisionPoints: ['ATB', 'ATC'],
    grades: ['II', 'III'],
    scopeOrgUnitId: id(south),
    limit: '80000000.00',
    currency: 'CNY',
    validFrom: ago(60),
    redelegableDepth: 1,
    reason: 'South region runs its own bids and contracts.',
  });
  void first;

  // One draft pool for the first project's team.
  const pool = await make<{ id: number }>(poolSpec as never, {
    name: `${projectDefs[0]!.name}: team bonus ${now.getUTCFullYear()}`,
    currency: 'CNY',
    teamKind: 'PROJECT',
    projectId: id(projects[0]!),
    orgUnitId: id(telecom),
    periodFrom: new Date(Date.UTC(now.getUTCFullYear(), 0, 1)),
    periodTo: new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 1)),
    baseAmount: '1200000.00',
  });
  for (const [metric, target, actual, weight] of [
    ['ORDERS', '128000000.00', '96000000.00', '0.4'],
    ['REVENUE', '90000000.00', '61000000.00', '0.3'],
    ['CASH', '80000000.00', '52000000.00', '0.3'],
  ] as const) {
    await make(poolMetricSpec as never, { poolId: id(pool), metric, target, actual, weight });
  }
  const t0 = triangles[0]!;
  for (const [who, role, weight] of [
    [t0.ar, 'AR', '0.4'],
    [t0.sr, 'SR', '0.3'],
    [t0.fr, 'FR', '0.3'],
  ] as const) {
    await make(poolMemberSpec as never, {
      poolId: id(pool),
      personId: id(person(who)),
      role,
      weight,
      coefficient: '1.0',
      participation: '1',
    });
  }
  return counts;
}
