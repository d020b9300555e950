// The field sets shared by several argument classes (authority rules and delegations: grant.args.ts; projects:
// ProjectFields) keep their checks in every class: required on create, optional but still checked on update.
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

  test('authority rules: create checks every grant field; update takes any subset and checks what it gets', async () => {
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
      `mutation { updateAuthorityRule(id: "${id}", version: 1, name: "HQ approvals") { name decisionPoints limit version } }`,
      {},
      { token: tokens.admin },
    );
    expect(renamed.body.data!.updateAuthorityRule).toEqual({
      name: 'HQ approvals',
      decisionPoints: ['ATB'],
      limit: '1000.00',
      version: 2,
    });
  });

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
});
