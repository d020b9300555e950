// The field sets shared by several argument classes (authority rules and delegations: grant.args.ts; projects:
// ProjectFields; people, staffing rules, role models, qualification frameworks and assessments: their *Fields)
// keep their checks in every class: required on create, optional but still checked on update.
import { describeOnDatabases } from './support/databases';
import { args, en, lit } from './support/graphql';

type Errors = Array<{ extensions?: Record<string, unknown> }> | undefined;
const fieldErrors = (errors: Errors) =>
  Object.keys((errors?.[0]?.extensions?.fieldErrors as Record<string, string> | undefined) ?? {}).sort();
const code = (errors: Errors) => errors?.[0]?.extensions?.code;

describeOnDatabases('shared argument field sets', (env) => {
  const rule = (over: Record<string, unknown> = {}) => ({
    name: 'HQ pool approvals',
    holderKind: en('POSITION'),
    holderTitle: 'BU_PRESIDENT',
    holderOrgUnitId: String(env().fixture.units.hq),
    decisionPoints: [en('ATB')],
    grades: [en('III')],
    scopeOrgUnitId: String(env().fixture.units.hq),
    limit: '1000.00',
    currency: 'CNY',
    validFrom: new Date('2026-01-01T00:00:00Z'),
    ...over,
  });

  test(
    'authority rules: create checks every grant field; ' + 'update takes any subset and checks what it gets',
    async () => {
      const { gql, tokens } = env();
      const bad = await gql(
        `mutation { createAuthorityRule(${args(rule({ decisionPoints: [], grades: [], currency: 'cny' }))}) { id } }`,
        {},
        { token: tokens.admin },
      );
      expect(code(bad.body.errors)).toBe('BAD_USER_INPUT');
      expect(fieldErrors(bad.body.errors)).toEqual(['currency', 'decisionPoints', 'grades']);
      const { scopeOrgUnitId: _scope, ...withoutScope } = rule();
      const missing = await gql(
        `mutation { createAuthorityRule(${args(withoutScope)}) { id } }`,
        {},
        { token: tokens.admin },
      );
      expect(code(missing.body.errors)).toBe('GRAPHQL_VALIDATION_FAILED');

      const created = await gql<{ createAuthorityRule: { id: string; version: number } }>(
        `mutation { createAuthorityRule(${args(rule())}) { id version } }`,
        {},
        { token: tokens.admin },
      );
      expect(created.body.errors).toBeUndefined();
      const { id } = created.body.data!.createAuthorityRule;
      const badUpdate = await gql(
        `mutation { updateAuthorityRule(id: "${id}", version: 1, decisionPoints: [], currency: "usd") { id } }`,
        {},
        { token: tokens.admin },
      );
      expect(fieldErrors(badUpdate.body.errors)).toEqual(['currency', 'decisionPoints']);
      const renamed = await gql<{
        updateAuthorityRule: { name: string; decisionPoints: string[]; limit: string; version: number };
      }>(
        `mutation { updateAuthorityRule(id: "${id}", version: 1, name: "HQ approvals") { name decisionPoints limit
        version } }`,
        {},
        { token: tokens.admin },
      );
      expect(renamed.body.data!.updateAuthorityRule).toEqual({
        name: 'HQ approvals',
        decisionPoints: ['ATB'],
        limit: '1000.00',
        version: 2,
      });
    },
  );

  test('delegations: the same checks on create', async () => {
    const { gql, tokens, fixture } = env();
    const bad = await gql(
      `mutation { createDelegation(${args({
        sourceRuleId: '1',
        delegatorId: String(fixture.people.leader),
        delegateId: String(fixture.people.east1),
        decisionPoints: [en('ATB')],
        grades: [],
        scopeOrgUnitId: String(fixture.units.east),
        currency: 'Cny',
        validFrom: new Date('2026-01-01T00:00:00Z'),
        reason: 'Covering the East office.',
      })}) { id } }`,
      {},
      { token: tokens.admin },
    );
    expect(code(bad.body.errors)).toBe('BAD_USER_INPUT');
    expect(fieldErrors(bad.body.errors)).toEqual(['currency', 'grades']);
  });

  test('projects: createProject, updateProject and upsertProject keep their checks', async () => {
    const { gql, tokens, fixture } = env();
    const project = {
      name: 'Shared fields',
      orgUnitId: String(fixture.units.eastOffice),
      stage: 'OPPORTUNITY',
      amount: '100.00',
      currency: 'CNY',
    };
    const bad = await gql(
      `mutation { createProject(${args({ ...project, stage: 'SOMEDAY', currency: 'usd', name: '' })}) { id } }`,
      {},
      { token: tokens.admin },
    );
    expect(fieldErrors(bad.body.errors)).toEqual(['currency', 'name', 'stage']);
    const badUpsert = await gql(
      `mutation { upsertProject(externalRef: "SHARED-1", input: ${lit({ ...project, stage: 'SOMEDAY' })}) { id } }`,
      {},
      { token: tokens.admin },
    );
    expect(fieldErrors(badUpsert.body.errors)).toEqual(['stage']);
    const created = await gql<{ createProject: { id: string } }>(
      `mutation { createProject(${args({ ...project, externalRef: 'SHARED-2' })}) { id } }`,
      {},
      { token: tokens.admin },
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data!.createProject.id;
    const badUpdate = await gql(
      `mutation { updateProject(id: "${id}", version: 1, stage: "SOMEDAY") { id } }`,
      {},
      { token: tokens.admin },
    );
    expect(fieldErrors(badUpdate.body.errors)).toEqual(['stage']);
    const updated = await gql<{ updateProject: { name: string; amount: string; externalRef: string } }>(
      `mutation { updateProject(id: "${id}", version: 1, amount: "250.00") { name amount externalRef } }`,
      {},
      { token: tokens.admin },
    );
    expect(updated.body.data!.updateProject).toEqual({
      name: 'Shared fields',
      amount: '250.00',
      externalRef: 'SHARED-2',
    });
  });
  /**
   * Each shared field set: a create with bad values names every bad field; a create without a required field is
   * refused by GraphQL; an update with bad values names them; an update with one good field passes the checks
   * (and finds no record 999999).
   */
  const at = new Date('2026-01-01T00:00:00Z');
  const cases: Array<{
    name: string;
    create: { mutation: string; bad: Record<string, unknown>; errors: string[]; required: string };
    update: { mutation: string; bad: Record<string, unknown>; errors: string[]; good: Record<string, unknown> };
  }> = [
    {
      name: 'people',
      create: {
        mutation: 'createPerson',
        bad: { employeeNo: '', name: '', email: 'not-mail', phone: '', orgUnitId: '1' },
        errors: ['email', 'employeeNo', 'name', 'phone'],
        required: 'orgUnitId',
      },
      update: {
        mutation: 'updatePerson',
        bad: { employeeNo: '', email: 'not-mail' },
        errors: ['email', 'employeeNo'],
        good: { name: 'Renamed' },
      },
    },
    {
      name: 'staffing rules',
      create: {
        mutation: 'createStaffingRule',
        bad: { role: en('AR'), grade: en('II'), minLevel: 0, validFrom: at, note: 'x'.repeat(2001) },
        errors: ['minLevel', 'note'],
        required: 'validFrom',
      },
      update: { mutation: 'updateStaffingRule', bad: { minLevel: 11 }, errors: ['minLevel'], good: { minLevel: 2 } },
    },
    {
      name: 'role models',
      create: {
        mutation: 'createRoleModel',
        bad: { role: en('AR'), name: '', nameZh: '' },
        errors: ['name', 'nameZh'],
        required: 'role',
      },
      update: { mutation: 'updateRoleModel', bad: { name: '' }, errors: ['name'], good: { nameZh: '模型' } },
    },
    {
      name: 'role model versions',
      create: {
        mutation: 'createRoleModelVersion',
        bad: { roleModelId: '1', versionNo: 1, status: 'SOMEDAY' },
        errors: ['status'],
        required: 'status',
      },
      update: {
        mutation: 'updateRoleModelVersion',
        bad: { status: 'SOMEDAY' },
        errors: ['status'],
        good: { notes: 'n' },
      },
    },
    {
      name: 'role model dimensions',
      create: {
        mutation: 'createRoleModelDimension',
        bad: { roleModelVersionId: '1', code: 'D1', name: '', nameZh: 'x' },
        errors: ['name'],
        required: 'nameZh',
      },
      update: {
        mutation: 'updateRoleModelDimension',
        bad: { nameZh: '' },
        errors: ['nameZh'],
        good: { sortOrder: 2 },
      },
    },
    {
      name: 'qualification frameworks',
      create: {
        mutation: 'createQualificationFramework',
        bad: { role: en('AR'), roleModelVersionId: '1', name: '', validityMonths: 0, status: 'SOMEDAY' },
        errors: ['name', 'status', 'validityMonths'],
        required: 'validityMonths',
      },
      update: {
        mutation: 'updateQualificationFramework',
        bad: { validityMonths: 121 },
        errors: ['validityMonths'],
        good: { name: 'Renamed' },
      },
    },
    {
      name: 'qualification levels',
      create: {
        mutation: 'createQualificationLevel',
        bad: { frameworkId: '1', level: 1, name: '', nameZh: '', minProjects: -1, gateMinimumRating: 'Z' },
        errors: ['gateMinimumRating', 'minProjects', 'name', 'nameZh'],
        required: 'name',
      },
      update: {
        mutation: 'updateQualificationLevel',
        bad: { name: '', gatePeriods: 0 },
        errors: ['gatePeriods', 'name'],
        good: { minProjects: 3 },
      },
    },
    {
      name: 'level requirements',
      create: {
        mutation: 'createLevelRequirement',
        bad: { levelId: '1', dimensionCode: 'D1', minProficiency: 6 },
        errors: ['minProficiency'],
        required: 'minProficiency',
      },
      update: {
        mutation: 'updateLevelRequirement',
        bad: { minProficiency: 0 },
        errors: ['minProficiency'],
        good: { minProficiency: 3 },
      },
    },
    {
      name: 'assessments',
      create: {
        mutation: 'createAssessment',
        bad: {
          personId: '1',
          frameworkId: '1',
          kind: en('SELF'),
          assessedAt: at,
          ratings: Array.from({ length: 51 }, (_, i) => ({ dimension: `D${i}`, proficiency: 3 })),
          completedProjects: -1,
          comment: 'x'.repeat(5001),
        },
        errors: ['comment', 'completedProjects', 'ratings'],
        required: 'ratings',
      },
      update: {
        mutation: 'updateAssessment',
        bad: { completedProjects: -1, comment: 'x'.repeat(5001) },
        errors: ['comment', 'completedProjects'],
        good: { comment: 'ok' },
      },
    },
  ];

  test.each(cases)('$name: create and update keep their checks', async ({ create, update }) => {
    const { gql, tokens } = env();
    const asAdmin = (query: string) => gql(query, {}, { token: tokens.admin });
    const bad = await asAdmin(`mutation { ${create.mutation}(${args(create.bad)}) { id } }`);
    expect(code(bad.body.errors)).toBe('BAD_USER_INPUT');
    expect(fieldErrors(bad.body.errors)).toEqual(create.errors);
    const { [create.required]: _required, ...withoutRequired } = create.bad;
    const missing = await asAdmin(`mutation { ${create.mutation}(${args(withoutRequired)}) { id } }`);
    expect(code(missing.body.errors)).toBe('GRAPHQL_VALIDATION_FAILED');
    const badUpdate = await asAdmin(
      `mutation { ${update.mutation}(id: "999999", version: 1, ${args(update.bad)}) { id } }`,
    );
    expect(code(badUpdate.body.errors)).toBe('BAD_USER_INPUT');
    expect(fieldErrors(badUpdate.body.errors)).toEqual(update.errors);
    const goodUpdate = await asAdmin(
      `mutation { ${update.mutation}(id: "999999", version: 1, ${args(update.good)}) { id } }`,
    );
    expect(code(goodUpdate.body.errors)).toBe('NOT_FOUND');
  });
});
