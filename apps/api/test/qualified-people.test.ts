// Talent search over HTTP: qualifiedPeople answers by qualificationStatus's evaluation (level exactly the minimum,
// validity ending at `at` exclusive, a later assessment superseding, only certifying results), in an org subtree,
// within a LEADER's scope, by pages that walk the whole answer; the assessment list filters by level, validity and
// org subtree.
import { Assessment } from '../src/modules/assessment/assessment.entity';
import { Person } from '../src/modules/person/person.entity';
import { Project } from '../src/modules/project/project.entity';
import { StaffingRule } from '../src/modules/staffing-rule/staffing-rule.entity';
import { describeOnDatabases, TestEnv } from './support/databases';

const DAY = 86_400_000;

interface Item {
  personId: string;
  level: number;
  validFrom: string;
  validUntil: string | null;
  assessmentId: string;
  cursor: string;
  person: { name: string } | null;
  assessment: { id: string; levelReached: number } | null;
}
interface Page {
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  items: Item[];
}

const ITEM = 'personId level validFrom validUntil assessmentId cursor person { name } assessment { id levelReached }';
const PAGE = `query($role: TriangleRole!, $min: Int!, $at: DateTime, $unit: ID, $first: Int, $after: String) {
  qualifiedPeoplePage(role: $role, minLevel: $min, at: $at, orgUnitId: $unit, first: $first, after: $after) {
    totalCount endCursor hasNextPage items { ${ITEM} } } }`;
const LIST = `query($role: TriangleRole!, $min: Int!, $at: DateTime, $unit: ID, $first: Int, $after: String) {
  qualifiedPeople(role: $role, minLevel: $min, at: $at, orgUnitId: $unit, first: $first, after: $after) { ${ITEM} } }`;

describeOnDatabases('qualifiedPeople (talent search)', (env) => {
  let e: TestEnv;
  let now: Date;
  /** Where validity of Eve's level ends. */
  let edge: Date;
  const ids: Record<string, number> = {};
  /** Each person's latest assessment. */
  const assessmentOf: Record<string, number> = {};
  /** Fay's first assessment (level 4, superseded). */
  let fayFirst = 0;

  async function mutate<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await e.gql<Record<string, T>>(query, variables, { token: e.tokens.hr });
    if (res.body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(res.body.errors)}`);
    return Object.values(res.body.data!)[0] as T;
  }

  beforeAll(async () => {
    e = env();
    now = e.fixture.now;
    edge = new Date(now.getTime() + 30 * DAY);
    const em = e.dataSource.manager;
    const stamp = { version: 1, createdAt: now, updatedAt: now };
    const model = await mutate<{ id: string }>(
      'mutation { createRoleModel(role: AR, name: "AR", nameZh: "客户") { id } }',
    );
    const version = await mutate<{ id: string }>(
      'mutation($m: ID!) { createRoleModelVersion(roleModelId: $m, versionNo: 1, status: "PUBLISHED") { id } }',
      { m: model.id },
    );
    const framework = await mutate<{ id: string }>(
      'mutation($v: ID!) { createQualificationFramework(role: AR, roleModelVersionId: $v, name: "AR q", ' +
        'validityMonths: 24, status: "ACTIVE") { id } }',
      { v: version.id },
    );
    const { units } = e.fixture;
    const person = async (key: string, name: string, orgUnitId: number, archivedAt: Date | null = null) => {
      ids[key] = Number(
        (
          await em.insert(Person, {
            employeeNo: `Q-${key}`,
            name,
            orgUnitId,
            email: null,
            phone: null,
            hiredAt: null,
            archivedAt,
            ...stamp,
          })
        ).identifiers[0]?.id,
      );
    };
    const assess = async (
      key: string,
      level: number | null,
      assessedAt: Date,
      validUntil: Date | null,
      options: { certifies?: boolean; role?: string } = {},
    ) => {
      assessmentOf[key] = Number(
        (
          await em.insert(Assessment, {
            personId: ids[key],
            role: options.role ?? 'AR',
            frameworkId: Number(framework.id),
            roleModelVersionId: Number(version.id),
            kind: options.certifies === false ? 'SELF' : 'PANEL',
            assessorId: null,
            assessedAt,
            inRoleSince: null,
            completedProjects: 0,
            performance: null,
            tenureMonths: 12,
            certifies: options.certifies ?? true,
            levelReached: level,
            validUntil,
            gap: null,
            evaluation: null,
            comment: null,
            ...stamp,
          } as never)
        ).identifiers[0]?.id,
      );
    };
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const later = new Date(now.getTime() + 300 * DAY);
    await person('ada', 'Ada Exactly', units.eastOffice);
    await assess('ada', 3, ago(10), later); // exactly the minimum
    await person('bo', 'Bo Above', units.east);
    await assess('bo', 4, ago(20), later);
    await person('cy', 'Cy West', units.westOffice);
    await assess('cy', 5, ago(20), later);
    await person('dee', 'Dee Below', units.eastOffice);
    await assess('dee', 2, ago(10), later);
    await person('eve', 'Eve Edge', units.eastOffice);
    await assess('eve', 3, ago(10), edge); // valid until `edge`, exclusive
    await person('fay', 'Fay Superseded', units.eastOffice);
    await assess('fay', 4, ago(100), later); // level 4 from 100 days ago …
    fayFirst = assessmentOf.fay!;
    await assess('fay', 1, ago(5), later); // … superseded 5 days ago by level 1
    await person('gus', 'Gus Self', units.eastOffice);
    await assess('gus', 5, ago(10), later, { certifies: false }); // a self-assessment certifies nothing
    await person('hal', 'Hal Left', units.eastOffice, ago(1));
    await assess('hal', 5, ago(10), later); // left the company
    await person('ivy', 'Ivy Other Role', units.eastOffice);
    await assess('ivy', 5, ago(10), later, { role: 'SR' });
    await person('jo', 'Jo Expired', units.eastOffice);
    await assess('jo', 4, ago(400), ago(1)); // expired yesterday
  });

  const ask = async (variables: Record<string, unknown>, token: 'hr' | 'leader' | 'viewer' = 'hr'): Promise<Page> => {
    const res = await e.gql<{ qualifiedPeoplePage: Page }>(
      PAGE,
      { role: 'AR', ...variables },
      { token: e.tokens[token] },
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.qualifiedPeoplePage;
  };
  const names = (page: Page) => page.items.map((i) => i.person?.name);

  test('level exactly the minimum counts, higher first; below, self, left, other role and expired do not', async () => {
    const page = await ask({ min: 3 });
    expect(names(page)).toEqual(['Cy West', 'Bo Above', 'Ada Exactly', 'Eve Edge']);
    expect(page).toMatchObject({ totalCount: 4, hasNextPage: false });
    const ada = page.items.find((i) => i.personId === String(ids.ada))!;
    expect(ada).toMatchObject({
      level: 3,
      assessmentId: String(assessmentOf.ada),
      assessment: { id: String(assessmentOf.ada), levelReached: 3 },
      validFrom: new Date(now.getTime() - 10 * DAY).toISOString(),
    });
    expect((await ask({ min: 4 })).items.map((i) => i.level)).toEqual([5, 4]);
  });

  test('the same answer as qualificationStatus, person by person', async () => {
    for (const key of ['ada', 'eve', 'fay', 'gus', 'jo']) {
      const res = await e.gql<{ qualificationStatus: { level: number | null; assessmentId: string | null } }>(
        'query($p: ID!) { qualificationStatus(personId: $p, role: AR) { level assessmentId } }',
        { p: String(ids[key]) },
        { token: e.tokens.hr },
      );
      const status = res.body.data!.qualificationStatus;
      const found = (await ask({ min: 1 })).items.find((i) => i.personId === String(ids[key]));
      expect({ key, level: found?.level ?? null }).toEqual({ key, level: status.level });
      if (found) expect(found.assessmentId).toBe(status.assessmentId);
    }
  });

  test('validity ends at `validUntil` exclusive; an assessment counts from the instant it was made', async () => {
    const before = await ask({ min: 3, at: new Date(edge.getTime() - 1).toISOString() });
    expect(before.items.map((i) => i.personId)).toContain(String(ids.eve));
    const at = await ask({ min: 3, at: edge.toISOString() });
    expect(at.items.map((i) => i.personId)).not.toContain(String(ids.eve));
    const made = new Date(now.getTime() - 10 * DAY);
    expect((await ask({ min: 3, at: made.toISOString() })).items.map((i) => i.personId)).toContain(String(ids.ada));
    const justBefore = new Date(made.getTime() - 1).toISOString();
    expect((await ask({ min: 3, at: justBefore })).items.map((i) => i.personId)).not.toContain(String(ids.ada));
  });

  test('a superseded assessment no longer counts; before it was superseded it did', async () => {
    const today = await ask({ min: 1 });
    expect(today.items.find((i) => i.personId === String(ids.fay))).toMatchObject({
      level: 1,
      assessmentId: String(assessmentOf.fay),
    });
    expect((await ask({ min: 3 })).items.map((i) => i.personId)).not.toContain(String(ids.fay));
    const then = await ask({ min: 3, at: new Date(now.getTime() - 50 * DAY).toISOString() });
    expect(then.items.find((i) => i.personId === String(ids.fay))).toMatchObject({ level: 4 });
    // Jo's level, expired yesterday, was held 2 days ago.
    expect(then.items.map((i) => i.personId)).toContain(String(ids.jo));
  });

  test('an org unit asks for its subtree', async () => {
    const { units } = e.fixture;
    expect(names(await ask({ min: 3, unit: String(units.east) }))).toEqual(['Bo Above', 'Ada Exactly', 'Eve Edge']);
    expect(names(await ask({ min: 3, unit: String(units.eastOffice) }))).toEqual(['Ada Exactly', 'Eve Edge']);
    expect(names(await ask({ min: 3, unit: String(units.west) }))).toEqual(['Cy West']);
  });

  test('a LEADER sees only the people in their scope', async () => {
    expect(names(await ask({ min: 3 }, 'leader'))).toEqual(['Bo Above', 'Ada Exactly', 'Eve Edge']);
    expect((await ask({ min: 3, unit: String(e.fixture.units.west) }, 'leader')).totalCount).toBe(0);
  });

  test('pages of any size walk exactly the whole answer; the list answers the same pages', async () => {
    const whole = await ask({ min: 1 });
    expect(whole.totalCount).toBe(6);
    for (const size of [1, 2, 4]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Page = await ask({ min: 1, first: size, after });
        expect(page.totalCount).toBe(6);
        seen.push(...page.items.map((i) => i.personId));
        if (!page.hasNextPage) break;
        after = page.endCursor;
      }
      expect(seen).toEqual(whole.items.map((i) => i.personId));
    }
    const list = await e.gql<{ qualifiedPeople: Item[] }>(
      LIST,
      { role: 'AR', min: 1, first: 2, after: whole.items[1]!.cursor },
      { token: e.tokens.hr },
    );
    expect(list.body.data!.qualifiedPeople.map((i) => i.personId)).toEqual(
      whole.items.slice(2, 4).map((i) => i.personId),
    );
  });

  test('bad input: a level out of range, a page size out of range, a cursor of another question', async () => {
    for (const [variables, field] of [
      [{ min: 0 }, 'minLevel'],
      [{ min: 11 }, 'minLevel'],
      [{ min: 1, first: 0 }, 'first'],
      [{ min: 2, after: (await ask({ min: 1, first: 1 })).endCursor }, 'after'],
      [{ min: 1, after: 'not-a-cursor' }, 'after'],
    ] as const) {
      const res = await e.gql(PAGE, { role: 'AR', ...variables }, { token: e.tokens.hr });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: { [field]: expect.any(String) },
      });
    }
    const missing = await e.gql(PAGE, { role: 'AR', min: 1, unit: '999999' }, { token: e.tokens.hr });
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('the assessment list filters by role, minimum level, validity at an instant and org subtree', async () => {
    const list = async (filter: Record<string, unknown>, token: 'hr' | 'leader' = 'hr') => {
      const res = await e.gql<{ allAssessments: Array<{ id: string }>; _allAssessmentsMeta: { count: number } }>(
        `query($f: AssessmentFilter) { allAssessments(filter: $f, perPage: 100, sortField: "id") { id }
          _allAssessmentsMeta(filter: $f) { count } }`,
        { f: filter },
        { token: e.tokens[token] },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._allAssessmentsMeta.count).toBe(res.body.data!.allAssessments.length);
      return res.body.data!.allAssessments.map((a) => Number(a.id));
    };
    const of = (...keys: string[]) => keys.map((k) => assessmentOf[k]).sort((a, b) => a! - b!);
    // Who holds AR at level 3 or more, valid at the edge minus a day, in the East?
    const at = new Date(edge.getTime() - DAY).toISOString();
    expect(await list({ role: ['AR'], minLevel: 3, validAt: at, orgUnitId: String(e.fixture.units.east) })).toEqual(
      // Fay's superseded level 4 is still valid as an assessment; Gus's self-assessment too (certifies: false).
      [...of('ada', 'bo', 'eve', 'gus', 'hal'), fayFirst].sort((a, b) => a! - b!),
    );
    expect(await list({ role: ['AR'], minLevel: 3, validAt: edge.toISOString(), certifies: true })).not.toContain(
      assessmentOf.eve,
    );
    expect(await list({ minLevel: 5 })).toEqual(of('cy', 'gus', 'hal', 'ivy'));
    expect(await list({ minLevel: 5 }, 'leader')).toEqual(of('gus', 'hal', 'ivy'));
    expect(await list({ orgUnitId: String(e.fixture.units.west) })).toEqual(of('cy'));
    const bad = await e.gql('query { allAssessments(filter: { minLevel: 0 }) { id } }', {}, { token: e.tokens.hr });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  test("staffingMinimumLevel: the strictest rule in force for the project's grade and unit; else null", async () => {
    const em = e.dataSource.manager;
    const stamp = { version: 1, createdAt: now, updatedAt: now };
    const { units } = e.fixture;
    const project = async (name: string, orgUnitId: number, grade: string) =>
      Number(
        (
          await em.insert(Project, {
            externalRef: `Q-${name}`,
            name,
            customerId: null,
            orgUnitId,
            stage: 'OPPORTUNITY',
            amountMinor: 100_000_000n,
            currency: 'CNY',
            grade,
            gradeReasons: ['NO_CRITERION'],
            gradeCriteria: {},
            gradeJustification: null,
            ...stamp,
          } as never)
        ).identifiers[0]?.id,
      );
    const east = await project('East bid', units.eastOffice, 'II');
    const west = await project('West bid', units.westOffice, 'II');
    const rule = (minLevel: number, orgUnitId: number | null, validFrom: Date, validTo: Date | null = null) =>
      em.insert(StaffingRule, {
        role: 'AR',
        grade: 'II',
        minLevel,
        orgUnitId,
        validFrom,
        validTo,
        note: null,
        ...stamp,
      } as never);
    const ago = new Date(now.getTime() - 100 * DAY);
    await rule(2, null, ago);
    await rule(3, units.east, ago);
    await rule(5, units.east, new Date(now.getTime() + 10 * DAY)); // not yet in force
    const ask = async (projectId: number, role: string, at?: Date, token: 'hr' | 'leader' = 'hr') =>
      e.gql<{ staffingMinimumLevel: number | null }>(
        'query($p: ID!, $r: TriangleRole!, $at: DateTime) { staffingMinimumLevel(projectId: $p, role: $r, at: $at) }',
        { p: String(projectId), r: role, at: at?.toISOString() },
        { token: e.tokens[token] },
      );
    expect((await ask(east, 'AR')).body.data!.staffingMinimumLevel).toBe(3);
    expect((await ask(west, 'AR')).body.data!.staffingMinimumLevel).toBe(2);
    expect((await ask(east, 'AR', new Date(now.getTime() + 20 * DAY))).body.data!.staffingMinimumLevel).toBe(5);
    expect((await ask(east, 'SR')).body.data!.staffingMinimumLevel).toBeNull();
    expect((await ask(west, 'AR', undefined, 'leader')).body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
