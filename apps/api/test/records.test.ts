// Filters, sorting, org scope, audit, domain calls (grading, staffing, assessment) and the N+1 guard.
import { describeOnDatabases } from './support/databases';
import { args, en } from './support/graphql';

const day = 86_400_000;

describeOnDatabases('records: filters, scope, audit, domain', (env) => {
  test('filters: text search, org subtree, status, ids, date range; sorting both ways', async () => {
    const { gql, tokens, fixture } = env();
    for (const [i, unit] of [fixture.units.eastOffice, fixture.units.westOffice, fixture.units.east].entries()) {
      const res = await gql(
        `mutation {
          createCustomer(${args({ name: `Filter Co ${i}`, tier: en(['S', 'A', 'B'][i]!), orgUnitId: String(unit) })})
          { id } }`,
        {},
        { token: tokens.admin },
      );
      expect(res.body.errors).toBeUndefined();
    }
    const q = await gql<{ allCustomers: Array<{ name: string }> }>(
      '{ allCustomers(filter: { q: "filter co" }, sortField: "name", sortOrder: "DESC") { name } }',
      {},
      { token: tokens.viewer },
    );
    expect(q.body.data!.allCustomers.map((c) => c.name)).toEqual(['Filter Co 2', 'Filter Co 1', 'Filter Co 0']);
    const east = await gql<{ allCustomers: Array<{ name: string }> }>(
      `{ allCustomers(filter: { q: "filter", orgUnitId: "${fixture.units.east}" }, sortField: "name") { name } }`,
      {},
      { token: tokens.viewer },
    );
    expect(east.body.data!.allCustomers.map((c) => c.name)).toEqual(['Filter Co 0', 'Filter Co 2']);
    const tier = await gql<{ allCustomers: Array<{ name: string }> }>(
      '{ allCustomers(filter: { q: "filter", tier: [S, B] }, sortField: "name") { name } }',
      {},
      { token: tokens.viewer },
    );
    expect(tier.body.data!.allCustomers.map((c) => c.name)).toEqual(['Filter Co 0', 'Filter Co 2']);
    const wildcard = await gql<{ allCustomers: unknown[] }>(
      '{ allCustomers(filter: { q: "%" }) { id } }',
      {},
      { token: tokens.viewer },
    );
    expect(wildcard.body.data!.allCustomers).toEqual([]);
    const future = new Date(Date.now() + day).toISOString();
    const range = await gql<{ a: { count: number }; b: { count: number } }>(
      `{ a: _allCustomersMeta(filter: { q: "filter", from: "2020-01-01T00:00:00Z", to: "${future}" }) { count } b:
        _allCustomersMeta(filter: { q: "filter", to: "2020-01-01T00:00:00Z" }) { count } }`,
      {},
      { token: tokens.viewer },
    );
    expect(range.body.data).toEqual({ a: { count: 3 }, b: { count: 0 } });
    const page = await gql<{ allCustomers: Array<{ name: string }> }>(
      '{ allCustomers(filter: { q: "filter" }, sortField: "name", page: 1, perPage: 2) { name } }',
      {},
      { token: tokens.viewer },
    );
    expect(page.body.data!.allCustomers.map((c) => c.name)).toEqual(['Filter Co 2']);
    const byLimit = await gql('{ allAuthorityRules(sortField: "limit") { id } }', {}, { token: tokens.viewer });
    expect(byLimit.body.errors).toBeUndefined();
    const badSort = await gql('{ allCustomers(sortField: "nope") { id } }', {}, { token: tokens.viewer });
    expect(badSort.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('a LEADER sees and changes only their org subtree', async () => {
    const { gql, tokens, fixture } = env();
    const people = await gql<{ allPeople: Array<{ name: string }> }>(
      '{ allPeople(sortField: "name") { name } }',
      {},
      { token: tokens.leader },
    );
    expect(people.body.data!.allPeople.map((p) => p.name)).toEqual(['Eddie East', 'Lena Leader']);
    const west = await gql<{ Person: unknown }>(
      `{ Person(id: "${fixture.people.west1}") { id } }`,
      {},
      { token: tokens.leader },
    );
    expect(west.body.data!.Person).toBeNull();
    const inside = await gql(
      `mutation {
        createProject(${args({
          name: 'East deal',
          orgUnitId: String(fixture.units.eastOffice),
          stage: 'LEAD',
          amount: '10.00',
          currency: 'CNY',
        })}) { id } }`,
      {},
      { token: tokens.leader },
    );
    expect(inside.body.errors).toBeUndefined();
    // Nested records outside the subtree read as absent too.
    const nested = await gql<{ allPositionAssignments: Array<{ person: { name: string } | null }> }>(
      `{ allPositionAssignments(filter: { personId: "${fixture.people.leader}" }) { person { name } } }`,
      {},
      { token: tokens.leader },
    );
    expect(nested.body.data!.allPositionAssignments).toEqual([{ person: { name: 'Lena Leader' } }]);
    const westProject = await gql<{ createProject: { id: string } }>(
      `mutation {
        createProject(${args({
          name: 'West only',
          orgUnitId: String(fixture.units.westOffice),
          stage: 'LEAD',
          amount: '1.00',
          currency: 'CNY',
        })}) { id } }`,
      {},
      { token: tokens.admin },
    );
    const projectId = westProject.body.data!.createProject.id;
    const appointed = await gql(
      `mutation {
        createTeamAppointment(${args({
          projectId,
          personId: String(fixture.people.west1),
          role: en('CORE_MEMBER'),
          validFrom: new Date(),
        })}) { id } }`,
      {},
      { token: tokens.admin },
    );
    expect(appointed.body.errors).toBeUndefined();
    const viaTeam = await gql<{ allTeamAppointments: Array<{ project: unknown; person: unknown }> }>(
      `{ allTeamAppointments(filter: { projectId: "${projectId}" }) { project { name } person { name } } }`,
      {},
      { token: tokens.leader },
    );
    // An appointment belongs where its project does: the West project's team is out of scope altogether.
    expect(viaTeam.body.data!.allTeamAppointments).toEqual([]);
    const westUnit = await gql<{ OrgUnit: { code: string } }>(
      `{ OrgUnit(id: "${fixture.units.westOffice}") { code } }`,
      {},
      { token: tokens.leader },
    );
    expect(westUnit.body.data!.OrgUnit).toEqual({ code: 'WEST-1' }); // the tree itself is not scoped
    const outside = await gql(
      `mutation {
        createProject(${args({
          name: 'West deal',
          orgUnitId: String(fixture.units.westOffice),
          stage: 'LEAD',
          amount: '10.00',
          currency: 'CNY',
        })}) { id } }`,
      {},
      { token: tokens.leader },
    );
    expect(outside.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('creating a project grades it from its criteria and keeps the reasons; Money stays exact', async () => {
    const { gql, tokens, fixture } = env();
    const customer = await gql<{ createCustomer: { id: string } }>(
      `mutation {
        createCustomer(${args({ name: 'Tier S Co', tier: en('S'), orgUnitId: String(fixture.units.eastOffice) })}) {
        id } }`,
      {},
      { token: tokens.admin },
    );
    const res = await gql<{
      createProject: { grade: string; gradeReasons: string[]; amount: string; currency: string };
    }>(
      `mutation {
        createProject(${args({
          name: 'Graded',
          customerId: customer.body.data!.createCustomer.id,
          orgUnitId: String(fixture.units.eastOffice),
          stage: 'OPPORTUNITY',
          amount: '90071992547409.91',
          currency: 'CNY',
          gradeCriteria: { majorCustomerImpact: true },
        })}) { grade gradeReasons amount currency } }`,
      {},
      { token: tokens.admin },
    );
    expect(res.body.data!.createProject).toEqual({
      grade: 'I',
      gradeReasons: ['S_TIER_CUSTOMER'],
      amount: '90071992547409.91',
      currency: 'CNY',
    });
    const tooLarge = await gql(
      `mutation {
        createProject(${args({
          name: 'Huge',
          orgUnitId: String(fixture.units.eastOffice),
          stage: 'LEAD',
          amount: '90071992547409.92',
          currency: 'CNY',
        })}) { id } }`,
      {},
      { token: tokens.admin },
    );
    expect(tooLarge.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: { amount: expect.stringMatching(/out of range/) },
    });
    const projectId = (
      await gql<{ allProjects: Array<{ id: string; version: number }> }>(
        '{ allProjects(filter: { q: "Graded" }) { id version } }',
        {},
        { token: tokens.admin },
      )
    ).body.data!.allProjects[0]!;
    // A form sending the record back unchanged keeps the grade; a hand-set grade needs a justification.
    const resent = await gql<{ updateProject: { grade: string; version: number } }>(
      `mutation {
        updateProject(${args({
          id: projectId.id,
          version: projectId.version,
          grade: en('I'),
          gradeCriteria: { majorCustomerImpact: true },
          name: 'Graded',
        })}) { grade version } }`,
      {},
      { token: tokens.admin },
    );
    expect(resent.body.data!.updateProject).toEqual({ grade: 'I', version: 2 });
    const byHand = await gql<{ updateProject: { grade: string; gradeReasons: string[] } }>(
      `mutation {
        updateProject(${args({
          id: projectId.id,
          version: 2,
          grade: en('II'),
          gradeJustification: 'Customer asked for a smaller first phase.',
        })}) { grade gradeReasons } }`,
      {},
      { token: tokens.admin },
    );
    expect(byHand.body.data!.updateProject).toEqual({ grade: 'II', gradeReasons: ['SET_BY_HAND'] });
    const manual = await gql(
      `mutation {
        createProject(${args({
          name: 'Manual',
          orgUnitId: String(fixture.units.eastOffice),
          stage: 'LEAD',
          amount: '1',
          currency: 'CNY',
          grade: en('II'),
        })}) { id } }`,
      {},
      { token: tokens.admin },
    );
    expect(manual.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: { gradeJustification: expect.any(String) },
    });
    const precision = await gql(
      `mutation {
        createProject(${args({
          name: 'Cents',
          orgUnitId: String(fixture.units.eastOffice),
          stage: 'LEAD',
          amount: '1.005',
          currency: 'CNY',
        })}) { id } }`,
      {},
      { token: tokens.admin },
    );
    expect(precision.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: { amount: expect.stringMatching(/at most 2 fraction digits/) },
    });
    const float = await gql(
      'mutation($a: Money!) { createProject(name: "F", orgUnitId: "1", stage: "LEAD", amount: $a, ' +
        'currency: "CNY") { id } }',
      { a: 12.5 },
      { token: tokens.admin },
    );
    expect(float.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const upsert = await gql<{ a: { id: string; name: string }; b: { id: string; name: string; version: number } }>(
      `mutation { a: upsertProject(externalRef: "CRM-1", input:
        ${args({
          x: {
            name: 'From CRM',
            orgUnitId: String(fixture.units.eastOffice),
            stage: 'LEAD',
            amount: '5.00',
            currency: 'CNY',
          },
        }).slice(3)}) { id name } b: upsertProject(externalRef: "CRM-1", input: ${args({
          x: {
            name: 'From CRM, renamed',
            orgUnitId: String(fixture.units.eastOffice),
            stage: 'OPPORTUNITY',
            amount: '6.00',
            currency: 'CNY',
          },
        }).slice(3)}) { id name version } }`,
      {},
      { token: tokens.admin },
    );
    expect(upsert.body.errors).toBeUndefined();
    expect(upsert.body.data!.b).toEqual({ id: upsert.body.data!.a.id, name: 'From CRM, renamed', version: 2 });
  });

  test('recording an assessment evaluates it; appointing checks the staffing rules at the start', async () => {
    const { gql, tokens, fixture } = env();
    const hr = tokens.hr;
    const one = async <T>(text: string): Promise<T> => {
      const res = await gql<Record<string, T>>(`mutation { r: ${text} }`, {}, { token: hr });
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.r as T;
    };
    const model = await one<{ id: string }>(
      `createRoleModel(${args({ role: en('SR'), name: 'SR 5P', nameZh: '5P' })}) { id }`,
    );
    const version = await one<{ id: string }>(
      `createRoleModelVersion(${args({ roleModelId: model.id, versionNo: 1, status: 'PUBLISHED' })}) { id }`,
    );
    for (const code of ['PLAN', 'PLACE'])
      await one(
        `createRoleModelDimension(${args({ roleModelVersionId: version.id, code, name: code, nameZh: code })}) { id }`,
      );
    const framework = await one<{ id: string }>(
      `createQualificationFramework(` +
        `${args({
          role: en('SR'),
          roleModelVersionId: version.id,
          name: 'SR standard',
          validityMonths: 12,
          status: 'ACTIVE',
        })}` +
        `) { id }`,
    );
    for (const level of [1, 2]) {
      const l = await one<{ id: string }>(
        `createQualificationLevel(` +
          `${args({
            frameworkId: framework.id,
            level,
            name: `L${level}`,
            nameZh: `L${level}`,
            minProjects: level === 2 ? 3 : 0,
          })}` +
          `) { id }`,
      );
      for (const code of ['PLAN', 'PLACE'])
        await one(
          `createLevelRequirement(${args({ levelId: l.id, dimensionCode: code, minProficiency: level * 2 })}) { id }`,
        );
    }
    const assessedAt = new Date(Date.now() - 10 * day);
    const assessment = await one<{
      levelReached: number;
      validUntil: string;
      certifies: boolean;
      gap: { nextLevel: number; dimensions: unknown[]; projectsMissing: number };
    }>(
      `createAssessment(${args({
        personId: String(fixture.people.east1),
        frameworkId: framework.id,
        kind: en('PANEL'),
        assessedAt,
        completedProjects: 1,
        ratings: [
          { dimension: 'PLAN', proficiency: 4, evidence: 'Market plan for 2026.' },
          { dimension: 'PLACE', proficiency: 2 },
        ],
      })}) { levelReached validUntil certifies gap }`,
    );
    expect(assessment.levelReached).toBe(1);
    expect(assessment.certifies).toBe(true);
    expect(new Date(assessment.validUntil).getUTCMonth()).toBe(
      new Date(Date.UTC(assessedAt.getUTCFullYear(), assessedAt.getUTCMonth() + 12, 1)).getUTCMonth(),
    );
    expect(assessment.gap).toMatchObject({
      nextLevel: 2,
      dimensions: [{ dimension: 'PLACE', required: 4, held: 2 }],
      projectsMissing: 2,
    });
    const missing = await gql(
      `mutation {
        createAssessment(${args({
          personId: String(fixture.people.east1),
          frameworkId: framework.id,
          kind: en('PANEL'),
          assessedAt,
          ratings: [{ dimension: 'PLAN', proficiency: 4 }],
        })}) { id } }`,
      {},
      { token: hr },
    );
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: { ratings: expect.stringContaining('ASSESSMENT.MISSING_RATING') },
    });
    const status = await gql<{ qualificationStatus: { level: number; gap: { nextLevel: number } } }>(
      `{ qualificationStatus(personId: "${fixture.people.east1}", role: SR) { level gap { nextLevel } } }`,
      {},
      { token: tokens.viewer },
    );
    expect(status.body.data!.qualificationStatus).toEqual({ level: 1, gap: { nextLevel: 2 } });

    await gql(
      `mutation {
        createStaffingRule(${args({
          role: en('SR'),
          grade: en('III'),
          minLevel: 2,
          validFrom: new Date(Date.now() - 100 * day),
        })}) { id } }`,
      {},
      { token: hr },
    );
    const project = await gql<{ createProject: { id: string; grade: string } }>(
      `mutation {
        createProject(${args({
          name: 'Small',
          orgUnitId: String(fixture.units.eastOffice),
          stage: 'LEAD',
          amount: '1.00',
          currency: 'CNY',
        })}) { id grade } }`,
      {},
      { token: tokens.admin },
    );
    expect(project.body.data!.createProject.grade).toBe('III');
    const appoint = (extra: Record<string, unknown>) =>
      gql(
        `mutation {
          createTeamAppointment(${args({
            projectId: project.body.data!.createProject.id,
            personId: String(fixture.people.east1),
            role: en('SR'),
            validFrom: new Date(),
            ...extra,
          })}) { id qualificationLevel staffingCheck } }`,
        {},
        { token: tokens.admin },
      );
    const refused = await appoint({});
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'STAFFING.BELOW_MINIMUM' });
    expect(refused.body.errors?.[0]?.message).toMatch(/needs SR level 2/);
    const exception = await appoint({ exceptionReason: 'Only SR available this quarter; coached by the region.' });
    expect(exception.body.errors).toBeUndefined();
  });

  test('every mutation writes an audit entry in its transaction; entries cannot be changed', async () => {
    const { gql, tokens, fixture } = env();
    const requestId = 'audit-test-request-1';
    const res = await gql<{ createPerson: { id: string } }>(
      `mutation {
        createPerson(${args({ employeeNo: 'AUD-1', name: 'Audrey Audit', orgUnitId: String(fixture.units.east) })}) {
        id } }`,
      {},
      { token: tokens.admin, headers: { 'x-request-id': requestId } },
    );
    const id = res.body.data!.createPerson.id;
    await gql(
      `mutation { updatePerson(id: "${id}", version: 1, name: "Audrey A.") { id } }`,
      {},
      { token: tokens.admin },
    );
    await gql(`mutation { deletePerson(id: "${id}") { id } }`, {}, { token: tokens.admin });
    const entries = await gql<{
      allAuditEntries: Array<{
        action: string;
        actorLabel: string;
        requestId: string;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
      }>;
    }>(
      `{ allAuditEntries(filter: { entityType: "Person", entityId: "${id}" }, sortField: "id") { action actorLabel
        requestId before after } }`,
      {},
      { token: tokens.admin },
    );
    const list = entries.body.data!.allAuditEntries;
    expect(list.map((e) => e.action)).toEqual(['create', 'update', 'archive']);
    expect(list[0]).toMatchObject({
      actorLabel: 'admin@test.local',
      requestId,
      before: null,
      after: { name: 'Audrey Audit' },
    });
    expect(list[1]).toMatchObject({
      before: { name: 'Audrey Audit', version: 1 },
      after: { name: 'Audrey A.', version: 2 },
    });
    // A refused mutation leaves no entry (same transaction).
    await gql(`mutation { updatePerson(id: "${id}", version: 1, name: "Stale") { id } }`, {}, { token: tokens.admin });
    const count = await gql<{ _allAuditEntriesMeta: { count: number } }>(
      `{ _allAuditEntriesMeta(filter: { entityType: "Person", entityId: "${id}" }) { count } }`,
      {},
      { token: tokens.admin },
    );
    expect(count.body.data!._allAuditEntriesMeta.count).toBe(3);
    const logins = await gql<{ _allAuditEntriesMeta: { count: number } }>(
      '{ _allAuditEntriesMeta(filter: { action: "login" }) { count } }',
      {},
      { token: tokens.admin },
    );
    expect(logins.body.data!._allAuditEntriesMeta.count).toBeGreaterThanOrEqual(4);
    const schema = await gql<{ __schema: { mutationType: { fields: Array<{ name: string }> } } }>(
      '{ __schema { mutationType { fields { name } } } }',
    );
    const names = schema.body.data!.__schema.mutationType.fields.map((f) => f.name);
    expect(names.filter((n) => /AuditEntr|Decision$/.test(n) && /^(update|delete)/.test(n))).toEqual([]);
  });

  test('API tokens: shown once, scoped, revocable; session tokens expire', async () => {
    const { gql, tokens } = env();
    const created = await gql<{ createApiToken: { id: string; secret: string; scopes: string[] } }>(
      'mutation { createApiToken(name: "CRM", scopes: ["read", "write:projects"]) { id secret scopes } }',
      {},
      { token: tokens.admin },
    );
    const { id, secret } = created.body.data!.createApiToken;
    expect(secret).toMatch(/^itk_/);
    const again = await gql<{ ApiToken: { secret: string | null } }>(
      `{ ApiToken(id: "${id}") { secret } }`,
      {},
      { token: tokens.admin },
    );
    expect(again.body.data!.ApiToken.secret).toBeNull();
    expect((await gql('{ _allPeopleMeta { count } }', {}, { token: secret })).body.errors).toBeUndefined();
    const write = await gql(
      'mutation { createRoleModel(role: AR, name: "x", nameZh: "x") { id } }',
      {},
      { token: secret },
    );
    expect(write.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await gql(`mutation { deleteApiToken(id: "${id}") { revokedAt } }`, {}, { token: tokens.admin });
    expect((await gql('{ _allPeopleMeta { count } }', {}, { token: secret })).body.errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const { signSession } = await import('../src/platform/passwords');
    const now = Math.floor(Date.now() / 1000);
    const expired = signSession(
      { sub: env().fixture.users.admin, sv: 0, iat: now - 100, exp: now - 1 },
      env().config.tokenSecret,
    );
    expect((await gql('{ me { id } }', {}, { token: expired })).body.errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const forged = signSession(
      { sub: env().fixture.users.admin, sv: 0, iat: now, exp: now + 100 },
      'another-secret-that-is-long-enough-000000',
    );
    expect((await gql('{ me { id } }', {}, { token: forged })).body.errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const me = await gql<{ me: { email: string; role: string } }>('{ me { email role } }', {}, { token: tokens.hr });
    expect(me.body.data!.me).toEqual({ email: 'hr@test.local', role: 'HR' });
  });

  test('sign-in attempts are limited per account', async () => {
    const { gql } = env();
    const attempt = (password: string) =>
      gql('mutation($p: String!) { login(email: "viewer@test.local", password: $p) { token } }', { p: password });
    for (let i = 0; i < 5; i++)
      expect((await attempt('wrong')).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const locked = await attempt(env().fixture.password);
    expect(locked.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  test('the number of SQL statements for a list with nested relations does not grow with the page size', async () => {
    const { gql, tokens, fixture, dataSource } = env();
    const now = new Date();
    const stamp = { version: 1, createdAt: now, updatedAt: now };
    const { Project } = await import('../src/modules/project/project.entity');
    const { TeamAppointment } = await import('../src/modules/team-appointment/team-appointment.entity');
    const { Customer } = await import('../src/modules/customer/customer.entity');
    const customer = await dataSource.manager.insert(Customer, {
      name: 'N+1 Co',
      code: null,
      tier: 'B',
      orgUnitId: fixture.units.west,
      industry: null,
      ...stamp,
    });
    for (let i = 0; i < 100; i++) {
      const p = await dataSource.manager.insert(Project, {
        externalRef: `NPLUS1-${i}`,
        name: `Bulk ${String(i).padStart(3, '0')}`,
        customerId: Number(customer.identifiers[0]!.id),
        orgUnitId: i % 2 ? fixture.units.westOffice : fixture.units.eastOffice,
        stage: 'LEAD',
        amountMinor: BigInt(i * 100),
        currency: 'CNY',
        grade: 'III',
        gradeReasons: ['NO_CRITERION'],
        gradeCriteria: null,
        gradeJustification: null,
        ...stamp,
      });
      const projectId = Number(p.identifiers[0]!.id);
      for (const [personId, role] of [
        [fixture.people.east1, 'AR'],
        [fixture.people.west1, 'SR'],
      ] as const) {
        await dataSource.manager.insert(TeamAppointment, {
          projectId,
          personId,
          role,
          stage: null,
          validFrom: now,
          validTo: null,
          qualificationLevel: null,
          exceptionReason: null,
          staffingCheck: null,
          ...stamp,
        });
      }
    }
    const query = (perPage: number) =>
      gql<{ allProjects: Array<{ team: unknown[] }> }>(
        `{ allProjects(filter: { q: "bulk" }, perPage: ${perPage}, sortField: "name") { name amount customer { name
          orgUnit { code } } orgUnit { name parent { code } } team { role person { name orgUnit { code } } } } }`,
        {},
        { token: tokens.admin },
      );
    const small = await query(10);
    const large = await query(100);
    expect(small.body.errors).toBeUndefined();
    expect(large.body.data!.allProjects).toHaveLength(100);
    expect(large.body.data!.allProjects.every((p) => p.team.length === 2)).toBe(true);
    const statements = (r: { headers: Headers }) => Number(r.headers.get('x-sql-statements'));
    expect(statements(small)).toBeGreaterThan(0);
    // One batched query per relation level (loads of the same record type at one level may share a batch or
    // not, depending on when results arrive): a small constant, where N+1 would mean hundreds at 100 rows.
    expect(statements(small)).toBeLessThanOrEqual(12);
    expect(statements(large)).toBeLessThanOrEqual(statements(small) + 2);
  });
});
