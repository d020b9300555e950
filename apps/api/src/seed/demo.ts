// Demo data for `npm start`: a small company, seeded through the same operations the API uses
// (so grades, staffing checks and assessment results are computed by the domain). Times are relative to `now`.
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '@iron-triangle/config';
import {
  addMonthsUtc,
  approvalsInForce,
  checkSequence,
  DEFAULT_DECISION_BODIES,
  LTC_DECISION_POINTS,
  LtcDecisionPoint,
  DEFAULT_QUALIFICATION_FRAMEWORKS,
  DEFAULT_ROLE_MODELS,
  DEFAULT_STAFFING_RULES,
} from '@iron-triangle/domain';
import { Database } from '../platform/db';
import type { Context } from '../platform/context';
import { systemContext } from '../platform/context-factory';
import { CONTEXT_SOURCES } from '../composition';
import { crudOperations } from '../platform/crud';
import { withChangeOptions } from '../platform/change-log';
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
import { PoolOperationsResolver } from '../modules/incentive-pool/pool.operations';
import { DecisionOperationsResolver, RecordDecisionInput } from '../modules/decision/decision.operations';
import { Decision, toProjectDecision } from '../modules/decision';
import { leadNurtureActionSpec, LeadResolver, leadSpec } from '../modules/lead/lead.resolver';
import { OpportunityResolver, opportunitySpec } from '../modules/opportunity/opportunity.resolver';
import type { Principal } from '../platform/permissions';
import {
  relationshipPlanActionSpec,
  stakeholderSpec,
  StakeholderFieldResolver,
} from '../modules/power-map/power-map.resolver';
import {
  DecisionRequestOperationsResolver,
  RequestDecisionInput,
} from '../modules/decision-request/decision-request.operations';

export const DEMO_PASSWORD = 'demo';
export const DEMO_USERS = [
  { email: 'admin@demo.local', role: 'ADMIN' },
  { email: 'hr@demo.local', role: 'HR' },
  { email: 'leader@demo.local', role: 'LEADER' },
  { email: 'viewer@demo.local', role: 'VIEWER' },
] as const;

const DAY = 86_400_000;
/** Demo text that reads in both portal languages: the Chinese first, then the English. */
const both = (zh: string, en: string, separator = ' / ') => `${zh}${separator}${en}`;
const SECOND = 1_000;

/**
 * The demo people (index = employee number − 1001): a Chinese name and its pinyin, every one different in both. The
 * person's `name` holds the Chinese name and `latinName` the pinyin: the portal shows `displayName` (the Chinese name
 * in Chinese, the pinyin in English), and search finds a person by either. The roles the story gives them are named
 * beside the ones it uses.
 */
export const DEMO_PEOPLE: ReadonlyArray<{ readonly zh: string; readonly pinyin: string }> = [
  { zh: '王伟', pinyin: 'Wang Wei' }, // 0: BU president (HQ)
  { zh: '李娜', pinyin: 'Li Na' }, // 1: finance manager (HQ)
  { zh: '张宇', pinyin: 'Zhang Yu' }, // 2: East business-department director: the demo leader
  { zh: '刘芳', pinyin: 'Liu Fang' }, // 3: South business-department director
  { zh: '陈磊', pinyin: 'Chen Lei' }, // 4: East business-department chief engineer
  { zh: '杨帆', pinyin: 'Yang Fan' }, // 5: South business-department chief engineer
  { zh: '黄强', pinyin: 'Huang Qiang' }, // 6: industry head, Shanghai
  { zh: '赵晨', pinyin: 'Zhao Chen' }, // 7: industry head, Hangzhou
  { zh: '吴昊', pinyin: 'Wu Hao' }, // 8: industry chief engineer, Guangzhou
  { zh: '周婷', pinyin: 'Zhou Ting' }, // 9: industry head, Shenzhen
  { zh: '徐涛', pinyin: 'Xu Tao' }, // 10: product-line director
  { zh: '孙慧', pinyin: 'Sun Hui' }, // 11: delivery manager
  { zh: '马俊', pinyin: 'Ma Jun' }, // 12: industry chief engineer, Shanghai
  { zh: '朱琳', pinyin: 'Zhu Lin' }, // 13: finance manager (Energy)
  { zh: '胡凯', pinyin: 'Hu Kai' }, // 14..37: six triangles (AR, SR, FR and one spare each)
  { zh: '郭瑞', pinyin: 'Guo Rui' },
  { zh: '何欣', pinyin: 'He Xin' },
  { zh: '林波', pinyin: 'Lin Bo' },
  { zh: '高宁', pinyin: 'Gao Ning' },
  { zh: '罗兰', pinyin: 'Luo Lan' },
  { zh: '梁鹏', pinyin: 'Liang Peng' },
  { zh: '宋佳', pinyin: 'Song Jia' },
  { zh: '郑毅', pinyin: 'Zheng Yi' },
  { zh: '谢婷婷', pinyin: 'Xie Tingting' },
  { zh: '韩冰', pinyin: 'Han Bing' },
  { zh: '唐亮', pinyin: 'Tang Liang' },
  { zh: '冯雪', pinyin: 'Feng Xue' },
  { zh: '于洋', pinyin: 'Yu Yang' },
  { zh: '董明', pinyin: 'Dong Ming' },
  { zh: '萧然', pinyin: 'Xiao Ran' }, // 29: industry chief engineer, Hangzhou
  { zh: '程刚', pinyin: 'Cheng Gang' },
  { zh: '曹颖', pinyin: 'Cao Ying' },
  { zh: '袁博', pinyin: 'Yuan Bo' },
  { zh: '邓立', pinyin: 'Deng Li' },
  { zh: '许诺', pinyin: 'Xu Nuo' },
  { zh: '傅军', pinyin: 'Fu Jun' },
  { zh: '沈丽', pinyin: 'Shen Li' },
  { zh: '曾强', pinyin: 'Zeng Qiang' },
  { zh: '彭勇', pinyin: 'Peng Yong' }, // 38, 39: newcomers (level 1)
  { zh: '苏晓', pinyin: 'Su Xiao' },
];

/** A seeded project as the pending-requests step reads it: where it stands in the LTC sequence. */
export interface DemoProject {
  id: number;
  name: string;
  grade: string;
  orgUnitId: number;
  /** The decision points that may be taken next, in sequence (none in progress counted). */
  next: LtcDecisionPoint[];
}

/** What the demo seed hands to its later steps: the demo users (with their people) and the projects. */
export interface DemoCompany {
  now: Date;
  users: Record<(typeof DEMO_USERS)[number]['role'], { userId: number; personId: number | null }>;
  /** Person ids by index in DEMO_PEOPLE. */
  people: number[];
  projects: DemoProject[];
}

/** A pending request the demo opens: on which project (index in the story), for which point, when, and for whom. */
interface DemoRequest {
  /** Index of the project (as `company.projects` and the story number them). */
  project: number;
  point: LtcDecisionPoint;
  /** Days before `now` it was asked. */
  askedDaysAgo: number;
  /** Days before `now` it was due (an overdue request); null: the company's days for the grade. */
  dueDaysAgo: number | null;
  note: string;
}

/**
 * The pending requests: each demo user with a person finds some in their inbox. The leader (the East director): a
 * grade II bid in Shanghai that is overdue (escalation takes it up to the president), the grade II contract in
 * Hangzhou, a seat on the grade II team for an initiation already voted on by Shanghai's industry head, and an
 * overdue amendment in East through the president's delegation (routed to the president too: no level lies above
 * them, so it stays overdue once escalation has run). The administrator (the BU president): an overdue grade I contract
 * in South (the top level too) and that amendment. Each project's `next` must hold its point (the sequence allows it).
 */
export const DEMO_REQUESTS: readonly DemoRequest[] = [
  {
    project: 4,
    point: 'ATB',
    askedDaysAgo: 4,
    dueDaysAgo: 1,
    note: both('本周须向客户投标。', 'Bid due to the customer this week.'),
  },
  {
    project: 8,
    point: 'ATC',
    askedDaysAgo: 0.02,
    dueDaysAgo: null,
    note: both('已与地铁公司谈妥合同条款。', 'Contract terms agreed with the metro.'),
  },
  {
    project: 10,
    point: 'ATI',
    askedDaysAgo: 0.5,
    dueDaysAgo: null,
    note: both('上海已投票，待团队确认。', 'Shanghai has voted; the team to confirm.'),
  },
  {
    project: 1,
    point: 'ATC',
    askedDaysAgo: 9,
    dueDaysAgo: 2,
    note: both('合同已备妥，待银行签署。', 'Contract ready for signature at the bank.'),
  },
  {
    project: 6,
    point: 'ATAC',
    askedDaysAgo: 0.9,
    dueDaysAgo: 0.25,
    note: both('范围新增制冷机组。', 'Cooling units added to the scope.'),
  },
];

/**
 * Pending decision requests in each demo user's inbox, opened through the API's own operation (requestDecision) at
 * their moment before `now` by the administrator, routed by the engine to the nearest level of authority. Those due
 * before `now` are overdue (the server's escalation moves them up a level at its first tick; the earlier recipients
 * keep them).
 */
export async function seedPendingDecisionRequests(ctx: Context, company: DemoCompany): Promise<number> {
  const requests = new DecisionRequestOperationsResolver();
  const at = (days: number) => new Date(company.now.getTime() - Math.round(days * DAY));
  for (const r of DEMO_REQUESTS) {
    const project = company.projects[r.project];
    if (!project || !project.next.includes(r.point))
      throw new Error(`demo seed: ${r.point} is not next on project ${project?.name ?? r.project}`);
    await requests.requestDecision(
      {
        projectId: String(project.id),
        decisionPoint: r.point,
        note: r.note,
        dueAt: r.dueDaysAgo === null ? null : at(r.dueDaysAgo),
      } as RequestDecisionInput,
      { ...ctx, now: at(r.askedDaysAgo) },
    );
  }
  return DEMO_REQUESTS.length;
}

/** Seeds the demo company when the database has no org units; returns counts, or null when it had data. */
export async function seedDemo(
  dataSource: DataSource,
  now: Date,
  config?: RuntimeConfig,
  /** scrypt cost of the demo users' password (default: production's); only tests lower it, for speed. */
  passwordCost?: number,
): Promise<Record<string, number> | null> {
  if ((await dataSource.manager.count(OrgUnit)) > 0) return null;
  const db = new Database(dataSource);
  const stamp = { version: 1, createdAt: now, updatedAt: now };
  const hash = await hashPassword(DEMO_PASSWORD, passwordCost);
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
  for (let i = 0; i < DEMO_PEOPLE.length; i++) {
    const orgUnit = i < 2 ? hq : i < 6 ? (i % 2 === 0 ? east : south) : (offices[i % offices.length] as OrgUnit);
    const who = DEMO_PEOPLE[i]!;
    const person = await make<{ id: number; name: string; orgUnitId: number }>(personSpec as never, {
      employeeNo: `E${String(1001 + i)}`,
      name: who.zh,
      latinName: who.pinyin,
      email: `${who.pinyin.toLowerCase().replace(' ', '.')}@demo.local`,
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
  // Hangzhou's grade II projects need an industry chief engineer for the grade II team's fixed seat.
  await position(29, 'INDUSTRY_CHIEF_ENGINEER', hangzhou);
  // The demo leader is the East region's business-department director.
  await dataSource.manager.update(User, { id: userIds.LEADER }, { personId: person(2).id });

  // Customers S / A / B.
  const customer = (name: string, code: string, tier: string, where: { id: number }, industry: string) =>
    make<{ id: number }>(customerSpec as never, { name, code, tier, orgUnitId: id(where), industry });
  const customers = [
    await customer('Eastern Telecom Group', 'C-ETG', 'S', telecom, both('电信', 'Telecommunications', ' · ')),
    await customer('Pearl River Bank', 'C-PRB', 'S', finance, both('金融', 'Finance', ' · ')),
    await customer('Hangzhou Metro', 'C-HZM', 'A', hangzhou, both('交通', 'Transport', ' · ')),
    await customer('Shenzhen Grid', 'C-SZG', 'A', energy, both('能源', 'Energy', ' · ')),
    await customer('Suzhou Logistics', 'C-SZL', 'A', shanghai, both('物流', 'Logistics', ' · ')),
    await customer('Foshan Manufacturing', 'C-FSM', 'B', guangzhou, both('制造', 'Manufacturing', ' · ')),
  ];

  // Role models (version 1, published) with their dimensions, and a qualification framework per role.
  const frameworks: Record<string, { id: number }> = {};
  for (const role of ['AR', 'SR', 'FR'] as const) {
    const model = DEFAULT_ROLE_MODELS[role];
    const rm = await make<{ id: number }>(roleModelSpec as never, {
      role,
      name: model.name.en,
      nameZh: model.name['zh-CN'],
      description: both(`默认的 ${model.name['zh-CN']}角色模型。`, `Default ${model.name.en} role model.`),
    });
    const version = await make<{ id: number }>(roleModelVersionSpec as never, {
      roleModelId: id(rm),
      versionNo: model.version,
      status: 'PUBLISHED',
      publishedAt: ago(800),
      notes: both('初始版本。', 'Initial version.'),
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
      name: both(standard.name['zh-CN'], standard.name.en, ' · '),
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

  // Assessments (panel): levels 1..4.
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
        evidence: both(`「${d.name['zh-CN']}」的示例证据。`, `Demo evidence for “${d.name.en}”.`),
      })),
      inRoleSince: addMonthsUtc(assessedAt, -[0, 12, 36, 60, 96][level - 1]! - 2),
      completedProjects: [0, 2, 5, 10, 20][level - 1],
      performance: performance(level >= 4 ? 'A' : 'B', assessedAt),
    });
  };
  // Two triangles' AR and SR certifications run out within 30 days of `now` (12 and 21 days: the dashboard and the
  // reminders show them), assessed one validity period before that.
  const expiringIn = (days: number, role: 'AR' | 'SR' | 'FR') =>
    addMonthsUtc(new Date(now.getTime() + days * DAY), -DEFAULT_QUALIFICATION_FRAMEWORKS[role].validityMonths);
  const triangles: Array<{ ar: number; sr: number; fr: number }> = [];
  for (let t = 0; t < 6; t++) {
    const base = 14 + t * 4;
    const level = t < 3 ? 3 + (t % 2) : 2;
    const expiring = t === 1 ? 12 : t === 4 ? 21 : null;
    const when = (role: 'AR' | 'SR') => (expiring === null ? ago(60 + t * 10) : expiringIn(expiring, role));
    await assess(base, 'AR', level, when('AR'));
    await assess(base + 1, 'SR', level, when('SR'));
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
      note: both('公司默认。', 'Company default.'),
    });
  }

  // Projects: four per grade (I: 0, 1, 3, 5; II: 2, 4, 8, 10; III: 6, 7, 9, 11), each with its triangle and Sponsor.
  // They start as leads; the decisions below move them along the LTC sequence, so that each grade has one project
  // waiting for each point: initiation, the bid, the contract, and the amendment or close.
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
      criteria: { majorCustomerImpact: true, majorProductDirectionImpact: true },
      amount: '37500000.00',
    },
    {
      name: 'Warehouse campus network',
      customer: 4,
      unit: shanghai,
      criteria: { majorCustomerImpact: true },
      amount: '3200000.00',
    },
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
    {
      name: 'Logistics tracking platform',
      customer: 4,
      unit: shanghai,
      criteria: { majorCustomerImpact: true },
      amount: '1850000.00',
    },
    { name: 'Manufacturing MES integration', customer: 5, unit: guangzhou, criteria: {}, amount: '5300000.00' },
  ];
  const eastUnits = new Set([east.id, shanghai.id, hangzhou.id, telecom.id]);
  const projects: Array<{ id: number; name: string; grade: string; orgUnitId: number }> = [];
  const teams: Array<{ ar: number; sr: number; fr: number }> = [];
  for (let p = 0; p < projectDefs.length; p++) {
    const def = projectDefs[p]!;
    const project = await make<{ id: number; name: string; grade: string; orgUnitId: number }>(projectSpec as never, {
      externalRef: `CRM-${String(2024001 + p)}`,
      name: def.name,
      customerId: id(customers[def.customer] as { id: number }),
      orgUnitId: id(def.unit),
      stage: 'LEAD',
      amount: def.amount,
      currency: 'CNY',
      gradeCriteria: def.criteria,
    });
    projects.push(project);
    // Grade I needs level 3: the first three triangles hold 3 or 4; the others hold 2.
    const triangle = triangles[project.grade === 'I' ? p % 3 : 3 + (p % 3)] as { ar: number; sr: number; fr: number };
    teams.push(triangle);
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
    // The Sponsor: the BU president on grade I, the region's business-department director otherwise. The Sponsor
    // takes the project's key decisions: no conflict of interest (the company setting's default).
    const sponsor = project.grade === 'I' ? 0 : eastUnits.has(def.unit.id) ? 2 : 3;
    await make(teamAppointmentSpec as never, {
      projectId: id(project),
      personId: id(person(sponsor)),
      role: 'SPONSOR',
      validFrom: from,
    });
  }

  // Decision bodies (grade I and II teams), authority rules, delegations. Who decides what, by grade:
  //   ATI   I: the grade I team (BU president + the region's director or chief engineer); II: the grade II team in
  //         East (director + industry head + industry chief engineer); III: the region's chief engineer.
  //   ATB   the BU president (all), the East director (II, III in East, up to 50M), Liu Fang by delegation (II, III in
  //         South, up to 80M), and on to Shenzhen's industry head (III, up to 5M: a chain of three links); the
  //         project's AR (III, up to 5M).
  //   ATC   the BU president; the East director; Liu Fang by delegation.
  //   ATAC, ATCC  the BU president (all grades); the East director by a delegation ending within 7 days (ATAC).
  //   POOL_APPROVAL  the East director (pools in East, up to 10M); the BU president (all).
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
  // Rules 1 to 5 keep their numbers (the history tests and the e2e tests speak of rule 4, the East director's).
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
  for (const [region, label] of [
    [east, 'East'],
    [south, 'South'],
  ] as const) {
    await rule({
      name: `${label} chief engineer: initiation of grade III projects`,
      holderKind: 'POSITION',
      holderTitle: 'BUSINESS_DEPT_CHIEF_ENGINEER',
      holderOrgUnitId: id(region),
      decisionPoints: ['ATI'],
      grades: ['III'],
      scopeOrgUnitId: id(region),
      delegableDepth: 0,
    });
  }
  await rule({
    name: 'East director: bonus pools in East up to 10M',
    holderKind: 'POSITION',
    holderTitle: 'BUSINESS_DEPT_DIRECTOR',
    holderOrgUnitId: id(east),
    decisionPoints: ['POOL_APPROVAL'],
    grades: ['I', 'II', 'III'],
    scopeOrgUnitId: id(east),
    limit: '10000000.00',
    delegableDepth: 0,
  });
  await rule({
    name: 'BU president: bonus pools',
    holderKind: 'POSITION',
    holderTitle: 'BU_PRESIDENT',
    holderOrgUnitId: id(hq),
    decisionPoints: ['POOL_APPROVAL'],
    grades: ['I', 'II', 'III'],
    scopeOrgUnitId: id(hq),
    delegableDepth: 0,
  });
  const delegation = (args: Record<string, unknown>) =>
    make<{ id: number }>(delegationSpec as never, { currency: 'CNY', redelegableDepth: 0, ...args });
  await delegation({
    sourceRuleId: id(eastRule),
    delegatorId: id(person(2)),
    delegateId: id(person(triangles[0]!.ar)), // holds AR level 3, as the delegation requires
    decisionPoints: ['ATB'],
    grades: ['III'],
    scopeOrgUnitId: id(shanghai),
    limit: '10000000.00',
    validFrom: ago(30),
    validTo: addMonthsUtc(now, 6),
    requiredRole: 'AR',
    requiredLevel: 2,
    reason: both('加快上海 III 级项目的投标。', 'Speed up grade III bids in Shanghai.'),
  });
  const toSouth = await delegation({
    sourceRuleId: id(presidentRule),
    delegatorId: id(person(0)),
    delegateId: id(person(3)),
    decisionPoints: ['ATB', 'ATC'],
    grades: ['II', 'III'],
    scopeOrgUnitId: id(south),
    limit: '80000000.00',
    validFrom: ago(60),
    redelegableDepth: 1,
    reason: both('华南区域自行负责投标与签约。', 'South region runs its own bids and contracts.'),
  });
  // To the demo leader, ending in 4 days: contract amendments in East while the president is on leave. (Created before
  // the next one: delegation 3, so that the leader's refusals name no link 4 but rule 4, as the history tests read.)
  await delegation({
    sourceRuleId: id(presidentRule),
    delegatorId: id(person(0)),
    delegateId: id(person(2)),
    decisionPoints: ['ATAC'],
    grades: ['II', 'III'],
    scopeOrgUnitId: id(east),
    limit: '20000000.00',
    validFrom: ago(20),
    validTo: new Date(now.getTime() + 4 * DAY),
    reason: both('总裁休假期间华东的合同变更。', 'Contract amendments in East during the president’s leave.'),
  });
  // The chain of three links: the president's rule → Liu Fang → Shenzhen's industry head, ending in 6 days.
  await delegation({
    sourceDelegationId: id(toSouth),
    delegatorId: id(person(3)),
    delegateId: id(person(9)),
    decisionPoints: ['ATB'],
    grades: ['III'],
    scopeOrgUnitId: id(shenzhen),
    limit: '5000000.00',
    validFrom: ago(20),
    validTo: new Date(now.getTime() + 6 * DAY),
    reason: both(
      '华南部长出席客户峰会期间深圳的投标。',
      'Shenzhen bids while the South director is at the customer summit.',
    ),
  });

  // Decisions already taken, in the LTC sequence, dated over the last weeks (the last ones seconds before `now`, so
  // that "decisions this week" counts them): each is recorded by the API's own operation at its moment, by someone
  // the engine allows then, and an approval moves the project's stage. The leader records their own decisions.
  const admin: Principal = {
    kind: 'user',
    userId: userIds.ADMIN!,
    email: 'admin@demo.local',
    role: 'ADMIN',
    personId: null,
  };
  const leader: Principal = {
    kind: 'user',
    userId: userIds.LEADER!,
    email: 'leader@demo.local',
    role: 'LEADER',
    personId: person(2).id,
  };
  const at = (when: Date, principal: Principal = admin): Context => ({ ...ctx, now: when, principal });
  const dated = <T>(when: Date, work: () => Promise<T>): Promise<T> =>
    withChangeOptions({ kind: 'dated', effectiveFrom: when, reason: null }, work);
  const decisions = new DecisionOperationsResolver();
  let decisionCount = 0;
  const decide = async (
    p: number,
    decisionPoint: LtcDecisionPoint,
    decider: number,
    when: Date,
    outcome: 'APPROVED' | 'REJECTED' | 'RETURNED' = 'APPROVED',
    comment: string | null = null,
  ) => {
    decisionCount++;
    const input = {
      projectId: id(projects[p]!),
      decisionPoint,
      outcome,
      deciderId: id(person(decider)),
      comment,
      idempotencyKey: `demo-decision-${decisionCount}`,
    } as RecordDecisionInput;
    // Its writes take effect at its moment (the stage it moves, in the change log), a millisecond after it, as a
    // decision taken live is followed by its stage move; they are known from the seed's real time.
    await dated(new Date(when.getTime() + 1), () =>
      decisions.recordDecision(input, at(when, decider === 2 ? leader : admin)),
    );
    counts.Decision = decisionCount;
  };
  const secondsAgo = (n: number) => new Date(now.getTime() - n * SECOND);
  // Grade I. 0 (East): initiated by the team, bid and contract approved by the president: in contract execution.
  await decide(0, 'ATI', 0, ago(24));
  await decide(0, 'ATI', 2, ago(23), 'APPROVED', both('战略客户：立项。', 'Strategic account: go.'));
  await decide(0, 'ATB', 0, ago(16));
  await decide(0, 'ATC', 0, ago(8), 'APPROVED', both('按约定价格签约。', 'Signed at the agreed price.'));
  // 1 (South): initiated; the bid returned once for a sharper price, then approved: the contract is next.
  await decide(1, 'ATI', 0, ago(22));
  await decide(1, 'ATI', 3, ago(21));
  await decide(
    1,
    'ATB',
    0,
    ago(14),
    'RETURNED',
    both('请重新核算迁移服务的报价。', 'Rework the pricing of the migration services.'),
  );
  await decide(1, 'ATB', 0, ago(10), 'APPROVED', both('修订后的报价已接受。', 'Revised pricing accepted.'));
  // 3 (South): initiated this week: the bid is next.
  await decide(3, 'ATI', 0, ago(12));
  await decide(3, 'ATI', 3, secondsAgo(3));
  // 5 (South): the president has voted for initiation; the South director's seat has not yet.
  await decide(5, 'ATI', 0, ago(2), 'APPROVED', both('值得跟进，待华南确认。', 'Worth pursuing; South to confirm.'));
  // Grade II. 2 (Hangzhou): initiated by the grade II team, bid and contract by the East director, an amendment by
  // the president: in contract execution.
  await decide(2, 'ATI', 2, ago(25));
  await decide(2, 'ATI', 7, ago(24));
  await decide(2, 'ATI', 29, ago(24));
  await decide(2, 'ATB', 2, ago(18));
  await decide(2, 'ATC', 2, ago(11));
  await decide(2, 'ATAC', 0, ago(3), 'APPROVED', both('范围新增两个车站。', 'Two extra stations added to the scope.'));
  // 8 (Hangzhou): initiated, bid approved this week: the contract is next.
  await decide(8, 'ATI', 2, ago(15));
  await decide(8, 'ATI', 7, ago(15));
  await decide(8, 'ATI', 29, ago(14));
  await decide(8, 'ATB', 2, secondsAgo(2));
  // 4 (Shanghai): initiated: the bid is next.
  await decide(4, 'ATI', 6, ago(6));
  await decide(4, 'ATI', 12, ago(6));
  await decide(4, 'ATI', 2, ago(5));
  // 10 (Shanghai): Shanghai's industry head has voted for initiation; the leader and the chief engineer have not.
  await decide(10, 'ATI', 6, ago(1));
  // Grade III. 6 (Telecom): initiated, bid and contract by the East director, an amendment by the leader through the
  // president's delegation: in contract execution.
  await decide(6, 'ATI', 4, ago(20));
  await decide(6, 'ATB', 2, ago(13));
  await decide(6, 'ATC', 2, ago(7));
  await decide(6, 'ATAC', 2, ago(1), 'APPROVED', both('新增备用发电机。', 'Backup generators added.'));
  // 7 (Finance): initiated; the bid approved by the project's AR (grade III, up to 5M): the contract is next.
  await decide(7, 'ATI', 5, ago(12));
  await decide(7, 'ATB', teams[7]!.ar, ago(5));
  // 9 (Energy): initiated this week: the bid is next. 11 (Guangzhou): a lead, not yet initiated.
  await decide(9, 'ATI', 5, secondsAgo(1));

  // Bonus pools in East (the leader approves them), one in each status: DRAFT and FUNDED this year, ALLOCATED
  // (waiting for approval), APPROVED and LOCKED (paid) for last year, and a DRAFT adjustment of the locked one.
  const pools = new PoolOperationsResolver();
  const year = now.getUTCFullYear();
  const pool = async (
    p: number,
    name: string,
    periodYear: number,
    base: string,
    attainment: [number, number, number],
  ) => {
    const def = projectDefs[p]!;
    const created = await make<{ id: number }>(poolSpec as never, {
      name,
      currency: 'CNY',
      teamKind: 'PROJECT',
      projectId: id(projects[p]!),
      orgUnitId: id(def.unit),
      periodFrom: new Date(Date.UTC(periodYear, 0, 1)),
      periodTo: new Date(Date.UTC(periodYear + 1, 0, 1)),
      baseAmount: base,
    });
    const amount = BigInt(def.amount.replace('.', ''));
    const metrics = [
      ['ORDERS', amount, attainment[0], '0.4'],
      ['REVENUE', (amount * 7n) / 10n, attainment[1], '0.3'],
      ['CASH', (amount * 6n) / 10n, attainment[2], '0.3'],
    ] as const;
    const money = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
    for (const [metric, target, percent, weight] of metrics) {
      const actual = (target * BigInt(percent)) / 100n;
      await make(poolMetricSpec as never, {
        poolId: id(created),
        metric,
        target: money(target),
        actual: money(actual),
        weight,
      });
    }
    const team = teams[p]!;
    for (const [who, role, weight] of [
      [team.ar, 'AR', '0.4'],
      [team.sr, 'SR', '0.3'],
      [team.fr, 'FR', '0.3'],
    ] as const) {
      await make(poolMemberSpec as never, {
        poolId: id(created),
        personId: id(person(who)),
        role,
        weight,
        coefficient: '1.0',
        participation: '1',
      });
    }
    return String(created.id);
  };
  await pool(0, `${projectDefs[0]!.name}: team bonus ${year} · ${year} 年团队奖金`, year, '1200000.00', [75, 68, 65]);
  const funded = await pool(
    6,
    `${projectDefs[6]!.name}: team bonus ${year} · ${year} 年团队奖金`,
    year,
    '300000.00',
    [90, 85, 80],
  );
  await pools.fundPool(funded, at(ago(4)));
  const waiting = await pool(
    2,
    `${projectDefs[2]!.name}: team bonus ${year} · ${year} 年团队奖金`,
    year,
    '900000.00',
    [105, 96, 88],
  );
  await pools.fundPool(waiting, at(ago(6)));
  await pools.allocatePool(waiting, false, at(ago(5)));
  const approved = await pool(
    8,
    `${projectDefs[8]!.name}: team bonus ${year - 1} · ${year - 1} 年团队奖金`,
    year - 1,
    '400000.00',
    [110, 100, 92],
  );
  await pools.fundPool(approved, at(ago(20)));
  await pools.allocatePool(approved, false, at(ago(19)));
  await pools.approvePool(approved, at(ago(9), leader));
  const paid = await pool(
    4,
    `${projectDefs[4]!.name}: team bonus ${year - 1} · ${year - 1} 年团队奖金`,
    year - 1,
    '150000.00',
    [120, 110, 100],
  );
  await pools.fundPool(paid, at(ago(45)));
  await pools.allocatePool(paid, false, at(ago(44)));
  await pools.approvePool(paid, at(ago(40), leader));
  await pools.lockPool(paid, at(ago(35)));
  await pools.createAdjustmentPool(
    paid,
    `${projectDefs[4]!.name}: team bonus ${year - 1} (correction) · ${year - 1} 年团队奖金（更正）`,
    at(ago(2)),
  );
  counts.IncentivePool = 6;

  // The front of LTC (issue #17): leads of every class and grade, owned by the triangles' ARs and found by them, some
  // verified by their region's director, with nurture actions (one overdue); six of them became opportunities over
  // the last months, moved through the funnel stage by stage (one lost, one overdue), and two of those became
  // projects at ATI (the deal in Eastern Telecom and the intent in Hangzhou Metro), linked both ways.
  const customerUnits = [telecom, finance, hangzhou, energy, shanghai, guangzhou];
  const southDirector: Principal = { ...admin, personId: person(3).id };
  const verifierOf = (customerIndex: number) =>
    eastUnits.has(customerUnits[customerIndex]!.id) ? leader : southDirector;
  const arOf = (t: number) => person(triangles[t]!.ar);
  const arPrincipal = (t: number): Principal => ({ ...admin, personId: arOf(t).id });
  const leadSteps = new LeadResolver();
  const opportunitySteps = new OpportunityResolver();
  const leadOps = crudOperations(leadSpec);
  const daysFromNow = (days: number) => new Date(now.getTime() + days * DAY);
  interface DemoLead {
    title: string;
    customer: number;
    ar: number;
    daysAgo: number;
    need?: string;
    facts?: { clearNeed?: boolean; decisionMakerKnown?: boolean; investmentPlan?: boolean; expectedInDays?: number };
    amount?: string;
    strategic?: 'strategicIndustryBreakthrough' | 'majorProductDirectionImpact' | 'majorBusinessModelImpact';
    verifyDaysAgo?: number;
    ready?: { budget: string; startInDays: number };
    funnel?: { moves: Array<[string, number]>; closeInDays: number; project?: string };
    drop?: string;
  }
  const leadDefs: DemoLead[] = [
    // Open leads: one of each class, the grades spread over them.
    { title: 'Branch office SD-WAN', customer: 5, ar: 2, daysAgo: 12, amount: '450000.00' },
    {
      title: 'Warehouse robotics network',
      customer: 4,
      ar: 1,
      daysAgo: 25,
      need: both('为新的机器人车队提供室内 5G 覆盖。', 'Indoor 5G coverage for the new robot fleet.'),
      facts: { clearNeed: true },
      amount: '2400000.00',
    },
    {
      title: 'Grid digital twin',
      customer: 3,
      ar: 4,
      daysAgo: 8,
      strategic: 'strategicIndustryBreakthrough',
      amount: '9000000.00',
    },
    {
      title: 'Nationwide IoT SIM platform',
      customer: 0,
      ar: 0,
      daysAgo: 40,
      need: both('一个平台承载 2000 万物联网连接。', 'One platform for 20 million IoT connections.'),
      facts: { clearNeed: true, decisionMakerKnown: true, investmentPlan: true, expectedInDays: 150 },
      amount: '35000000.00',
      verifyDaysAgo: 30,
    },
    {
      title: 'Factory energy monitoring',
      customer: 5,
      ar: 5,
      daysAgo: 33,
      need: both('每条生产线的计量。', 'Metering of every production line.'),
      facts: { clearNeed: true },
      amount: '600000.00',
      drop: both('客户决定自建。', 'The customer chose to build it in-house.'),
    },
    // Leads that became opportunities.
    {
      title: 'Core network capacity expansion',
      customer: 0,
      ar: 0,
      daysAgo: 170,
      need: both('春季高峰前核心网容量翻倍。', 'Double the core capacity before the spring peak.'),
      facts: { clearNeed: true, decisionMakerKnown: true, investmentPlan: true, expectedInDays: 20 },
      amount: '48000000.00',
      verifyDaysAgo: 160,
      ready: { budget: '48000000.00', startInDays: 30 },
      funnel: {
        moves: [
          ['POTENTIAL', 150],
          ['INTENT', 120],
          ['NEGOTIATION', 60],
          ['DEAL', 20],
        ],
        closeInDays: -20,
        project: 'Core network capacity expansion',
      },
    },
    {
      title: 'Metro line 12 communications',
      customer: 2,
      ar: 3,
      daysAgo: 115,
      need: both('12 号线车地通信。', 'Train-to-ground communications for line 12.'),
      facts: { clearNeed: true, decisionMakerKnown: true, investmentPlan: true, expectedInDays: 75 },
      amount: '26000000.00',
      strategic: 'majorProductDirectionImpact',
      verifyDaysAgo: 105,
      ready: { budget: '26000000.00', startInDays: 90 },
      funnel: {
        moves: [
          ['POTENTIAL', 100],
          ['INTENT', 70],
        ],
        closeInDays: 75,
        project: 'Metro line 12 communications',
      },
    },
    {
      title: 'Mobile banking security gateway',
      customer: 1,
      ar: 1,
      daysAgo: 100,
      facts: { clearNeed: true, decisionMakerKnown: true, investmentPlan: true, expectedInDays: 45 },
      amount: '15000000.00',
      verifyDaysAgo: 95,
      ready: { budget: '15000000.00', startInDays: 60 },
      funnel: {
        moves: [
          ['POTENTIAL', 90],
          ['INTENT', 60],
          ['NEGOTIATION', 30],
        ],
        closeInDays: 45,
      },
    },
    {
      title: 'Substation video analytics',
      customer: 3,
      ar: 4,
      daysAgo: 55,
      facts: { clearNeed: true, decisionMakerKnown: true, investmentPlan: true, expectedInDays: 200 },
      amount: '6000000.00',
      verifyDaysAgo: 50,
      ready: { budget: '6000000.00', startInDays: 210 },
      funnel: { moves: [['POTENTIAL', 45]], closeInDays: 200 },
    },
    {
      title: 'Cold-chain tracking',
      customer: 4,
      ar: 1,
      daysAgo: 140,
      facts: { clearNeed: true, decisionMakerKnown: true, investmentPlan: true, expectedInDays: 10 },
      amount: '3000000.00',
      verifyDaysAgo: 135,
      ready: { budget: '3000000.00', startInDays: 20 },
      funnel: {
        moves: [
          ['POTENTIAL', 130],
          ['INTENT', 100],
          ['LOST', 50],
        ],
        closeInDays: 10,
      },
    },
    {
      title: 'Plant Wi-Fi refresh',
      customer: 5,
      ar: 5,
      daysAgo: 85,
      facts: { clearNeed: true, decisionMakerKnown: true, investmentPlan: true, expectedInDays: 30 },
      amount: '800000.00',
      verifyDaysAgo: 80,
      ready: { budget: '800000.00', startInDays: 15 },
      funnel: {
        moves: [
          ['POTENTIAL', 75],
          ['INTENT', 40],
          ['NEGOTIATION', 10],
        ],
        closeInDays: -5,
      },
    },
  ];
  for (const def of leadDefs) {
    const owner = arPrincipal(def.ar);
    const facts = def.facts ?? {};
    let lead = await leadOps.create(at(ago(def.daysAgo), owner), {
      title: def.title,
      source: def.daysAgo % 2 ? both('客户拜访', 'Customer visit') : both('行业展会', 'Industry exhibition'),
      customerId: id(customers[def.customer]!),
      orgUnitId: id(customerUnits[def.customer]!),
      need: def.need ?? null,
      ownerId: id(arOf(def.ar)),
      clearNeed: facts.clearNeed ?? false,
      decisionMakerKnown: facts.decisionMakerKnown ?? false,
      investmentPlan: facts.investmentPlan ?? false,
      expectedDate: facts.expectedInDays === undefined ? null : daysFromNow(facts.expectedInDays),
      expectedAmount: def.amount ?? null,
      currency: 'CNY',
      ...(def.strategic ? { [def.strategic]: true } : {}),
    });
    counts.Lead = (counts.Lead ?? 0) + 1;
    if (def.verifyDaysAgo !== undefined) {
      const when = ago(def.verifyDaysAgo);
      lead = await dated(when, () => leadSteps.verifyLead(id(lead), at(when, verifierOf(def.customer))));
    }
    if (def.drop) {
      const when = ago(def.daysAgo - 10);
      await dated(when, () => leadSteps.dropLead(id(lead), def.drop as string, at(when, owner)));
      continue;
    }
    if (def.ready && def.funnel) {
      const [first, ...later] = def.funnel.moves;
      const when = ago(first![1] + 2);
      lead = await dated(when, () =>
        leadOps.update(at(when, owner), {
          id: id(lead),
          version: lead.version,
          budget: def.ready!.budget,
          startTime: daysFromNow(def.ready!.startInDays),
          fittingSolution: true,
        }),
      );
      const convertedAt = ago(first![1]);
      let opportunity = await dated(convertedAt, () =>
        opportunitySteps.convertLeadToOpportunity(
          id(lead),
          null,
          null,
          daysFromNow(def.funnel!.closeInDays),
          at(convertedAt, owner),
        ),
      );
      counts.Opportunity = (counts.Opportunity ?? 0) + 1;
      for (const [stage, daysAgo] of later) {
        const movedAt = ago(daysAgo);
        opportunity = await dated(movedAt, () =>
          crudOperations(opportunitySpec).update(at(movedAt, owner), {
            id: id(opportunity),
            version: opportunity.version,
            stage,
          }),
        );
      }
      if (def.funnel.project) {
        const madeAt = ago(Math.max(1, (later[later.length - 1]?.[1] ?? first![1]) - 1));
        const project = await dated(madeAt, () =>
          opportunitySteps.createProjectFromOpportunity(id(opportunity), def.funnel!.project, at(madeAt, owner)),
        );
        counts.Project = (counts.Project ?? 0) + 1;
        // Its iron triangle at once, so the demo leader can go on to ATI: the lead's AR with their SR and FR, or on
        // a grade I project (which needs level 3) one of the first three triangles, who hold it.
        const triangle = triangles[project.grade === 'I' ? def.ar % 3 : def.ar]!;
        // Appointed once their assessments stand (as the LTC projects' teams are), not before the project was made.
        const appointedAt = new Date(Math.max(madeAt.getTime(), ago(15).getTime()));
        for (const [role, who] of [
          ['AR', triangle.ar],
          ['SR', triangle.sr],
          ['FR', triangle.fr],
        ] as const) {
          await dated(appointedAt, () =>
            crudOperations(teamAppointmentSpec).create(at(appointedAt, admin), {
              projectId: id(project),
              personId: id(person(who)),
              role,
              stage: null,
              validFrom: appointedAt,
            }),
          );
        }
        counts.TeamAppointment = (counts.TeamAppointment ?? 0) + 3;
      }
    }
    // Nurture actions on the open leads: one done, one due, and one overdue on the IoT platform lead.
    if (!def.funnel) {
      const nurture = (action: string, dueInDays: number, done: boolean) =>
        crudOperations(leadNurtureActionSpec).create(at(ago(def.daysAgo - 1), owner), {
          leadId: id(lead),
          action,
          dueDate: daysFromNow(dueInDays),
          doneAt: done ? ago(Math.max(0, def.daysAgo - 3)) : null,
        });
      await nurture(
        both('与客户 IT 部门首次会面', 'First meeting with the customer’s IT department'),
        -def.daysAgo + 3,
        true,
      );
      await nurture(
        def.title === 'Nationwide IoT SIM platform'
          ? both('与 CTO 办公室研讨', 'Workshop with the CTO office')
          : both('发送参考案例', 'Send the reference case'),
        def.title === 'Nationwide IoT SIM platform' ? -4 : 14,
        false,
      );
      counts.LeadNurtureAction = (counts.LeadNurtureAction ?? 0) + 2;
    }
  }

  // The power map of Eastern Telecom Group (tier S): eight of the customer's people as a tree, every role in the
  // decision, attitudes across the scale with their history (some changed over time, one still unknown), the
  // relationships owned by the East director (the demo leader) and the account's AR; and a relationship plan (one
  // action overdue, one done). Hangzhou Metro (tier A) is a second key account, with a hostile decision maker.
  const maps = new StakeholderFieldResolver();
  const arOfCustomer = (customer: number) =>
    person(teams[projectDefs.findIndex((d) => d.customer === customer)]!.ar).id;
  const stakeholder = async (
    customer: number,
    name: string,
    title: string,
    decisionRole: string,
    influence: string,
    reportsTo: { id: number } | null,
    owner: number,
    history: ReadonlyArray<readonly [number, number, string?]>,
  ) => {
    const made = await make<{ id: number }>(stakeholderSpec as never, {
      customerId: id(customers[customer] as { id: number }),
      name,
      title,
      decisionRole,
      influence,
      reportsToId: reportsTo ? id(reportsTo) : null,
      relationshipOwnerId: String(owner),
    });
    for (const [attitude, daysAgo, note] of history)
      await maps.recordStakeholderAttitude(id(made), attitude, ago(daysAgo), note ?? null, ctx);
    return made;
  };
  const director = person(2).id;
  const telecomAr = arOfCustomer(0);
  const ceo = await stakeholder(
    0,
    both('周建国', 'Zhou Jianguo', ' '),
    both('首席执行官', 'Chief Executive Officer', ' · '),
    'DECISION_MAKER',
    'HIGH',
    null,
    director,
    [
      [0, 120, both('首次会面：礼貌，无承诺。', 'First meeting: polite, no commitment.')],
      [1, 60, both('对参考案例参观满意。', 'Liked the reference visit.')],
      [2, 10, both('请我们向董事会汇报。', 'Asked us to brief the board.')],
    ],
  );
  const cto = await stakeholder(
    0,
    both('钱丽', 'Qian Li', ' '),
    both('首席技术官', 'Chief Technology Officer', ' · '),
    'INFLUENCER',
    'HIGH',
    ceo,
    telecomAr,
    [
      [1, 90],
      [3, 20, both('在内部力推我们的架构。', 'Champions our architecture internally.')],
    ],
  );
  const cfo = await stakeholder(
    0,
    both('孙伟', 'Sun Wei', ' '),
    both('首席财务官', 'Chief Financial Officer', ' · '),
    'DECISION_MAKER',
    'MEDIUM',
    ceo,
    director,
    [
      [-1, 45, both('担心总成本。', 'Worried about the total cost.')],
      [0, 5, both('分期付款方案打消了顾虑。', 'The phased payment plan eased the concern.')],
    ],
  );
  const procurement = await stakeholder(
    0,
    both('李明', 'Li Ming', ' '),
    both('采购负责人', 'Head of Procurement', ' · '),
    'GATEKEEPER',
    'MEDIUM',
    cfo,
    director,
    [
      [-1, 80],
      [-2, 15, both('倾向现有供应商。', 'Prefers the incumbent supplier.')],
    ],
  );
  const planning = await stakeholder(
    0,
    both('吴芳', 'Wu Fang', ' '),
    both('网络规划总监', 'Network Planning Director', ' · '),
    'EVALUATOR',
    'HIGH',
    cto,
    telecomAr,
    [[1, 30]],
  );
  const operations = await stakeholder(
    0,
    both('郑浩', 'Zheng Hao', ' '),
    both('运维经理', 'O&M Manager', ' · '),
    'USER',
    'LOW',
    planning,
    telecomAr,
    [[-3, 25, both('将去年的故障归咎于我们。', 'Blames us for last year’s outage.')]],
  );
  const dataCentre = await stakeholder(
    0,
    both('王雪', 'Wang Xue', ' '),
    both('数据中心负责人', 'Data Centre Lead', ' · '),
    'USER',
    'MEDIUM',
    cto,
    telecomAr,
    [],
  );
  await stakeholder(
    0,
    both('冯磊', 'Feng Lei', ' '),
    both('董事会秘书', 'Board Secretary', ' · '),
    'INFLUENCER',
    'LOW',
    ceo,
    director,
    [[1, 40]],
  );
  const action = (
    customer: number,
    target: { id: number } | null,
    text: string,
    owner: number,
    dueInDays: number,
    doneDaysAgo?: number,
  ) =>
    make(relationshipPlanActionSpec as never, {
      customerId: id(customers[customer] as { id: number }),
      stakeholderId: target ? id(target) : null,
      action: text,
      ownerId: String(owner),
      dueDate: ago(-dueInDays),
      doneAt: doneDaysAgo === undefined ? null : ago(doneDaysAgo),
    });
  await action(0, ceo, both('向 CEO 汇报 5G 路线图', 'Executive briefing for the CEO on the 5G roadmap'), director, 7);
  await action(
    0,
    planning,
    both('与网络规划团队的技术研讨', 'Technical workshop with the network planning team'),
    telecomAr,
    -12,
    13,
  );
  await action(
    0,
    procurement,
    both('向采购讲解评标规则', 'Walk procurement through the bid evaluation rules'),
    director,
    -3,
  );
  await action(
    0,
    operations,
    both('与运维现场走访，关闭故障遗留问题', 'Site visit with O&M to close the outage follow-ups'),
    telecomAr,
    10,
  );
  await action(
    0,
    dataCentre,
    both('拜访数据中心负责人，了解需求', 'Meet the data-centre lead to learn their requirements'),
    telecomAr,
    5,
  );
  await action(0, cfo, both('与 CFO 审阅分期商业论证', 'Review the phased business case with the CFO'), director, 20);
  const metroBoss = await stakeholder(
    2,
    both('马东', 'Ma Dong', ' '),
    both('总经理', 'General Manager', ' · '),
    'DECISION_MAKER',
    'HIGH',
    null,
    director,
    [
      [0, 60],
      [-2, 7, both('对 9 号线的延误不满。', 'Upset by the delay on line 9.')],
    ],
  );
  await stakeholder(
    2,
    both('陆燕', 'Lu Yan', ' '),
    both('信号总工程师', 'Signalling Chief Engineer', ' · '),
    'EVALUATOR',
    'MEDIUM',
    metroBoss,
    arOfCustomer(2),
    [[1, 30]],
  );
  await action(
    2,
    metroBoss,
    both('陪同总经理参观 5 号线参考案例', 'Reference visit to line 5 with the general manager'),
    director,
    14,
  );

  // The administrator is the BU president: their inbox has the requests that wait for the president.
  await dataSource.manager.update(User, { id: userIds.ADMIN }, { personId: person(0).id });
  const company: DemoCompany = {
    now,
    users: {
      ADMIN: { userId: userIds.ADMIN!, personId: person(0).id },
      HR: { userId: userIds.HR!, personId: null },
      LEADER: { userId: userIds.LEADER!, personId: person(2).id },
      VIEWER: { userId: userIds.VIEWER!, personId: null },
    },
    people: people.map((p) => p.id),
    projects: await openPoints(dataSource, projects),
  };
  counts.DecisionRequest = await seedPendingDecisionRequests(ctx, company);
  return counts;
}

/**
 * Each project with the points to take next: those the sequence allows now (as `decisionPointsInSequence` answers)
 * and not yet approved in force, amendments (ATAC) excepted, which may come again.
 */
async function openPoints(
  dataSource: DataSource,
  projects: ReadonlyArray<{ id: number; name: string; grade: string; orgUnitId: number }>,
): Promise<DemoProject[]> {
  const decided = await dataSource.manager.find(Decision, { order: { id: 'ASC' } });
  return projects.map((p) => {
    const mine = decided.filter((d) => d.projectId === p.id).map(toProjectDecision);
    const inForce = approvalsInForce(mine);
    const next = LTC_DECISION_POINTS.filter(
      (point) => checkSequence(point, mine).ok && (point === 'ATAC' || !inForce.has(point)),
    );
    return { id: p.id, name: p.name, grade: p.grade, orgUnitId: p.orgUnitId, next };
  });
}
