// Create, read, list, count, update (with a stale version refused) and delete for every record type.
import { describeOnDatabases, TestEnv } from './support/databases';
import { args, en } from './support/graphql';

type Ids = Record<string, string>;

interface RecordCase {
  type: string;
  plural: string;
  create(ids: Ids, env: TestEnv): Record<string, unknown>;
  update: Record<string, unknown>;
  /** A field to read back after the update, with its expected value. */
  check: [string, unknown];
  remove: 'hard' | 'archive' | 'end-date' | 'revoke' | 'none';
  /** Still referenced at the end (by end-dated history), so deleting it is refused. */
  stillInUse?: boolean;
}

const day = 86_400_000;
const past = (days: number) => new Date(Date.now() - days * day);

const CASES: RecordCase[] = [
  {
    type: 'OrgUnit',
    plural: 'OrgUnits',
    create: (_i, e) => ({
      name: 'Test office',
      code: 'T-OFF',
      kind: 'REP_OFFICE',
      parentId: String(e.fixture.units.east),
    }),
    update: { name: 'Test office 2' },
    check: ['name', 'Test office 2'],
    remove: 'hard',
  },
  {
    type: 'Person',
    plural: 'People',
    create: (_i, e) => ({
      employeeNo: 'T-1',
      name: 'Tess Test',
      orgUnitId: String(e.fixture.units.eastOffice),
      email: 'tess@test.local',
    }),
    update: { phone: '+86 21 5555' },
    check: ['phone', '+86 21 5555'],
    remove: 'archive',
  },
  {
    type: 'PositionAssignment',
    plural: 'PositionAssignments',
    create: (i, e) => ({
      personId: i.Person,
      title: 'INDUSTRY_HEAD',
      orgUnitId: String(e.fixture.units.eastOffice),
      validFrom: past(10),
    }),
    update: { title: 'INDUSTRY_CHIEF_ENGINEER' },
    check: ['title', 'INDUSTRY_CHIEF_ENGINEER'],
    remove: 'end-date',
  },
  {
    type: 'Customer',
    plural: 'Customers',
    create: (_i, e) => ({
      name: 'Test Customer',
      code: 'C-T',
      tier: en('A'),
      orgUnitId: String(e.fixture.units.eastOffice),
    }),
    update: { tier: en('S') },
    check: ['tier', 'S'],
    remove: 'hard',
    stillInUse: true,
  },
  {
    type: 'Stakeholder',
    plural: 'Stakeholders',
    create: (i) => ({
      customerId: i.Customer,
      name: 'Test stakeholder',
      decisionRole: en('DECISION_MAKER'),
      influence: en('MEDIUM'),
      attitude: 1,
    }),
    update: { influence: en('HIGH') },
    check: ['influence', 'HIGH'],
    remove: 'hard',
  },
  {
    type: 'RelationshipPlanAction',
    plural: 'RelationshipPlanActions',
    create: (i, e) => ({
      customerId: i.Customer,
      stakeholderId: i.Stakeholder,
      action: 'Test visit',
      ownerId: String(e.fixture.people.east1),
      dueDate: past(-7),
    }),
    update: { action: 'Test visit 2' },
    check: ['action', 'Test visit 2'],
    remove: 'hard',
  },
  {
    type: 'Project',
    plural: 'Projects',
    create: (i, e) => ({
      name: 'Test project',
      customerId: i.Customer,
      orgUnitId: String(e.fixture.units.eastOffice),
      stage: 'LEAD',
      amount: '1000.50',
      currency: 'CNY',
      gradeCriteria: { majorATierCustomerImpact: true },
    }),
    update: { amount: '2000.00' },
    check: ['amount', '2000.00'],
    remove: 'hard',
    stillInUse: true,
  },
  {
    type: 'RoleModel',
    plural: 'RoleModels',
    create: () => ({ role: en('AR'), name: 'AR model', nameZh: 'AR 模型' }),
    update: { name: 'AR model v' },
    check: ['name', 'AR model v'],
    remove: 'hard',
  },
  {
    type: 'RoleModelVersion',
    plural: 'RoleModelVersions',
    create: (i) => ({ roleModelId: i.RoleModel, versionNo: 1, status: 'PUBLISHED' }),
    update: { notes: 'first' },
    check: ['notes', 'first'],
    remove: 'hard',
  },
  {
    type: 'RoleModelDimension',
    plural: 'RoleModelDimensions',
    create: (i) => ({ roleModelVersionId: i.RoleModelVersion, code: 'SPD', name: 'Driver', nameZh: '主导者' }),
    update: { sortOrder: 2 },
    check: ['sortOrder', 2],
    remove: 'hard',
  },
  {
    type: 'QualificationFramework',
    plural: 'QualificationFrameworks',
    create: (i) => ({
      role: en('AR'),
      roleModelVersionId: i.RoleModelVersion,
      name: 'AR standard',
      validityMonths: 24,
      status: 'ACTIVE',
    }),
    update: { validityMonths: 12 },
    check: ['validityMonths', 12],
    remove: 'hard',
  },
  {
    type: 'QualificationLevel',
    plural: 'QualificationLevels',
    create: (i) => ({ frameworkId: i.QualificationFramework, level: 1, name: 'Beginner', nameZh: '初做者' }),
    update: { minProjects: 0 },
    check: ['minProjects', 0],
    remove: 'hard',
  },
  {
    type: 'LevelRequirement',
    plural: 'LevelRequirements',
    create: (i) => ({ levelId: i.QualificationLevel, dimensionCode: 'SPD', minProficiency: 2 }),
    update: { minProficiency: 1 },
    check: ['minProficiency', 1],
    remove: 'hard',
  },
  {
    type: 'Assessment',
    plural: 'Assessments',
    create: (i) => ({
      personId: i.Person,
      frameworkId: i.QualificationFramework,
      kind: en('PANEL'),
      assessedAt: past(5),
      ratings: [{ dimension: 'SPD', proficiency: 3, evidence: 'Led two bids.' }],
      completedProjects: 1,
    }),
    update: { comment: 'Reviewed.' },
    check: ['levelReached', 1],
    remove: 'hard',
  },
  {
    type: 'StaffingRule',
    plural: 'StaffingRules',
    create: () => ({ role: en('AR'), grade: en('II'), minLevel: 1, validFrom: past(100) }),
    update: { note: 'test' },
    check: ['note', 'test'],
    remove: 'end-date',
  },
  {
    type: 'TeamAppointment',
    plural: 'TeamAppointments',
    create: (i) => ({ projectId: i.Project, personId: i.Person, role: en('AR'), validFrom: past(1) }),
    update: { stage: 'LEAD' },
    check: ['stage', 'LEAD'],
    remove: 'end-date',
  },
  {
    type: 'DecisionBody',
    plural: 'DecisionBodies',
    create: (_i, e) => ({
      name: 'Test team',
      quorum: 'ALL_FIXED',
      grade: en('II'),
      orgUnitId: String(e.fixture.units.east),
      seats: [{ title: 'INDUSTRY_HEAD', fixed: true }],
    }),
    update: { quorum: 'MAJORITY' },
    check: ['quorum', 'MAJORITY'],
    remove: 'hard',
  },
  {
    type: 'AuthorityRule',
    plural: 'AuthorityRules',
    create: (_i, e) => ({
      name: 'Test rule',
      holderKind: en('POSITION'),
      holderTitle: 'BUSINESS_DEPT_DIRECTOR',
      holderOrgUnitId: String(e.fixture.units.east),
      decisionPoints: [en('ATB')],
      grades: [en('III')],
      scopeOrgUnitId: String(e.fixture.units.east),
      limit: '5000000.00',
      currency: 'CNY',
      validFrom: past(30),
      delegableDepth: 1,
    }),
    update: { limit: '6000000.00' },
    check: ['limit', '6000000.00'],
    remove: 'end-date',
  },
  {
    type: 'Delegation',
    plural: 'Delegations',
    create: (i, e) => ({
      sourceRuleId: i.AuthorityRule,
      delegatorId: String(e.fixture.people.leader),
      delegateId: String(e.fixture.people.east1),
      decisionPoints: [en('ATB')],
      grades: [en('III')],
      scopeOrgUnitId: String(e.fixture.units.eastOffice),
      limit: '1000000.00',
      currency: 'CNY',
      validFrom: past(1),
      reason: 'Testing delegation.',
    }),
    update: { reason: 'Testing it again.' },
    check: ['reason', 'Testing it again.'],
    remove: 'revoke',
  },
  {
    type: 'IncentivePool',
    plural: 'IncentivePools',
    create: (i, e) => ({
      name: 'Test pool',
      currency: 'CNY',
      teamKind: 'PROJECT',
      projectId: i.Project,
      orgUnitId: String(e.fixture.units.eastOffice),
      periodFrom: past(30),
      periodTo: new Date(Date.now() + 300 * day),
      baseAmount: '100000.00',
    }),
    update: { baseAmount: '120000.00' },
    check: ['baseAmount', '120000.00'],
    remove: 'hard',
  },
  {
    type: 'PoolMetric',
    plural: 'PoolMetrics',
    create: (i) => ({
      poolId: i.IncentivePool,
      metric: en('ORDERS'),
      target: '1000.00',
      actual: '800.00',
      weight: '1',
    }),
    update: { actual: '900.00' },
    check: ['actual', '900.00'],
    remove: 'hard',
  },
  {
    type: 'PoolMember',
    plural: 'PoolMembers',
    create: (i) => ({
      poolId: i.IncentivePool,
      personId: i.Person,
      role: en('AR'),
      weight: '1',
      coefficient: '1.0',
      participation: '1',
    }),
    update: { coefficient: '1.2' },
    check: ['coefficient', '1.2'],
    remove: 'hard',
  },
  {
    type: 'User',
    plural: 'Users',
    create: () => ({ email: 'New.User@Test.local', password: 'long-enough-passphrase', role: en('VIEWER') }),
    update: { role: en('HR') },
    check: ['role', 'HR'],
    remove: 'archive',
  },
];

// Deleting in reverse order of creation, so dependents go first.
describeOnDatabases('CRUD for every record type', (env) => {
  const ids: Ids = {};
  const versions: Record<string, number> = {};

  test.each(CASES.map((c) => [c.type, c]))('create, read, list, count and update %s', async (_name, c) => {
    const { gql, tokens } = env();
    const created = await gql<Record<string, { id: string; version: number }>>(
      `mutation { r: create${c.type}(${args(c.create(ids, env()))}) { id version } }`,
      {},
      { token: tokens.admin },
    );
    expect(created.body.errors).toBeUndefined();
    const { id, version } = created.body.data!.r!;
    expect(version).toBe(1);
    ids[c.type] = id;

    const reader = c.type === 'User' ? tokens.admin : tokens.viewer;
    const read = await gql<Record<string, { id: string } | null>>(
      `query($id: ID!) { r: ${c.type}(id: $id) { id } }`,
      { id },
      { token: reader },
    );
    expect(read.body.data?.r?.id).toBe(id);
    const list = await gql<Record<string, unknown>>(
      `query($ids: [ID!]) { l: all${c.plural}(filter: { ids: $ids }, sortField: "id", sortOrder: "DESC", perPage: 5) {
        id } m: _all${c.plural}Meta(filter: { ids: $ids }) { count } }`,
      { ids: [id] },
      { token: reader },
    );
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data).toEqual({ l: [{ id }], m: { count: 1 } });

    const [field, expected] = c.check;
    const updated = await gql<Record<string, Record<string, unknown>>>(
      `mutation { r: update${c.type}(${args({ id, version: 1, ...c.update })}) { version ${field} } }`,
      {},
      { token: tokens.admin },
    );
    expect(updated.body.errors).toBeUndefined();
    expect(updated.body.data!.r).toEqual({ version: 2, [field]: expected });
    versions[c.type] = 2;
    const stale = await gql(
      `mutation { r: update${c.type}(${args({ id, version: 1, ...c.update })}) { id } }`,
      {},
      { token: tokens.admin },
    );
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  test('a record others depend on is not deleted', async () => {
    const { gql, tokens } = env();
    const res = await gql(`mutation { deleteCustomer(id: "${ids.Customer}") { id } }`, {}, { token: tokens.admin });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('RECORD_IN_USE');
    expect(res.body.errors?.[0]?.message).toMatch(
      /1 projects, 1 stakeholders, 1 relationship plan actions refer to it/,
    );
  });

  test.each([...CASES].reverse().map((c) => [c.type, c]))('delete %s', async (_name, c) => {
    const { gql, tokens } = env();
    const id = ids[c.type];
    const res = await gql<Record<string, Record<string, unknown>>>(
      `mutation { r: delete${c.type}(id: "${id}") { id } }`,
      {},
      { token: tokens.admin },
    );
    if (c.stillInUse) {
      // The end-dated team appointment is history that keeps pointing at the project (and it at the customer).
      expect(res.body.errors?.[0]?.extensions?.code).toBe('RECORD_IN_USE');
      return;
    }
    expect(res.body.errors).toBeUndefined();
    const after = await gql<Record<string, Record<string, unknown> | null>>(
      `{ r: ${c.type}(id: "${id}") { id } }`,
      {},
      { token: tokens.admin },
    );
    if (c.remove === 'hard') expect(after.body.data!.r).toBeNull();
    else expect(after.body.data!.r).toEqual({ id }); // kept: archived, end-dated or revoked
  });

  test('archived people leave lists unless asked for; end-dated and revoked records say so', async () => {
    const { gql, tokens } = env();
    const people = await gql<{ a: Array<{ id: string }>; b: Array<{ id: string; archivedAt: string | null }> }>(
      `query($ids: [ID!]) { a: allPeople(filter: { ids: $ids }) { id } b: allPeople(filter: { ids: $ids,
        includeArchived: true }) { id archivedAt } }`,
      { ids: [ids.Person] },
      { token: tokens.admin },
    );
    expect(people.body.data!.a).toEqual([]);
    expect(people.body.data!.b[0]!.archivedAt).toEqual(expect.any(String));
    const rule = await gql<{ AuthorityRule: { validTo: string | null }; Delegation: { revokedAt: string | null } }>(
      `{ AuthorityRule(id: "${ids.AuthorityRule}") { validTo } Delegation(id: "${ids.Delegation}") { revokedAt } }`,
      {},
      { token: tokens.admin },
    );
    expect(rule.body.data!.AuthorityRule.validTo).toEqual(expect.any(String));
    expect(rule.body.data!.Delegation.revokedAt).toEqual(expect.any(String));
  });
});
