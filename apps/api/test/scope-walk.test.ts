// The scope walk: a LEADER's answer to every query and mutation of the schema, compared with the in-scope set this
// test computes on its own from the seed (its own table of what a LEADER may see, below: not the API's code).
// Records are seeded inside the LEADER's subtree (EAST, EAST-1), above it (HQ, company-wide) and beside it (WEST,
// WEST-1) for every record type. A new record type or operation without an entry here fails the walk.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { describeOnDatabases, GqlResult, TestEnv } from './support/databases';
import { args as argText, en, placeholderLiteral } from './support/graphql';
import { Person } from '../src/modules/person/person.entity';
import { PositionAssignment } from '../src/modules/position-assignment/position-assignment.entity';
import { Customer } from '../src/modules/customer/customer.entity';
import { Project } from '../src/modules/project/project.entity';
import { TeamAppointment } from '../src/modules/team-appointment/team-appointment.entity';
import { Decision } from '../src/modules/decision/decision.entity';
import { DecisionRequest, DecisionRequestRecipient } from '../src/modules/decision-request/decision-request.entity';
import { DecisionBody, DecisionBodySeat } from '../src/modules/decision-body/decision-body.entity';
import { AuthorityRule } from '../src/modules/authority-rule/authority-rule.entity';
import { Delegation } from '../src/modules/delegation/delegation.entity';
import { StaffingRule } from '../src/modules/staffing-rule/staffing-rule.entity';
import { IncentivePool, PoolMember, PoolMetric } from '../src/modules/incentive-pool/incentive-pool.entity';
import { RoleModel, RoleModelDimension, RoleModelVersion } from '../src/modules/role-model/role-model.entity';
import {
  LevelRequirement,
  QualificationFramework,
  QualificationLevel,
} from '../src/modules/qualification/qualification.entity';
import { Assessment, AssessmentRating } from '../src/modules/assessment/assessment.entity';
import { Notification } from '../src/modules/notification/notification.entity';
import { RelationshipPlanAction, Stakeholder, StakeholderAttitude } from '../src/modules/power-map/power-map.entity';
import { Lead, LeadNurtureAction } from '../src/modules/lead/lead.entity';
import { Opportunity } from '../src/modules/opportunity/opportunity.entity';

type Row = Record<string, string | null> & { id: string };
type World = Map<string, Map<string, Row>>;

/**
 * What a LEADER may read of each record type, as this test understands the product (README: a LEADER reads within
 * their org subtree; the bodies, rules and delegations above it govern their projects and are readable, read-only;
 * org-wide reference data is open; users, tokens and audit are admin-only):
 * - `unit`: the org unit a row belongs to (following its parent rows in the world), null for "company-wide".
 * - `above`: rows at an ancestor of the subtree (or company-wide) are readable but read-only.
 */
interface Policy {
  plural: string;
  read: 'scoped' | 'all' | 'admin';
  unit?: (row: Row, world: World) => string | null | undefined;
  above?: boolean;
}

const parentUnit = (type: string, column: string) => (row: Row, world: World) => {
  const parent = world.get(type)?.get(String(row[column]));
  return parent ? unitOf(type, parent, world) : undefined;
};

const POLICY: Record<string, Policy> = {
  OrgUnit: { plural: 'OrgUnits', read: 'all' },
  Person: { plural: 'People', read: 'scoped', unit: (r) => r.orgUnitId },
  PositionAssignment: { plural: 'PositionAssignments', read: 'scoped', unit: (r) => r.orgUnitId },
  Customer: { plural: 'Customers', read: 'scoped', unit: (r) => r.orgUnitId },
  Project: { plural: 'Projects', read: 'scoped', unit: (r) => r.orgUnitId },
  TeamAppointment: { plural: 'TeamAppointments', read: 'scoped', unit: parentUnit('Project', 'projectId') },
  Stakeholder: { plural: 'Stakeholders', read: 'scoped', unit: parentUnit('Customer', 'customerId') },
  RelationshipPlanAction: {
    plural: 'RelationshipPlanActions',
    read: 'scoped',
    unit: parentUnit('Customer', 'customerId'),
  },
  Decision: { plural: 'Decisions', read: 'scoped', unit: parentUnit('Project', 'projectId') },
  DecisionRequest: { plural: 'DecisionRequests', read: 'scoped', unit: parentUnit('Project', 'projectId') },
  AuthorityRule: { plural: 'AuthorityRules', read: 'scoped', unit: (r) => r.scopeOrgUnitId, above: true },
  DecisionBody: { plural: 'DecisionBodies', read: 'scoped', unit: (r) => r.orgUnitId, above: true },
  DecisionBodySeat: {
    plural: 'DecisionBodySeats',
    read: 'scoped',
    unit: parentUnit('DecisionBody', 'decisionBodyId'),
    above: true,
  },
  Delegation: { plural: 'Delegations', read: 'scoped', unit: (r) => r.scopeOrgUnitId, above: true },
  StaffingRule: { plural: 'StaffingRules', read: 'scoped', unit: (r) => r.orgUnitId, above: true },
  IncentivePool: { plural: 'IncentivePools', read: 'scoped', unit: (r) => r.orgUnitId },
  PoolMetric: { plural: 'PoolMetrics', read: 'scoped', unit: parentUnit('IncentivePool', 'poolId') },
  PoolMember: { plural: 'PoolMembers', read: 'scoped', unit: parentUnit('IncentivePool', 'poolId') },
  Assessment: { plural: 'Assessments', read: 'scoped', unit: parentUnit('Person', 'personId') },
  AssessmentRating: { plural: 'AssessmentRatings', read: 'scoped', unit: parentUnit('Assessment', 'assessmentId') },
  RoleModel: { plural: 'RoleModels', read: 'all' },
  RoleModelVersion: { plural: 'RoleModelVersions', read: 'all' },
  RoleModelDimension: { plural: 'RoleModelDimensions', read: 'all' },
  QualificationFramework: { plural: 'QualificationFrameworks', read: 'all' },
  QualificationLevel: { plural: 'QualificationLevels', read: 'all' },
  LevelRequirement: { plural: 'LevelRequirements', read: 'all' },
  User: { plural: 'Users', read: 'admin' },
  ApiToken: { plural: 'ApiTokens', read: 'admin' },
  AuditEntry: { plural: 'AuditEntries', read: 'admin' },
  Lead: { plural: 'Leads', read: 'scoped', unit: (r) => r.orgUnitId },
  LeadNurtureAction: { plural: 'LeadNurtureActions', read: 'scoped', unit: parentUnit('Lead', 'leadId') },
  Opportunity: { plural: 'Opportunities', read: 'scoped', unit: (r) => r.orgUnitId },
};

/** What the id arguments of the create attempts below point at. */
const POINTS_AT: Record<string, string> = {
  projectId: 'Project',
  customerId: 'Customer',
  decisionBodyId: 'DecisionBody',
  sourceRuleId: 'AuthorityRule',
  sourceDelegationId: 'Delegation',
  poolId: 'IncentivePool',
  personId: 'Person',
  stakeholderId: 'Stakeholder',
  leadId: 'Lead',
};

/** Record types whose resource group a LEADER may write (README: projects, authority, decisions, pools). */
const LEADER_WRITES = new Set([
  'Project',
  'TeamAppointment',
  'Stakeholder',
  'RelationshipPlanAction',
  'AuthorityRule',
  'DecisionBody',
  'Delegation',
  'IncentivePool',
  'PoolMetric',
  'PoolMember',
  'Lead',
  'LeadNurtureAction',
  'Opportunity',
]);

function unitOf(type: string, row: Row, world: World): string | null | undefined {
  return POLICY[type]!.unit!(row, world);
}

interface Units {
  subtree: Set<string>;
  above: Set<string>;
}

function readable(type: string, row: Row, world: World, units: Units): boolean {
  const policy = POLICY[type]!;
  if (policy.read === 'all') return true;
  if (policy.read === 'admin') return false;
  const unit = unitOf(type, row, world);
  if (unit === undefined) return false;
  if (unit === null) return !!policy.above;
  return units.subtree.has(unit) || (!!policy.above && units.above.has(unit));
}

function writable(type: string, row: Row, world: World, units: Units): boolean {
  const unit = POLICY[type]!.read === 'scoped' ? unitOf(type, row, world) : undefined;
  return LEADER_WRITES.has(type) && typeof unit === 'string' && units.subtree.has(unit);
}

const SDL = buildSchema(readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8'));
const QUERIES = Object.keys(SDL.getQueryType()!.getFields());
const MUTATIONS = Object.keys(SDL.getMutationType()!.getFields());
const RECORD_TYPES = QUERIES.filter((q) => /^[A-Z]/.test(q));

/** The id columns of a type (how rows point at their parents), from the schema. */
function idFields(type: string): string[] {
  const t = SDL.getType(type) as GraphQLObjectType;
  return Object.values(t.getFields())
    .filter((f) => isScalarType(getNamedType(f.type)) && getNamedType(f.type).name === 'ID' && /Id$/.test(f.name))
    .map((f) => f.name);
}

/** Fields of a type that return records (nested reads through loaders and field resolvers). */
function recordFields(type: string): Array<{ name: string; type: string; list: boolean }> {
  const t = SDL.getType(type) as GraphQLObjectType;
  return Object.values(t.getFields()).flatMap((f) => {
    const named = getNamedType(f.type);
    if (!isObjectType(named) || !POLICY[named.name]) return [];
    const inner = isNonNullType(f.type) ? f.type.ofType : f.type;
    return [{ name: f.name, type: named.name, list: isListType(inner) }];
  });
}

const DAY = 86_400_000;

interface Seed {
  projects: { east: number; west: number; hq: number };
  pools: { east: number; west: number };
  delegations: { east: number; eastChild: number; west: number; hq: number };
  bodies: { hq: number; east: number; west: number; all: number };
  rules: { hq: number; east: number; west: number };
  people: { hq: number };
  customers: { east: number; west: number };
  stakeholders: { east: number; west: number };
  requests: { east: number; west: number; hq: number };
  leads: { east: number; west: number };
  opportunities: { east: number; west: number };
}

async function seed(e: TestEnv): Promise<Seed> {
  const em = e.dataSource.manager;
  const { units, people } = e.fixture;
  const now = e.fixture.now;
  const start = new Date(now.getTime() - 100 * DAY);
  const stamp = { version: 1, createdAt: now, updatedAt: now };
  const insert = async (entity: Parameters<typeof em.insert>[0], values: Record<string, unknown>) =>
    Number((await em.insert(entity, { ...stamp, ...values } as never)).identifiers[0]?.id);

  const hqPerson = await insert(Person, {
    employeeNo: 'SW-HQ',
    name: 'Hana HQ',
    orgUnitId: units.hq,
    email: null,
    phone: null,
    hiredAt: null,
    archivedAt: null,
  });
  await insert(PositionAssignment, {
    personId: hqPerson,
    title: 'BU_PRESIDENT',
    orgUnitId: units.hq,
    validFrom: start,
    validTo: null,
  });
  await insert(PositionAssignment, {
    personId: people.west1,
    title: 'BUSINESS_DEPT_DIRECTOR',
    orgUnitId: units.west,
    validFrom: start,
    validTo: null,
  });

  const customer = (name: string, orgUnitId: number) =>
    insert(Customer, { name, code: null, tier: 'A', orgUnitId, industry: null });
  const customers = {
    east: await customer('East Co', units.eastOffice),
    west: await customer('West Co', units.westOffice),
  };
  await customer('HQ Co', units.hq);
  // A power map on each side: a stakeholder with an attitude, and a plan action; the LEADER owns the east side's and
  // the west's are Wanda's (the owner rule would otherwise let the LEADER reach them: sales-owner.test.ts).
  const stakeholders: Record<'east' | 'west', number> = { east: 0, west: 0 };
  for (const side of ['east', 'west'] as const) {
    stakeholders[side] = await insert(Stakeholder, {
      customerId: customers[side],
      opportunityId: null,
      name: `${side} buyer`,
      title: null,
      reportsToId: null,
      decisionRole: 'DECISION_MAKER',
      influence: 'HIGH',
      relationshipOwnerId: side === 'east' ? people.leader : people.west1,
    });
    await insert(RelationshipPlanAction, {
      customerId: customers[side],
      opportunityId: null,
      stakeholderId: stakeholders[side],
      action: `visit ${side}`,
      ownerId: side === 'east' ? people.leader : people.west1,
      dueDate: new Date(now.getTime() - DAY),
      doneAt: null,
      note: null,
    });
  }

  const project = (name: string, orgUnitId: number, customerId: number | null, externalRef: string) =>
    insert(Project, {
      externalRef,
      name,
      customerId,
      orgUnitId,
      stage: 'OPPORTUNITY',
      amountMinor: 100_000n,
      currency: 'CNY',
      grade: 'III',
      gradeReasons: ['NO_CRITERION'],
      gradeCriteria: {},
      gradeJustification: null,
    });
  const projects = {
    east: await project('East deal', units.eastOffice, customers.east, 'SW-EAST'),
    west: await project('West deal', units.westOffice, customers.west, 'SW-WEST'),
    hq: await project('HQ deal', units.hq, null, 'SW-HQ'),
  };

  const appoint = (projectId: number, personId: number) =>
    insert(TeamAppointment, {
      projectId,
      personId,
      role: 'CORE_MEMBER',
      stage: null,
      validFrom: start,
      validTo: null,
      qualificationLevel: null,
      exceptionReason: null,
      staffingCheck: null,
    });
  await appoint(projects.east, people.east1);
  await appoint(projects.east, people.west1);
  await appoint(projects.west, people.west1);
  await appoint(projects.west, people.east1);

  const decide = (projectId: number, deciderId: number, comment: string) =>
    insert(Decision, {
      projectId,
      decisionPoint: 'ATI',
      outcome: 'APPROVED',
      deciderId,
      decidedAt: now,
      chain: { links: [], body: null },
      complete: true,
      amountMinor: 100_000n,
      currency: 'CNY',
      grade: 'III',
      reopenedAt: null,
      reopenedCauses: null,
      comment,
      idempotencyKey: `sw-${comment}`,
    });
  await decide(projects.east, people.leader, 'east-note');
  await decide(projects.west, people.west1, 'west-secret');
  await decide(projects.hq, hqPerson, 'hq-note');

  // Decision requests on each side, each waiting for the LEADER (their inbox must still show only the one inside).
  const ask = async (projectId: number, requesterId: number, levelScopeOrgUnitId: number) => {
    const id = await insert(DecisionRequest, {
      projectId,
      decisionPoint: 'ATB',
      status: 'PENDING',
      pendingKey: `${projectId}:ATB`,
      amountMinor: 100_000n,
      currency: 'CNY',
      note: `request on ${projectId}`,
      requesterId,
      requestedBy: 'user:999',
      requestedAt: now,
      dueAt: new Date(now.getTime() + 3 * DAY),
      escalationLevel: 0,
      levelScopeOrgUnitId,
      escalationExhausted: false,
      escalationLog: [],
      calledSeats: [],
      voteLog: [],
      decisionId: null,
      closedAt: null,
      closedById: null,
    });
    await insert(DecisionRequestRecipient, {
      requestId: id,
      personId: people.leader,
      level: 0,
      via: 'DIRECT',
      seatTitles: [],
      scopeOrgUnitId: levelScopeOrgUnitId,
      actedAt: null,
    });
    return id;
  };
  const requests = {
    east: await ask(projects.east, people.east1, units.east),
    west: await ask(projects.west, people.west1, units.west),
    hq: await ask(projects.hq, hqPerson, units.hq),
  };

  const body = async (name: string, orgUnitId: number | null) => {
    const id = await insert(DecisionBody, { name, quorum: 'ALL_FIXED', grade: 'I', orgUnitId });
    await insert(DecisionBodySeat, {
      decisionBodyId: id,
      title: 'BU_PRESIDENT',
      alternativeTitles: [],
      fixed: true,
      sortOrder: 0,
    });
    return id;
  };
  const bodies = {
    hq: await body('HQ grade I team', units.hq),
    east: await body('East team', units.east),
    west: await body('West team', units.west),
    all: await body('Company team', null),
  };

  const rule = (
    name: string,
    holderTitle: string,
    holderOrgUnitId: number,
    scopeOrgUnitId: number,
    decisionBodyId: number | null = null,
  ) =>
    insert(AuthorityRule, {
      name,
      holderKind: decisionBodyId ? 'DECISION_BODY' : 'POSITION',
      holderTitle: decisionBodyId ? null : holderTitle,
      holderOrgUnitId: decisionBodyId ? null : holderOrgUnitId,
      decisionBodyId,
      holderRole: null,
      decisionPoints: ['ATI', 'ATB', 'ATC', 'POOL_APPROVAL'],
      grades: ['I', 'II', 'III'],
      scopeOrgUnitId,
      limitMinor: 1_000_000_000n,
      currency: 'CNY',
      validFrom: start,
      validTo: null,
      delegableDepth: 2,
    });
  const rules = {
    hq: await rule('HQ president', 'BU_PRESIDENT', units.hq, units.hq),
    east: await rule('East director', 'BUSINESS_DEPT_DIRECTOR', units.east, units.east),
    west: await rule('West director', 'BUSINESS_DEPT_DIRECTOR', units.west, units.west),
  };
  await rule('HQ team', '', units.hq, units.hq, bodies.hq);

  const delegate = (
    source: { rule?: number; delegation?: number },
    delegatorId: number,
    delegateId: number,
    scopeOrgUnitId: number,
  ) =>
    insert(Delegation, {
      sourceRuleId: source.rule ?? null,
      sourceDelegationId: source.delegation ?? null,
      delegatorId,
      delegateId,
      decisionPoints: ['ATB'],
      grades: ['III'],
      scopeOrgUnitId,
      limitMinor: 1_000_000n,
      currency: 'CNY',
      validFrom: start,
      validTo: null,
      redelegableDepth: 1,
      requiredRole: null,
      requiredLevel: null,
      reason: 'scope walk',
      revokedAt: null,
      revokeReason: null,
    });
  const east = await delegate({ rule: rules.east }, people.leader, people.east1, units.eastOffice);
  const delegations = {
    east,
    eastChild: await delegate({ delegation: east }, people.east1, people.leader, units.eastOffice),
    west: await delegate({ rule: rules.west }, people.west1, hqPerson, units.westOffice),
    hq: await delegate({ rule: rules.hq }, hqPerson, people.leader, units.hq),
  };

  for (const orgUnitId of [null, units.hq, units.east, units.west]) {
    await insert(StaffingRule, {
      role: 'AR',
      grade: 'III',
      minLevel: 1,
      orgUnitId,
      validFrom: start,
      validTo: null,
      note: `unit ${orgUnitId}`,
    });
  }

  const pool = async (name: string, orgUnitId: number, projectId: number, personId: number) => {
    const id = await insert(IncentivePool, {
      name,
      status: 'DRAFT',
      currency: 'CNY',
      teamKind: 'PROJECT',
      projectId,
      orgUnitId,
      periodFrom: start,
      periodTo: now,
      baseAmountMinor: 100_000n,
      fundedAmountMinor: null,
      fundingTrace: null,
      allocationTrace: null,
      fundedAt: null,
      allocatedAt: null,
      approvedById: null,
      approvedAt: null,
      lockedAt: null,
      adjustmentOfId: null,
    });
    await insert(PoolMetric, {
      poolId: id,
      metric: 'REVENUE',
      currency: 'CNY',
      targetMinor: 100n,
      actualMinor: 90n,
      weight: '1',
    });
    await insert(PoolMember, {
      poolId: id,
      personId,
      role: 'AR',
      weight: '1',
      coefficient: '1',
      participation: '1',
      currency: 'CNY',
      shareMinor: null,
    });
    return id;
  };
  const pools = {
    east: await pool('East pool', units.eastOffice, projects.east, people.east1),
    west: await pool('West pool', units.westOffice, projects.west, people.west1),
  };

  const roleModel = await insert(RoleModel, { role: 'AR', name: 'AR', nameZh: 'AR', description: null });
  const version = await insert(RoleModelVersion, {
    roleModelId: roleModel,
    versionNo: 1,
    status: 'PUBLISHED',
    publishedAt: start,
    notes: null,
  });
  await insert(RoleModelDimension, {
    roleModelVersionId: version,
    code: 'D1',
    name: 'D1',
    nameZh: 'D1',
    indicators: [],
    sortOrder: 0,
  });
  const framework = await insert(QualificationFramework, {
    role: 'AR',
    roleModelVersionId: version,
    name: 'AR framework',
    validityMonths: 24,
    status: 'ACTIVE',
    managerMayCertify: false,
  });
  const level = await insert(QualificationLevel, {
    frameworkId: framework,
    level: 1,
    name: 'L1',
    nameZh: 'L1',
    minTenureMonths: 0,
    minProjects: 0,
    gateMinimumRating: null,
    gatePeriods: null,
  });
  await insert(LevelRequirement, { levelId: level, dimensionCode: 'D1', minProficiency: 1 });
  for (const personId of [people.east1, people.west1, hqPerson]) {
    const assessment = await insert(Assessment, {
      personId,
      role: 'AR',
      frameworkId: framework,
      roleModelVersionId: version,
      kind: 'INITIAL',
      assessorId: null,
      assessedAt: start,
      inRoleSince: null,
      completedProjects: 0,
      performance: null,
      tenureMonths: null,
      // Certified at level 1: talent search (qualifiedPeople) finds each of them, in scope or not.
      certifies: true,
      levelReached: 1,
      validUntil: null,
      gap: null,
      evaluation: null,
      comment: `about ${personId}`,
    });
    await insert(AssessmentRating, { assessmentId: assessment, dimensionCode: 'D1', score: 2, evidence: null });
  }
  // Leads (verified, ready to convert), their nurture actions and opportunities, in East and West.
  const lead = (title: string, orgUnitId: number, customerId: number, personId: number) =>
    insert(Lead, {
      title,
      source: 'walk',
      customerId,
      orgUnitId,
      need: null,
      ownerId: personId,
      foundById: personId,
      verifiedById: null,
      verifiedAt: null,
      clearNeed: true,
      decisionMakerKnown: false,
      investmentPlan: false,
      expectedDate: null,
      leadClass: 'CREDIBLE',
      classReasons: ['CLEAR_NEED'],
      classMissing: ['DECISION_MAKER', 'INVESTMENT_PLAN', 'EXPECTED_DATE'],
      expectedAmountMinor: null,
      currency: 'CNY',
      strategicIndustryBreakthrough: false,
      majorProductDirectionImpact: false,
      majorBusinessModelImpact: false,
      marketBreakthrough: false,
      grade: 'IMPORTANT',
      gradeReasons: ['A_TIER_CUSTOMER'],
      budgetMinor: 100_000n,
      startTime: new Date(now.getTime() + 30 * 86_400_000),
      fittingSolution: true,
      status: 'OPEN',
      opportunityId: null,
      dropReason: null,
      droppedAt: null,
    });
  const leads = {
    east: await lead('East lead', units.eastOffice, customers.east, people.east1),
    west: await lead('West lead', units.westOffice, customers.west, people.west1),
  };
  for (const [leadId, ownerId] of [
    [leads.east, people.east1],
    [leads.west, people.west1],
  ] as const)
    await insert(LeadNurtureAction, { leadId, action: 'call', dueDate: now, doneAt: null, ownerId, note: null });
  const opportunity = (name: string, orgUnitId: number, customerId: number, ownerId: number) =>
    insert(Opportunity, {
      name,
      leadId: null,
      customerId,
      orgUnitId,
      ownerId,
      stage: 'POTENTIAL',
      stageHistory: [{ stage: 'POTENTIAL', at: now.toISOString(), by: null }],
      expectedAmountMinor: 100_000n,
      currency: 'CNY',
      closeDate: new Date(now.getTime() + 30 * 86_400_000),
      probability: null,
      grade: 'IMPORTANT',
      projectId: null,
    });
  const opportunities = {
    east: await opportunity('East opportunity', units.eastOffice, customers.east, people.east1),
    west: await opportunity('West opportunity', units.westOffice, customers.west, people.west1),
  };
  return {
    projects,
    pools,
    delegations,
    bodies,
    rules,
    people: { hq: hqPerson },
    customers,
    stakeholders,
    requests,
    leads,
    opportunities,
  };
}

async function loadWorld(e: TestEnv): Promise<World> {
  const world: World = new Map();
  for (const type of RECORD_TYPES) {
    const policy = POLICY[type];
    if (!policy) continue;
    const fields = ['id', 'version', ...idFields(type)];
    const res = await e.gql<Record<string, Row[]>>(
      `{ all${policy.plural}(perPage: 500) { ${fields.join(' ')} } }`,
      {},
      { token: e.tokens.admin },
    );
    expect(res.body.errors).toBeUndefined();
    const rows = res.body.data![`all${policy.plural}`]!;
    expect(rows.length).toBeLessThan(500);
    world.set(type, new Map(rows.map((r) => [String(r.id), r])));
  }
  return world;
}

const codeOf = (res: GqlResult) => res.body.errors?.[0]?.extensions?.code as string | undefined;
const sorted = (ids: Iterable<string>) => [...ids].map(String).sort((a, b) => Number(a) - Number(b));

describeOnDatabases('scope walk: a LEADER reads and writes only what their org subtree allows', (env) => {
  let s: Seed;
  let world: World;
  let units: Units;

  const leader = (query: string, variables: Record<string, unknown> = {}) =>
    env().gql(query, variables, { token: env().tokens.leader });
  const admin = (query: string, variables: Record<string, unknown> = {}) =>
    env().gql(query, variables, { token: env().tokens.admin });
  const rows = (type: string) => [...(world.get(type)?.values() ?? [])];
  const expected = (type: string) =>
    sorted(
      rows(type)
        .filter((r) => readable(type, r, world, units))
        .map((r) => r.id),
    );

  const subtreeOf = (root: string) => {
    const found = new Set([root]);
    for (let grew = true; grew;) {
      grew = false;
      for (const u of rows('OrgUnit'))
        if (u.parentId && found.has(u.parentId) && !found.has(u.id)) grew = !!found.add(u.id);
    }
    return found;
  };

  beforeAll(async () => {
    const e = env();
    s = await seed(e);
    world = await loadWorld(e);
    // The LEADER is in EAST (their person and their position): the subtree below it, and the units above it.
    const parents = new Map(rows('OrgUnit').map((u) => [u.id, u.parentId]));
    const subtree = subtreeOf(String(e.fixture.units.east));
    const above = new Set<string>();
    for (let p = parents.get(String(e.fixture.units.east)); p; p = parents.get(p)) above.add(p);
    units = { subtree, above };
  });

  test('every record type has a policy, and every query and mutation of the schema is walked', () => {
    expect(RECORD_TYPES.filter((t) => !POLICY[t])).toEqual([]);
    const generic = new Set(
      RECORD_TYPES.flatMap((t) => [t, `all${POLICY[t]!.plural}`, `_all${POLICY[t]!.plural}Meta`]),
    );
    expect(QUERIES.filter((q) => !generic.has(q) && !CUSTOM_QUERIES[q])).toEqual([]);
    const crud = new Set(RECORD_TYPES.flatMap((t) => [`create${t}`, `update${t}`, `delete${t}`]));
    expect(MUTATIONS.filter((m) => !crud.has(m) && !CUSTOM_MUTATIONS[m])).toEqual([]);
    // The seed puts rows on both sides of the line for every scoped type.
    for (const [type, policy] of Object.entries(POLICY)) {
      if (policy.read !== 'scoped') continue;
      const all = rows(type);
      expect({
        type,
        inside: all.some((r) => readable(type, r, world, units)),
        outside: all.some((r) => !readable(type, r, world, units)),
      }).toEqual({ type, inside: true, outside: true });
    }
  });

  test.each(RECORD_TYPES)(
    '%s: single reads, lists, counts and filters show exactly the in-scope rows',
    async (type) => {
      const { plural, read } = POLICY[type]!;
      const all = rows(type);
      if (read === 'admin') {
        for (const q of [`{ ${type}(id: "1") { id } }`, `{ all${plural} { id } }`, `{ _all${plural}Meta { count } }`])
          expect(codeOf(await leader(q))).toBe('FORBIDDEN');
        return;
      }
      const want = expected(type);
      const list = await leader(`{ all${plural}(perPage: 500) { id } }`);
      expect(list.body.errors).toBeUndefined();
      expect(sorted((list.body.data![`all${plural}`] as Row[]).map((r) => r.id))).toEqual(want);
      const meta = await leader(`{ _all${plural}Meta { count } }`);
      expect((meta.body.data![`_all${plural}Meta`] as { count: number }).count).toBe(want.length);
      for (const row of all) {
        const one = await leader(`{ ${type}(id: "${row.id}") { id } }`);
        expect(one.body.errors).toBeUndefined();
        expect({ id: row.id, found: one.body.data![type] !== null }).toEqual({
          id: row.id,
          found: want.includes(row.id),
        });
      }
      const byIds = await leader(
        `{ all${plural}(perPage: 500, filter: { ids: ${JSON.stringify(all.map((r) => r.id))} }) { id } }`,
      );
      expect(sorted((byIds.body.data![`all${plural}`] as Row[]).map((r) => r.id))).toEqual(want);
      // Filters on the columns that point at parents (e.g. allPoolMembers(filter: { poolId })) and on the subtree.
      const filterType = SDL.getType(`${type}Filter`) as unknown as
        { getFields(): Record<string, unknown> } | undefined;
      const filterFields = Object.keys(filterType?.getFields() ?? {});
      for (const column of idFields(type).filter((c) => filterFields.includes(c))) {
        for (const value of new Set(all.map((r) => r[column]).filter((v): v is string => v !== null))) {
          // filter.orgUnitId means the subtree of that unit (README); other id filters are equality.
          const matches =
            column === 'orgUnitId'
              ? (v: string | null) => v !== null && subtreeOf(value).has(v)
              : (v: string | null) => v === value;
          const wantHere = sorted(
            all.filter((r) => matches(r[column] ?? null) && want.includes(r.id)).map((r) => r.id),
          );
          const res = await leader(
            `{ all${plural}(perPage: 500, filter: { ${column}: "${value}" }) { id } _all${plural}Meta(filter: {
              ${column}: "${value}" }) { count } }`,
          );
          expect(res.body.errors).toBeUndefined();
          expect({
            column,
            value,
            ids: sorted((res.body.data![`all${plural}`] as Row[]).map((r) => r.id)),
            count: (res.body.data![`_all${plural}Meta`] as { count: number }).count,
          }).toEqual({
            column,
            value,
            ids: wantHere,
            count: wantHere.length,
          });
        }
      }
    },
  );

  test.each(RECORD_TYPES.filter((t) => recordFields(t).length > 0))(
    '%s: nested records read through fields show only in-scope rows',
    async (type) => {
      const { plural, read } = POLICY[type]!;
      if (read === 'admin') return;
      const nested = recordFields(type).filter((f) => POLICY[f.type]!.read !== 'admin');
      const res = await leader(
        `{ all${plural}(perPage: 500) { id ${nested.map((f) => `${f.name} { id }`).join(' ')} } }`,
      );
      expect(res.body.errors).toBeUndefined();
      const adminView = await admin(
        `{ all${plural}(perPage: 500) { id ${nested.map((f) => `${f.name} { id }`).join(' ')} } }`,
      );
      const adminById = new Map(
        (adminView.body.data![`all${plural}`] as Array<Record<string, unknown>>).map((r) => [String(r.id), r]),
      );
      for (const row of res.body.data![`all${plural}`] as Array<Record<string, unknown>>) {
        for (const field of nested) {
          const value = row[field.name] as { id: string } | Array<{ id: string }> | null;
          const got = value === null ? [] : Array.isArray(value) ? value.map((v) => String(v.id)) : [String(value.id)];
          const full = adminById.get(String(row.id))![field.name] as { id: string } | Array<{ id: string }> | null;
          const all = full === null ? [] : Array.isArray(full) ? full.map((v) => String(v.id)) : [String(full.id)];
          const want = new Set(expected(field.type));
          // Exactly the in-scope part of what an administrator sees through the same field.
          expect({ type, id: row.id, field: field.name, ids: sorted(got) }).toEqual({
            type,
            id: row.id,
            field: field.name,
            ids: sorted(all.filter((id) => want.has(id))),
          });
        }
      }
    },
  );

  /** The version an administrator sees (null: gone). */
  const versionOf = async (type: string, id: string) => {
    const res = await admin(`{ ${type}(id: "${id}") { version } }`);
    return (res.body.data![type] as { version: number } | null)?.version ?? null;
  };

  test.each(RECORD_TYPES.filter((t) => MUTATIONS.includes(`update${t}`) || MUTATIONS.includes(`delete${t}`)))(
    '%s: updates and deletes outside the subtree are refused ' +
      '(NOT_FOUND unseen, FORBIDDEN read-only) and change nothing',
    async (type) => {
      world = await loadWorld(env());
      for (const row of rows(type)) {
        const canRead = readable(type, row, world, units);
        const canWrite = writable(type, row, world, units);
        const refused = !LEADER_WRITES.has(type)
          ? 'FORBIDDEN'
          : !canRead
            ? 'NOT_FOUND'
            : !canWrite
              ? 'FORBIDDEN'
              : null;
        if (refused === null) continue;
        const before = await versionOf(type, row.id);
        if (MUTATIONS.includes(`update${type}`)) {
          const res = await leader(`mutation { update${type}(id: "${row.id}", version: ${before}) { id } }`);
          expect({ type, id: row.id, op: 'update', code: codeOf(res) }).toEqual({
            type,
            id: row.id,
            op: 'update',
            code: refused,
          });
        }
        if (MUTATIONS.includes(`delete${type}`)) {
          const res = await leader(`mutation { delete${type}(id: "${row.id}") { id } }`);
          expect({ type, id: row.id, op: 'delete', code: codeOf(res) }).toEqual({
            type,
            id: row.id,
            op: 'delete',
            code: refused,
          });
        }
        expect({ type, id: row.id, version: await versionOf(type, row.id) }).toEqual({
          type,
          id: row.id,
          version: before,
        });
      }
      // Positive control: an in-scope row of a type the LEADER writes can be changed.
      const own = rows(type).find((r) => writable(type, r, world, units));
      if (LEADER_WRITES.has(type) && own) {
        const res = await leader(
          `mutation { update${type}(id: "${own.id}", version: ${await versionOf(type, own.id)}) { id } }`,
        );
        expect({ type, errors: res.body.errors }).toEqual({ type, errors: undefined });
      }
    },
  );

  test('a LEADER can neither move a record out of the subtree nor into a unit above it', async () => {
    world = await loadWorld(env());
    const e = env();
    const moves: Array<[string, string, string]> = [
      ['Project', String(s.projects.east), 'orgUnitId'],
      ['AuthorityRule', String(s.rules.east), 'scopeOrgUnitId'],
      ['DecisionBody', String(s.bodies.east), 'orgUnitId'],
    ];
    for (const [type, id, column] of moves) {
      for (const target of [e.fixture.units.westOffice, e.fixture.units.hq]) {
        const before = await versionOf(type, id);
        const res = await leader(
          `mutation { update${type}(id: "${id}", version: ${before}, ${column}: "${target}") { id } }`,
        );
        expect({ type, target, code: codeOf(res) }).toEqual({ type, target, code: 'FORBIDDEN' });
        expect(await versionOf(type, id)).toBe(before);
      }
    }
    // A record outside cannot be pulled in either (it is not even found).
    const west = await leader(
      `mutation { updateProject(id: "${s.projects.west}", version: 1, orgUnitId: "${e.fixture.units.eastOffice}") { id
        } }`,
    );
    expect(codeOf(west)).toBe('NOT_FOUND');
  });

  test.each(RECORD_TYPES.filter((t) => MUTATIONS.includes(`create${t}`)))(
    '%s: creating outside the subtree (or pointing at what is out of scope) is refused and writes nothing',
    async (type) => {
      const e = env();
      const { units: u, people } = e.fixture;
      const from = new Date(e.fixture.now.getTime() - DAY);
      const to = new Date(e.fixture.now.getTime() + 30 * DAY);
      const grant = { decisionPoints: [en('ATB')], grades: [en('III')], currency: 'CNY', validFrom: from };
      const attempts: Record<string, Array<Record<string, unknown>>> = {
        Project: [
          ...[u.westOffice, u.west, u.hq].map((unit) => ({
            name: 'x',
            orgUnitId: String(unit),
            stage: 'LEAD',
            amount: '1.00',
            currency: 'CNY',
          })),
          {
            name: 'x',
            orgUnitId: String(u.eastOffice),
            customerId: String(s.customers.west),
            stage: 'LEAD',
            amount: '1.00',
            currency: 'CNY',
          },
        ],
        Stakeholder: [
          { customerId: String(s.customers.west), name: 'x', decisionRole: en('USER'), influence: en('LOW') },
          {
            customerId: String(s.customers.east),
            name: 'x',
            decisionRole: en('USER'),
            influence: en('LOW'),
            reportsToId: String(s.stakeholders.west),
          },
        ],
        RelationshipPlanAction: [
          { customerId: String(s.customers.west), action: 'x', ownerId: String(people.leader), dueDate: to },
          {
            customerId: String(s.customers.east),
            stakeholderId: String(s.stakeholders.west),
            action: 'x',
            ownerId: String(people.leader),
            dueDate: to,
          },
        ],
        TeamAppointment: [s.projects.west, s.projects.hq].map((p) => ({
          projectId: String(p),
          personId: String(people.east1),
          role: en('CORE_MEMBER'),
          validFrom: from,
        })),
        AuthorityRule: [
          ...[u.westOffice, u.hq].map((unit) => ({
            name: 'x',
            holderKind: en('POSITION'),
            holderTitle: 'X',
            holderOrgUnitId: String(u.east),
            scopeOrgUnitId: String(unit),
            ...grant,
          })),
          {
            name: 'x',
            holderKind: en('DECISION_BODY'),
            decisionBodyId: String(s.bodies.west),
            scopeOrgUnitId: String(u.east),
            ...grant,
          },
        ],
        DecisionBody: [
          ...[u.hq, u.west].map((unit) => ({
            name: 'x',
            quorum: 'AT_LEAST 1',
            orgUnitId: String(unit),
            seats: [{ title: 'BUSINESS_DEPT_DIRECTOR', fixed: true }],
          })),
          { name: 'x', quorum: 'AT_LEAST 1', seats: [{ title: 'BUSINESS_DEPT_DIRECTOR', fixed: true }] },
        ],
        Delegation: [
          {
            sourceRuleId: String(s.rules.west),
            delegatorId: String(people.leader),
            delegateId: String(people.east1),
            scopeOrgUnitId: String(u.westOffice),
            reason: 'x',
            ...grant,
          },
          {
            sourceDelegationId: String(s.delegations.west),
            delegatorId: String(people.leader),
            delegateId: String(people.east1),
            scopeOrgUnitId: String(u.eastOffice),
            reason: 'x',
            ...grant,
          },
          {
            sourceRuleId: String(s.rules.hq),
            delegatorId: String(people.leader),
            delegateId: String(people.east1),
            scopeOrgUnitId: String(u.hq),
            reason: 'x',
            ...grant,
          },
        ],
        IncentivePool: [
          {
            name: 'x',
            teamKind: 'SYSTEM_DEPARTMENT',
            orgUnitId: String(u.west),
            periodFrom: from,
            periodTo: to,
            baseAmount: '1.00',
            currency: 'CNY',
          },
          {
            name: 'x',
            teamKind: 'PROJECT',
            orgUnitId: String(u.eastOffice),
            projectId: String(s.projects.west),
            periodFrom: from,
            periodTo: to,
            baseAmount: '1.00',
            currency: 'CNY',
          },
        ],
        Lead: [u.westOffice, u.west, u.hq].map((unit) => ({
          title: 'x',
          source: 'x',
          customerId: String(s.customers.east),
          orgUnitId: String(unit),
          ownerId: String(people.east1),
          // Found by someone else too: a lead the LEADER found would be theirs (the owner rule), wherever it is.
          foundById: String(people.east1),
        })),
        LeadNurtureAction: [{ leadId: String(s.leads.west), action: 'x', dueDate: from }],
        Opportunity: [u.westOffice, u.west, u.hq].map((unit) => ({
          name: 'x',
          customerId: String(s.customers.east),
          orgUnitId: String(unit),
          ownerId: String(people.east1),
          expectedAmount: '1.00',
          closeDate: to,
        })),
        PoolMetric: [{ poolId: String(s.pools.west), metric: en('CASH'), target: '1.00', actual: '1.00', weight: '1' }],
        PoolMember: [
          {
            poolId: String(s.pools.west),
            personId: String(people.east1),
            role: en('SR'),
            weight: '1',
            coefficient: '1',
            participation: '1',
          },
        ],
      };
      if (!LEADER_WRITES.has(type)) {
        // The role table refuses first, whatever the arguments (the permission walk covers the argument shapes).
        const createField = SDL.getMutationType()!.getFields()[`create${type}`]!;
        const required = createField.args.filter((a) => isNonNullType(a.type));
        expect(required.length).toBeGreaterThanOrEqual(0);
        const argList = required.map((a) => `${a.name}: ${placeholder(a.type)}`).join(', ');
        const res = await leader(
          `mutation {
            create${type}${required.length ? '(' + argList + ')' : ''} { id } }`,
        );
        expect(codeOf(res)).toBe('FORBIDDEN');
        return;
      }
      const list = attempts[type];
      expect(list).toBeDefined();
      const count = async () =>
        (
          (await admin(`{ _all${POLICY[type]!.plural}Meta { count } }`)).body.data![
            `_all${POLICY[type]!.plural}Meta`
          ] as { count: number }
        ).count;
      const before = await count();
      for (const values of list!) {
        const res = await leader(`mutation { create${type}(${argText(values)}) { id } }`);
        expect({ type, values, code: codeOf(res) }).toEqual({
          type,
          values,
          code: expect.stringMatching(/^(FORBIDDEN|BAD_USER_INPUT)$/),
        });
        // Pointing at a record out of scope answers exactly as pointing at none: nothing tells that it exists.
        const pointers = Object.entries(values).filter(
          ([k, v]) =>
            /Id$/.test(k) &&
            k !== 'orgUnitId' &&
            k !== 'scopeOrgUnitId' &&
            k !== 'holderOrgUnitId' &&
            typeof v === 'string',
        );
        for (const [key, id] of pointers) {
          const targetType = POINTS_AT[key];
          const target = targetType ? world.get(targetType)?.get(id as string) : undefined;
          if (!targetType || !target || readable(targetType, target, world, units)) continue;
          const missing = await leader(`mutation { create${type}(${argText({ ...values, [key]: '999999' })}) { id } }`);
          const strip = (r: GqlResult) => ({
            code: codeOf(r),
            message: r.body.errors?.[0]?.message.replace(/\d+/g, 'N'),
          });
          expect({ type, key, answer: strip(res) }).toEqual({ type, key, answer: strip(missing) });
        }
      }
      expect(await count()).toBe(before);
    },
  );

  // ---- Custom operations: each one is compared with the seed's in-scope set.

  /** A notification to a user (not the org's: personal), written as notify would. */
  const notification = async (recipientUserId: number, recipientPersonId: number | null, key: string) =>
    Number(
      (
        await env().dataSource.manager.insert(Notification, {
          recipientUserId,
          recipientPersonId,
          kind: 'CERTIFICATION_EXPIRING',
          payload: { role: 'AR', level: 1, validUntil: '2030-01-01T00:00:00.000Z' },
          targetType: null,
          targetId: null,
          dedupeKey: `walk:${key}:${recipientUserId}`,
          createdAt: new Date(),
          readAt: null,
          mailTo: null,
          mailState: 'NONE',
          mailAttempts: 0,
          mailNextAttemptAt: null,
          mailSentAt: null,
          mailLastError: null,
        })
      ).identifiers[0]!.id,
    );
  /** Notifications are personal: a LEADER sees and marks only their own, whatever the org unit. */
  let walked = 0;
  const ownNotifications = async () => {
    const { users, people } = env().fixture;
    walked += 1;
    const theirs = await notification(users.admin, null, `theirs-${walked}`);
    const mine = await notification(users.leader, people.leader, `mine-${walked}`);
    const listed = await leader('{ notifications { id } unreadNotificationCount }');
    const ids = (listed.body.data!.notifications as Array<{ id: string }>).map((n) => Number(n.id));
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    const rows = await env().dataSource.manager.findBy(Notification, {});
    const own = rows.filter((n) => n.recipientUserId === users.leader);
    expect(ids.sort()).toEqual(own.map((n) => n.id).sort());
    expect(listed.body.data!.unreadNotificationCount).toBe(own.filter((n) => n.readAt === null).length);
    return { theirs, mine };
  };

  const CUSTOM_QUERIES: Record<string, () => Promise<void>> = {
    salesFunnel: async () => {
      // The funnel counts only the opportunities the LEADER reads, whatever subtree is asked about.
      const q = (unit: number) => `{ salesFunnel(orgUnitId: "${unit}") { total { count amount } } }`;
      const { units: u } = env().fixture;
      const total = async (unit: number, token = leader) =>
        ((await token(q(unit))).body.data!.salesFunnel as { total: { count: number } }).total.count;
      expect(await total(u.east)).toBeGreaterThanOrEqual(1);
      expect(await total(u.west)).toBe(0);
      expect(await total(u.west, admin)).toBeGreaterThanOrEqual(1);
      expect(await total(u.hq)).toBe(await total(u.east));
    },
    notifications: async () => {
      await ownNotifications();
    },
    unreadNotificationCount: async () => {
      await ownNotifications();
    },
    myInbox: async () => {
      // The LEADER is a recipient of a request on each side: their inbox shows the one inside their subtree only.
      const res = await leader('{ myInbox(first: 200) { id projectId } }');
      expect(res.body.errors).toBeUndefined();
      const ids = (res.body.data!.myInbox as Row[]).map((r) => r.id);
      const want = rows('DecisionRequest')
        .filter((r) => readable('DecisionRequest', r, world, units))
        .map((r) => r.id);
      expect(sorted(ids)).toEqual(sorted(want));
      expect(ids).toContain(String(s.requests.east));
      expect(ids).not.toContain(String(s.requests.west));
    },
    dashboard: async () => {
      // The figures count, and the cards list, in-scope records only (as the lists do); the admin's count more.
      const q =
        '{ dashboard { poolsByStatus { pools } poolsAwaitingApproval { id } decisionsThisWeek { id } ' +
        'endingDelegations { id } expiringCertifications { id } } }';
      const count = (res: GqlResult) =>
        (res.body.data!.dashboard as { poolsByStatus: Array<{ pools: number }> }).poolsByStatus.reduce(
          (n, p) => n + p.pools,
          0,
        );
      const res = await leader(q);
      expect(res.body.errors).toBeUndefined();
      expect(count(res)).toBe(expected('IncentivePool').length);
      expect(count(await admin(q))).toBe(rows('IncentivePool').length);
      expect(expected('IncentivePool').length).toBeLessThan(rows('IncentivePool').length);
      const cards = res.body.data!.dashboard as Record<string, Row[]>;
      for (const [type, field] of [
        ['IncentivePool', 'poolsAwaitingApproval'],
        ['Decision', 'decisionsThisWeek'],
        ['Delegation', 'endingDelegations'],
        ['Assessment', 'expiringCertifications'],
      ] as const) {
        const outside = cards[field]!.filter((r) => !expected(type).includes(String(r.id)));
        expect({ field, outside }).toEqual({ field, outside: [] });
      }
    },
    expiringCertifications: async () => {
      // Certifications ending soon of a person on each side (added for this check, removed after it): a LEADER lists
      // the in-scope people's only, as the assessment lists do; the admin lists all three.
      const em = env().dataSource.manager;
      const now = new Date();
      const made: number[] = [];
      for (const a of rows('Assessment').slice(0, 3)) {
        const source = await em.findOneByOrFail(Assessment, { id: Number(a.id) });
        const { id: _id, ...copy } = source;
        made.push(
          Number(
            (
              await em.insert(Assessment, {
                ...copy,
                certifies: true,
                levelReached: 1,
                assessedAt: new Date(now.getTime() - 86_400_000),
                validUntil: new Date(now.getTime() + 10 * 86_400_000),
              } as never)
            ).identifiers[0]!.id,
          ),
        );
      }
      try {
        const q = '{ expiringCertifications(withinDays: 30) { totalCount nodes { assessmentId personId } } }';
        const res = await leader(q);
        expect(res.body.errors).toBeUndefined();
        const page = res.body.data!.expiringCertifications as {
          totalCount: number;
          nodes: Array<{ assessmentId: string; personId: string }>;
        };
        const people = new Set(expected('Person'));
        const want = rows('Assessment')
          .slice(0, 3)
          .filter((a) => people.has(String(a.personId)))
          .map((a) => String(a.personId));
        expect(sorted(page.nodes.map((n) => n.personId))).toEqual(sorted(want));
        expect(page.totalCount).toBe(want.length);
        const all = (await admin(q)).body.data!.expiringCertifications as { totalCount: number };
        expect(all.totalCount).toBe(3);
        expect(want.length).toBeLessThan(3);
      } finally {
        await em.delete(Assessment, made);
      }
    },
    me: async () => {
      const res = await leader('{ me { id role } }');
      expect(res.body.data!.me).toMatchObject({ role: 'LEADER' });
    },
    companySettings: async () => {
      // Company-wide policy, not org data: a LEADER reads the one record as an administrator does.
      const q = '{ companySettings { id version materialChangeShare sponsorConflictOfInterest } }';
      const res = await leader(q);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.companySettings).toEqual((await admin(q)).body.data!.companySettings);
    },
    authorityChanges: async () => {
      // The change feed spans every org unit (each change with its before and after): administrators and tokens with
      // "read:changes" only, so a LEADER reads none of it, not even the entries of an in-scope record. (The same
      // rule holds for the subscription authorityChanged: test/change-feed.test.ts.)
      const inside = rows('Person').find((p) => readable('Person', p, world, units))!;
      for (const q of [
        '{ authorityChanges { nodes { revision } } }',
        `{ authorityChanges(recordType: "Person", recordId: "${inside.id}") { nodes { revision } revision } }`,
      ]) {
        const res = await leader(q);
        expect({ q, code: codeOf(res), data: res.body.data ?? null }).toEqual({ q, code: 'FORBIDDEN', data: null });
      }
    },
    qualificationStatus: async () => {
      for (const person of rows('Person')) {
        const res = await leader(`{ qualificationStatus(personId: "${person.id}", role: AR) { personId level } }`);
        expect({ person: person.id, code: codeOf(res) ?? 'OK' }).toEqual({
          person: person.id,
          code: readable('Person', person, world, units) ? 'OK' : 'NOT_FOUND',
        });
      }
      expect(codeOf(await leader('{ qualificationStatus(personId: "99999", role: AR) { level } }'))).toBe('NOT_FOUND');
    },
    qualifiedPeople: async () => {
      // Talent search answers only with people in scope, whatever the org unit asked for.
      for (const unit of [null, ...rows('OrgUnit').map((u) => u.id)]) {
        const res = await leader(
          `{ qualifiedPeople(role: AR, minLevel: 1${unit ? `, orgUnitId: "${unit}"` : ''}) { personId } }`,
        );
        expect(res.body.errors).toBeUndefined();
        const people = rows('Person');
        for (const { personId } of res.body.data!.qualifiedPeople as Array<{ personId: string }>)
          expect({
            personId,
            readable: readable(
              'Person',
              people.find((p) => p.id === personId)!,
              world,
              units,
            ),
          }).toEqual({ personId, readable: true });
      }
    },
    qualifiedPeoplePage: async () => {
      const res = await leader('{ qualifiedPeoplePage(role: AR, minLevel: 1) { totalCount items { personId } } }');
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data!.qualifiedPeoplePage as { totalCount: number; items: Array<{ personId: string }> };
      const people = rows('Person');
      // The administrator finds the people on both sides of the line; the LEADER those inside it.
      const everyone = await admin('{ qualifiedPeoplePage(role: AR, minLevel: 1) { items { personId } } }');
      const all = (everyone.body.data!.qualifiedPeoplePage as { items: Array<{ personId: string }> }).items;
      const inside = all.filter((i) =>
        readable(
          'Person',
          people.find((p) => p.id === i.personId)!,
          world,
          units,
        ),
      );
      expect(inside.length).toBeGreaterThan(0);
      expect(all.length).toBeGreaterThan(inside.length);
      expect(sorted(page.items.map((i) => i.personId))).toEqual(sorted(inside.map((i) => i.personId)));
      expect(
        page.items.filter(
          (i) =>
            !readable(
              'Person',
              people.find((p) => p.id === i.personId)!,
              world,
              units,
            ),
        ),
      ).toEqual([]);
      expect(page.totalCount).toBe(page.items.length);
    },
    keyAccountWarnings: async () => {
      // The LEADER owns the east relationship, plan actions on the west (create cases): only the customer in scope
      // is warned about.
      const res = await leader('{ keyAccountWarnings { customer { id } codes } }');
      const ids = (res.body.data!.keyAccountWarnings as Array<{ customer: { id: string } }>).map((w) => w.customer.id);
      expect(sorted(ids)).toEqual(
        sorted(
          rows('Customer')
            .filter((c) => readable('Customer', c, world, units) && c.id === String(s.customers.east))
            .map((c) => c.id),
        ),
      );
    },
    staffingMinimumLevel: async () => {
      // A project out of scope is not found; one in scope answers.
      for (const project of rows('Project')) {
        const res = await leader(`{ staffingMinimumLevel(projectId: "${project.id}", role: AR) }`);
        expect({ project: project.id, code: codeOf(res) ?? 'OK' }).toEqual({
          project: project.id,
          code: readable('Project', project, world, units) ? 'OK' : 'NOT_FOUND',
        });
      }
    },
    recordVersion: async () => {
      // A version is the record's: in scope it answers, outside it is not found (as the record itself).
      for (const type of ['Delegation', 'Project', 'Person'] as const) {
        for (const row of rows(type)) {
          const res = await leader(
            `{ recordVersion(recordType: "${type}", recordId: "${row.id}") { revision after } }`,
          );
          const inScope = readable(type, row, world, units);
          expect({ type, id: row.id, code: codeOf(res) ?? 'OK' }).toEqual({
            type,
            id: row.id,
            code: inScope ? 'OK' : 'NOT_FOUND',
          });
          if (inScope) expect((res.body.data!.recordVersion as { after: Row }).after.id).toBe(Number(row.id));
        }
      }
    },
    delegationImpact: async () => {
      const delegations = rows('Delegation');
      for (const d of delegations) {
        const res = await leader(`{ delegationImpact(id: "${d.id}") { id } }`);
        if (!readable('Delegation', d, world, units)) {
          expect({ id: d.id, code: codeOf(res) }).toEqual({ id: d.id, code: 'NOT_FOUND' });
          continue;
        }
        // It and everything derived from it (from the seed's links), as far as the LEADER may see.
        const family = new Set([d.id]);
        for (let grew = true; grew;) {
          grew = false;
          for (const c of delegations)
            if (c.sourceDelegationId && family.has(c.sourceDelegationId) && !family.has(c.id))
              grew = !!family.add(c.id);
        }
        const want = sorted(
          [...family].filter((id) => readable('Delegation', world.get('Delegation')!.get(id)!, world, units)),
        );
        expect({ id: d.id, ids: sorted((res.body.data!.delegationImpact as Row[]).map((r) => r.id)) }).toEqual({
          id: d.id,
          ids: want,
        });
      }
    },
    authorize: async () => {
      const me = String(env().fixture.people.leader);
      for (const project of rows('Project')) {
        const res = await leader(
          `{ authorize(input: { personId: "${me}", decisionPoint: ATB, projectId: "${project.id}" }) { allowed } }`,
        );
        expect({ project: project.id, code: codeOf(res) ?? 'OK' }).toEqual({
          project: project.id,
          code: readable('Project', project, world, units) ? 'OK' : 'NOT_FOUND',
        });
      }
      for (const person of rows('Person')) {
        const res = await leader(
          `{ authorize(input: { personId: "${person.id}", decisionPoint: ATB, projectId: "${s.projects.east}" }) {
            allowed } }`,
        );
        expect({ person: person.id, code: codeOf(res) ?? 'OK' }).toEqual({
          person: person.id,
          code: readable('Person', person, world, units) ? 'OK' : 'NOT_FOUND',
        });
      }
      for (const unit of rows('OrgUnit')) {
        const res = await leader(
          `{ authorize(input: { personId: "${me}", decisionPoint: ATB, grade: III, orgUnitId: "${unit.id}", amount:
            "1.00", currency: "CNY" }) { allowed } }`,
        );
        expect({ unit: unit.id, code: codeOf(res) ?? 'OK' }).toEqual({
          unit: unit.id,
          code: units.subtree.has(unit.id) ? 'OK' : 'FORBIDDEN',
        });
      }
    },
    whoMayDecide: async () => {
      const people = new Set(expected('Person'));
      const rules = new Set(expected('AuthorityRule'));
      const delegations = new Set(expected('Delegation'));
      for (const project of rows('Project')) {
        const res = await leader(
          `{ whoMayDecide(input: { decisionPoint: ATB, projectId: "${project.id}" }) { personId person { id } chains {
            links { kind id } } } }`,
        );
        if (!readable('Project', project, world, units)) {
          expect({ project: project.id, code: codeOf(res) }).toEqual({ project: project.id, code: 'NOT_FOUND' });
          continue;
        }
        expect(res.body.errors).toBeUndefined();
        for (const d of res.body.data!.whoMayDecide as Array<{
          personId: string;
          person: { id: string } | null;
          chains: Array<{ links: Array<{ kind: string; id: string }> }>;
        }>) {
          expect({ person: d.personId, shown: d.person !== null }).toEqual({
            person: d.personId,
            shown: people.has(d.personId),
          });
          for (const link of d.chains.flatMap((c) => c.links)) {
            expect({ link, readable: (link.kind === 'RULE' ? rules : delegations).has(link.id) }).toEqual({
              link,
              readable: true,
            });
          }
        }
      }
      for (const unit of rows('OrgUnit')) {
        const res = await leader(
          `{ whoMayDecide(input: { decisionPoint: ATB, grade: III, orgUnitId: "${unit.id}", amount: "1.00", currency:
            "CNY" }) { personId } }`,
        );
        expect({ unit: unit.id, code: codeOf(res) ?? 'OK' }).toEqual({
          unit: unit.id,
          code: units.subtree.has(unit.id) ? 'OK' : 'FORBIDDEN',
        });
      }
    },
    whoMayDecidePage: async () => {
      const people = new Set(expected('Person'));
      for (const project of rows('Project')) {
        const res = await leader(
          `{ whoMayDecidePage(input: { decisionPoint: ATB, projectId: "${project.id}" }, first: 50) { totalCount
            items { personId person { id } chains { links { kind id } } } } }`,
        );
        if (!readable('Project', project, world, units)) {
          expect({ project: project.id, code: codeOf(res) }).toEqual({ project: project.id, code: 'NOT_FOUND' });
          continue;
        }
        expect(res.body.errors).toBeUndefined();
        const page = res.body.data!.whoMayDecidePage as {
          totalCount: number;
          items: Array<{ personId: string; person: { id: string } | null }>;
        };
        expect(page.items).toHaveLength(page.totalCount);
        for (const d of page.items)
          expect({ person: d.personId, shown: d.person !== null }).toEqual({
            person: d.personId,
            shown: people.has(d.personId),
          });
      }
      for (const unit of rows('OrgUnit')) {
        const res = await leader(
          `{ whoMayDecidePage(input: { decisionPoint: ATB, grade: III, orgUnitId: "${unit.id}", amount: "1.00",
            currency: "CNY" }) { totalCount } }`,
        );
        expect({ unit: unit.id, code: codeOf(res) ?? 'OK' }).toEqual({
          unit: unit.id,
          code: units.subtree.has(unit.id) ? 'OK' : 'FORBIDDEN',
        });
      }
    },
    authorizeMany: async () => {
      // As authorize, case by case: the refused input is named by its path; the in-scope one beside it changes nothing.
      const me = String(env().fixture.people.leader);
      const inScope = { personId: me, decisionPoint: 'ATB', projectId: String(s.projects.east) };
      const batch = (second: Record<string, unknown>) =>
        leader('query($inputs: [AuthorizeInput!]!) { authorizeMany(inputs: $inputs) { allowed } }', {
          inputs: [inScope, second],
        });
      const outcome = (res: GqlResult) => {
        const error = res.body.errors?.[0];
        if (!error) return 'OK';
        const fields = Object.keys((error.extensions?.fieldErrors as object | undefined) ?? {});
        return `${String(error.extensions?.code)} ${String(error.extensions?.field ?? fields[0] ?? error.message)}`;
      };
      for (const project of rows('Project')) {
        const res = await batch({ personId: me, decisionPoint: 'ATB', projectId: project.id });
        expect({ project: project.id, outcome: outcome(res) }).toEqual({
          project: project.id,
          outcome: readable('Project', project, world, units) ? 'OK' : 'NOT_FOUND inputs[1].projectId',
        });
      }
      for (const person of rows('Person')) {
        const res = await batch({ personId: person.id, decisionPoint: 'ATB', projectId: String(s.projects.east) });
        expect({ person: person.id, outcome: outcome(res) }).toEqual({
          person: person.id,
          outcome: readable('Person', person, world, units) ? 'OK' : 'NOT_FOUND inputs[1].personId',
        });
      }
      for (const unit of rows('OrgUnit')) {
        const res = await batch({
          personId: me,
          decisionPoint: 'ATB',
          grade: 'III',
          orgUnitId: unit.id,
          amount: '1.00',
          currency: 'CNY',
        });
        expect({ unit: unit.id, outcome: outcome(res).split(':')[0] }).toEqual({
          unit: unit.id,
          outcome: units.subtree.has(unit.id) ? 'OK' : 'FORBIDDEN inputs[1].orgUnitId',
        });
      }
    },
    decisionRights: async () => {
      const rules = new Set(expected('AuthorityRule'));
      const delegations = new Set(expected('Delegation'));
      let shown = 0;
      for (const person of rows('Person')) {
        const res = await leader(
          `{ decisionRights(personId: "${person.id}") { scopeOrgUnitId scopeOrgUnit { id } chain { links { kind id } }
            } }`,
        );
        if (!readable('Person', person, world, units)) {
          expect({ person: person.id, code: codeOf(res) }).toEqual({ person: person.id, code: 'NOT_FOUND' });
          continue;
        }
        expect(res.body.errors).toBeUndefined();
        for (const right of res.body.data!.decisionRights as Array<{
          scopeOrgUnitId: string;
          scopeOrgUnit: { id: string } | null;
          chain: { links: Array<{ kind: string; id: string }> };
        }>) {
          shown++;
          // Org units are open reference data: the nested unit is always shown.
          expect(right.scopeOrgUnit?.id).toBe(right.scopeOrgUnitId);
          for (const link of right.chain.links)
            expect({ link, readable: (link.kind === 'RULE' ? rules : delegations).has(link.id) }).toEqual({
              link,
              readable: true,
            });
        }
      }
      expect(shown).toBeGreaterThan(0);
    },
  };

  const poolStep = (op: string) => async () => {
    for (const pool of rows('IncentivePool')) {
      if (writable('IncentivePool', pool, world, units)) continue;
      const before = await versionOf('IncentivePool', pool.id);
      const res = await leader(`mutation { ${op}(id: "${pool.id}") { id } }`);
      expect({ op, pool: pool.id, code: codeOf(res) }).toEqual({
        op,
        pool: pool.id,
        code: readable('IncentivePool', pool, world, units) ? 'FORBIDDEN' : 'NOT_FOUND',
      });
      expect(await versionOf('IncentivePool', pool.id)).toBe(before);
    }
  };

  const CUSTOM_MUTATIONS: Record<string, () => Promise<void>> = {
    recordStakeholderAttitude: async () => {
      // Outside: not found, nothing appended; inside: appended.
      const em = env().dataSource.manager;
      for (const row of rows('Stakeholder')) {
        const before = await em.countBy(StakeholderAttitude, { stakeholderId: Number(row.id) });
        const res = await leader(
          `mutation { recordStakeholderAttitude(stakeholderId: "${row.id}", attitude: 1) { id } }`,
        );
        const inside = readable('Stakeholder', row, world, units);
        expect({ id: row.id, code: codeOf(res) ?? 'OK' }).toEqual({ id: row.id, code: inside ? 'OK' : 'NOT_FOUND' });
        expect(await em.countBy(StakeholderAttitude, { stakeholderId: Number(row.id) })).toBe(
          before + (inside ? 1 : 0),
        );
      }
    },
    // The steps of a lead or an opportunity out of scope answer as for none, and change nothing.
    verifyLead: async () => {
      expect(codeOf(await leader(`mutation { verifyLead(id: "${s.leads.west}") { id } }`))).toBe('NOT_FOUND');
      expect((await env().dataSource.manager.findOneByOrFail(Lead, { id: s.leads.west })).verifiedById).toBeNull();
    },
    dropLead: async () => {
      const res = await leader(`mutation { dropLead(id: "${s.leads.west}", reason: "x") { id } }`);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect((await env().dataSource.manager.findOneByOrFail(Lead, { id: s.leads.west })).status).toBe('OPEN');
    },
    convertLeadToOpportunity: async () => {
      const res = await leader(`mutation { convertLeadToOpportunity(leadId: "${s.leads.west}") { id } }`);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect((await env().dataSource.manager.findOneByOrFail(Lead, { id: s.leads.west })).status).toBe('OPEN');
    },
    createProjectFromOpportunity: async () => {
      const id = s.opportunities.west;
      const res = await leader(`mutation { createProjectFromOpportunity(opportunityId: "${id}") { id } }`);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect((await env().dataSource.manager.findOneByOrFail(Opportunity, { id })).projectId).toBeNull();
    },
    markNotificationsRead: async () => {
      const { theirs } = await ownNotifications();
      const res = await leader(`mutation { markNotificationsRead(ids: ["${theirs}"]) }`);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect((await env().dataSource.manager.findOneByOrFail(Notification, { id: theirs })).readAt).toBeNull();
      // Marking all marks the caller's only.
      expect(codeOf(await leader('mutation { markNotificationsRead }'))).toBeUndefined();
      expect((await env().dataSource.manager.findOneByOrFail(Notification, { id: theirs })).readAt).toBeNull();
    },
    importRecords: async () => {
      // The importable types (people, org units) are administrators' records: a leader imports none of them.
      for (const type of ['PERSON', 'ORG_UNIT']) {
        const res = await leader(
          'mutation($type: ImportType!, $rows: [JSON!]!) { ' +
            'importRecords(type: $type, rows: $rows, dryRun: true) { total } }',
          { type, rows: [{}] },
        );
        expect({ type, code: codeOf(res) }).toEqual({ type, code: 'FORBIDDEN' });
      }
    },
    scheduleReassessments: async () => {
      // Qualifications are HR's to write: a LEADER schedules nothing, in scope or not.
      for (const a of rows('Assessment')) {
        const res = await leader(
          'mutation($items: [ScheduleReassessmentInput!]!) { scheduleReassessments(items: $items) { id } }',
          { items: [{ assessmentId: a.id, dueAt: new Date(Date.now() + 86_400_000).toISOString() }] },
        );
        expect({ id: a.id, code: codeOf(res) }).toEqual({ id: a.id, code: 'FORBIDDEN' });
      }
    },
    cancelReassessment: async () => {
      // Qualifications are HR's to write: a LEADER cancels nothing (the schedule's existence is not even probed).
      const res = await leader('mutation { cancelReassessment(id: "1") { id } }');
      expect(codeOf(res)).toBe('FORBIDDEN');
    },
    runReminders: async () => {
      // Operators' sweep over every org unit: administrators only.
      expect(codeOf(await leader('mutation { runReminders { notified } }'))).toBe('FORBIDDEN');
    },
    requestDecision: async () => {
      const count = async () =>
        (
          (await admin('{ _allDecisionRequestsMeta { count } }')).body.data!._allDecisionRequestsMeta as {
            count: number;
          }
        ).count;
      const before = await count();
      for (const project of rows('Project')) {
        if (readable('Project', project, world, units)) continue;
        const res = await leader('mutation($input: RequestDecisionInput!) { requestDecision(input: $input) { id } }', {
          input: { projectId: project.id, decisionPoint: 'ATI' },
        });
        expect({ project: project.id, code: codeOf(res) }).toEqual({ project: project.id, code: 'NOT_FOUND' });
      }
      expect(await count()).toBe(before);
    },
    withdrawDecisionRequest: async () => {
      for (const r of rows('DecisionRequest')) {
        if (readable('DecisionRequest', r, world, units)) continue;
        const before = await versionOf('DecisionRequest', r.id);
        const res = await leader(`mutation { withdrawDecisionRequest(id: "${r.id}") { id } }`);
        expect({ id: r.id, code: codeOf(res) }).toEqual({ id: r.id, code: 'NOT_FOUND' });
        expect(await versionOf('DecisionRequest', r.id)).toBe(before);
      }
    },
    decideRequest: async () => {
      // The LEADER is a recipient of every seeded request: outside the subtree they are still not found.
      for (const r of rows('DecisionRequest')) {
        if (readable('DecisionRequest', r, world, units)) continue;
        const before = await versionOf('DecisionRequest', r.id);
        const res = await leader(`mutation { decideRequest(id: "${r.id}", action: APPROVE) { id } }`);
        expect({ id: r.id, code: codeOf(res) }).toEqual({ id: r.id, code: 'NOT_FOUND' });
        expect(await versionOf('DecisionRequest', r.id)).toBe(before);
      }
    },
    escalateOverdueRequests: async () => {
      // An operator's step: administrators only, whatever the subtree.
      const res = await leader('mutation { escalateOverdueRequests(at: "2999-01-01T00:00:00.000Z") { id } }');
      expect(codeOf(res)).toBe('FORBIDDEN');
      for (const r of rows('DecisionRequest'))
        expect(
          (
            (await admin(`{ DecisionRequest(id: "${r.id}") { escalationLevel } }`)).body.data!.DecisionRequest as {
              escalationLevel: number;
            }
          ).escalationLevel,
        ).toBe(0);
    },
    login: async () => {
      // Public; answers only about the caller's own credentials.
      expect(
        codeOf(await env().gql('mutation { login(email: "leader@test.local", password: "wrong") { token } }')),
      ).toBe('UNAUTHENTICATED');
    },
    createApiToken: async () => {
      expect(codeOf(await leader('mutation { createApiToken(name: "x", scopes: ["read"]) { id } }'))).toBe('FORBIDDEN');
    },
    logout: async () => {
      // Ends the caller's own sessions and nobody else's. A second LEADER signs in and out (the walk's own LEADER
      // token must outlive this case).
      const e = env();
      const password = 'walk-second-leader-9f3k';
      const made = await e.gql(
        'mutation($p: String!, $who: ID!) { createUser(email: "second.leader@test.local", password: $p, ' +
          'role: LEADER, personId: $who) { id } }',
        { p: password, who: String(e.fixture.people.leader) },
        { token: e.tokens.admin },
      );
      expect(made.body.errors).toBeUndefined();
      const signedIn = await e.gql<{ login: { token: string } }>(
        'mutation($p: String!) { login(email: "second.leader@test.local", password: $p) { token } }',
        { p: password },
      );
      const token = signedIn.body.data!.login.token;
      expect((await e.gql<{ logout: boolean }>('mutation { logout }', {}, { token })).body.data!.logout).toBe(true);
      expect(codeOf(await e.gql('{ me { id } }', {}, { token }))).toBe('UNAUTHENTICATED');
      for (const other of [e.tokens.leader, e.tokens.admin, e.tokens.viewer])
        expect((await e.gql('{ me { id } }', {}, { token: other })).body.errors).toBeUndefined();
    },
    fundPool: poolStep('fundPool'),
    approvePool: poolStep('approvePool'),
    lockPool: poolStep('lockPool'),
    allocatePool: async () => {
      await poolStep('allocatePool')();
      for (const pool of rows('IncentivePool')) {
        const res = await leader(`mutation { allocatePool(id: "${pool.id}", preview: true) { id } }`);
        // A draft cannot be allocated: in scope the domain answers; outside, nothing is found.
        expect({ pool: pool.id, code: codeOf(res) }).toEqual({
          pool: pool.id,
          code: readable('IncentivePool', pool, world, units) ? 'POOL.INVALID_TRANSITION' : 'NOT_FOUND',
        });
      }
    },
    createAdjustmentPool: async () => {
      const count = async () =>
        ((await admin('{ _allIncentivePoolsMeta { count } }')).body.data!._allIncentivePoolsMeta as { count: number })
          .count;
      const before = await count();
      await poolStep('createAdjustmentPool')();
      expect(await count()).toBe(before);
    },
    createFrameworkVersion: async () => {
      // Frameworks are org-wide reference data a LEADER reads but never writes: refused, no version made.
      const count = async () =>
        (
          (await admin('{ _allQualificationFrameworksMeta { count } }')).body.data!._allQualificationFrameworksMeta as {
            count: number;
          }
        ).count;
      const before = await count();
      for (const f of rows('QualificationFramework')) {
        const res = await leader(`mutation { createFrameworkVersion(frameworkId: "${f.id}") { id } }`);
        expect({ id: f.id, code: codeOf(res) }).toEqual({ id: f.id, code: 'FORBIDDEN' });
      }
      expect(await count()).toBe(before);
    },
    publishFramework: async () => {
      for (const f of rows('QualificationFramework')) {
        const before = await versionOf('QualificationFramework', f.id);
        const res = await leader(`mutation { publishFramework(id: "${f.id}", version: ${before}) { id } }`);
        expect({ id: f.id, code: codeOf(res) }).toEqual({ id: f.id, code: 'FORBIDDEN' });
        expect(await versionOf('QualificationFramework', f.id)).toBe(before);
      }
    },
    newRoleModelDraft: async () => {
      // Role models are org-wide reference data a LEADER reads but never writes: refused, no draft made.
      const count = async () =>
        (
          (await admin('{ _allRoleModelVersionsMeta { count } }')).body.data!._allRoleModelVersionsMeta as {
            count: number;
          }
        ).count;
      const before = await count();
      for (const v of rows('RoleModelVersion')) {
        const res = await leader(`mutation { newRoleModelDraft(fromVersionId: "${v.id}") { id } }`);
        expect({ id: v.id, code: codeOf(res) }).toEqual({ id: v.id, code: 'FORBIDDEN' });
      }
      expect(await count()).toBe(before);
    },
    publishRoleModelVersion: async () => {
      for (const v of rows('RoleModelVersion')) {
        const before = await versionOf('RoleModelVersion', v.id);
        const res = await leader(`mutation { publishRoleModelVersion(id: "${v.id}", version: ${before}) { id } }`);
        expect({ id: v.id, code: codeOf(res) }).toEqual({ id: v.id, code: 'FORBIDDEN' });
        expect(await versionOf('RoleModelVersion', v.id)).toBe(before);
      }
    },
    revokeDelegation: async () => {
      for (const d of rows('Delegation')) {
        if (writable('Delegation', d, world, units)) continue;
        const res = await leader(`mutation { revokeDelegation(id: "${d.id}", reason: "scope walk") { id } }`);
        expect({ id: d.id, code: codeOf(res) }).toEqual({
          id: d.id,
          code: readable('Delegation', d, world, units) ? 'FORBIDDEN' : 'NOT_FOUND',
        });
        const after = await admin(`{ Delegation(id: "${d.id}") { revokedAt } }`);
        expect((after.body.data!.Delegation as { revokedAt: string | null }).revokedAt).toBeNull();
      }
    },
    updateCompanySettings: async () => {
      // Administrators alone change the company settings, whatever the subtree: refused, nothing changed.
      const q = '{ companySettings { version sponsorConflictOfInterest } }';
      const before = (await admin(q)).body.data!.companySettings as { version: number };
      const res = await leader(
        `mutation { updateCompanySettings(version: ${before.version}, input: { sponsorConflictOfInterest: true }) {
          version } }`,
      );
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect((await admin(q)).body.data!.companySettings).toEqual(before);
    },
    recordDecision: async () => {
      const count = async () =>
        ((await admin('{ _allDecisionsMeta { count } }')).body.data!._allDecisionsMeta as { count: number }).count;
      const before = await count();
      for (const project of rows('Project')) {
        if (readable('Project', project, world, units)) continue;
        const res = await leader('mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }', {
          input: {
            projectId: project.id,
            decisionPoint: 'ATI',
            outcome: 'APPROVED',
            deciderId: String(env().fixture.people.leader),
            idempotencyKey: `walk-${project.id}`,
          },
        });
        expect({ project: project.id, code: codeOf(res) }).toEqual({ project: project.id, code: 'NOT_FOUND' });
      }
      expect(await count()).toBe(before);
    },
    upsertProject: async () => {
      const u = env().fixture.units;
      for (const project of rows('Project')) {
        if (readable('Project', project, world, units)) continue;
        const ref =
          project.id === String(s.projects.west) ? 'SW-WEST' : project.id === String(s.projects.hq) ? 'SW-HQ' : null;
        if (!ref) continue;
        const before = await versionOf('Project', project.id);
        const res = await leader(
          `mutation { upsertProject(externalRef: "${ref}", input: { name: "taken", orgUnitId: "${u.eastOffice}",
            stage: "LEAD", amount: "1.00", currency: "CNY" }) { id } }`,
        );
        expect({ ref, code: codeOf(res) }).toEqual({ ref, code: 'NOT_FOUND' });
        expect(await versionOf('Project', project.id)).toBe(before);
      }
    },
  };

  test.each(Object.keys(CUSTOM_QUERIES))('query %s: answers only with in-scope records', async (name) => {
    world = await loadWorld(env());
    await CUSTOM_QUERIES[name]!();
  });

  test.each(Object.keys(CUSTOM_MUTATIONS))(
    'mutation %s: refused outside the subtree, nothing changed',
    async (name) => {
      world = await loadWorld(env());
      await CUSTOM_MUTATIONS[name]!();
    },
  );

  test('the issue #10 reproductions: HQ bodies are read-only, pools and comments outside stay hidden', async () => {
    const e = env();
    // A LEADER cannot lower HQ's body to a quorum of one seat they hold, nor create a body at HQ.
    const body = await leader(
      `mutation { updateDecisionBody(id: "${s.bodies.hq}", version: 1, quorum: "AT_LEAST 1") { id } }`,
    );
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(
      ((await admin(`{ DecisionBody(id: "${s.bodies.hq}") { quorum } }`)).body.data!.DecisionBody as { quorum: string })
        .quorum,
    ).toBe('ALL_FIXED');
    const created = await leader(
      `mutation { createDecisionBody(name: "mine", quorum: "AT_LEAST 1", orgUnitId: "${e.fixture.units.hq}", seats: [{
        title: "BUSINESS_DEPT_DIRECTOR", fixed: true }]) { id } }`,
    );
    expect(codeOf(created)).toBe('FORBIDDEN');
    // The HQ body is readable (it decides on the LEADER's grade I projects).
    expect((await leader(`{ DecisionBody(id: "${s.bodies.hq}") { id } }`)).body.data!.DecisionBody).not.toBeNull();
    const pool = await leader(
      `{ allPoolMembers(filter: { poolId: "${s.pools.west}" }) { share } PoolMember(id: "1") { id }
        _allPoolMembersMeta(filter: { poolId: "${s.pools.west}" }) { count } allPoolMetrics(filter: { poolId:
        "${s.pools.west}" }) { target } }`,
    );
    expect(pool.body.data).toMatchObject({ allPoolMembers: [], _allPoolMembersMeta: { count: 0 }, allPoolMetrics: [] });
    const comments = await leader('{ allDecisions(perPage: 500) { comment } }');
    expect((comments.body.data!.allDecisions as Array<{ comment: string }>).map((d) => d.comment)).not.toContain(
      'west-secret',
    );
    expect(codeOf(await leader(`{ delegationImpact(id: "${s.delegations.west}") { id } }`))).toBe('NOT_FOUND');
    expect((await leader(`{ Delegation(id: "${s.delegations.west}") { id } }`)).body.data!.Delegation).toBeNull();
  });
});

function placeholder(type: import('graphql').GraphQLInputType): string {
  return placeholderLiteral(type, '"1"');
}
