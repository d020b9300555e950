// Frozen framework versions: a framework version that assessments use never changes its levels, requirements or
// evaluation fields (FRAMEWORK_VERSION_FROZEN); createFrameworkVersion copies it into a draft, publishFramework makes
// the draft ACTIVE and retires the version before it; assessments keep the version they were made on, and so does
// qualificationStatus. A race of assessments against level edits never lets an edit slip in after an assessment.
import { describeOnDatabases, TestEnv } from './support/databases';
import { args, en } from './support/graphql';
import { QualificationFramework, QualificationLevel, LevelRequirement } from '../src/modules/qualification';
import { AuditEntry } from '../src/platform/audit-entry.entity';

type Answer = Awaited<ReturnType<TestEnv['gql']>>;
const codeOf = (res: Answer) => (res.body.errors?.[0]?.extensions?.code as string | undefined) ?? null;
const DAY = 86_400_000;
// 40 rounds on MariaDB (rows lock, transactions interleave); SQLite runs one writer at a time: 10 there.
const ROUNDS_ON = { mariadb: 40, sqlite: 10 } as const;

interface Framework {
  id: string;
  version: number;
  versionNo: number;
  lineageId: string;
  previousVersionId: string | null;
  status: string;
  name: string;
  validityMonths: number;
  managerMayCertify: boolean;
  frozen: boolean;
  assessmentCount: number;
}
const FRAMEWORK = `id version versionNo lineageId previousVersionId status name validityMonths managerMayCertify
  frozen assessmentCount`;
const LEVELS = `levels { id level name nameZh minTenureMonths minProjects gateMinimumRating gatePeriods
  requirements { id dimensionCode minProficiency } }`;

interface Level {
  id: string;
  level: number;
  name: string;
  nameZh: string;
  minTenureMonths: number;
  minProjects: number;
  gateMinimumRating: string | null;
  gatePeriods: number | null;
  requirements: Array<{ id: string; dimensionCode: string; minProficiency: number }>;
}

/** A framework's content without ids: what a copy must repeat exactly. */
function content(levels: Level[]) {
  return levels
    .map(({ id: _id, requirements, ...level }) => ({
      ...level,
      requirements: requirements
        .map(({ id: _r, ...r }) => r)
        .sort((a, b) => a.dimensionCode.localeCompare(b.dimensionCode)),
    }))
    .sort((a, b) => a.level - b.level);
}

describeOnDatabases('frozen qualification framework versions', (env) => {
  let e: TestEnv;
  let roleModelVersionId: string;
  const people: string[] = [];

  async function run<T>(query: string, variables: Record<string, unknown> = {}, token = e.tokens.hr): Promise<T> {
    const res = await e.gql<Record<string, T>>(query, variables, { token });
    if (res.body.errors) throw new Error(`${query.slice(0, 80)}…: ${JSON.stringify(res.body.errors)}`);
    return Object.values(res.body.data!)[0] as T;
  }

  async function framework(id: string): Promise<Framework & { levels: Level[] }> {
    return run(`query($id: ID!) { QualificationFramework(id: $id) { ${FRAMEWORK} ${LEVELS} } }`, { id });
  }

  /** An ACTIVE AR framework: level 1 (D1 ≥ 2, D2 ≥ 2), level 2 (D1 ≥ 4, D2 ≥ 3, a B gate over 2 periods). */
  async function makeFramework(name: string): Promise<Framework & { levels: Level[] }> {
    const f = await run<{ id: string }>(
      `mutation { r: createQualificationFramework(${args({
        role: en('AR'),
        roleModelVersionId,
        name,
        validityMonths: 24,
        status: 'ACTIVE',
        managerMayCertify: true,
      })}) { id } }`,
    );
    for (const [level, d1, d2] of [
      [1, 2, 2],
      [2, 4, 3],
    ] as const) {
      const l = await run<{ id: string }>(
        `mutation { r: createQualificationLevel(${args({
          frameworkId: f.id,
          level,
          name: `L${level}`,
          nameZh: `${level} 级`,
          minTenureMonths: level === 2 ? 6 : 0,
          ...(level === 2 ? { gateMinimumRating: 'C', gatePeriods: 1 } : {}),
        })}) { id } }`,
      );
      for (const [code, min] of [
        ['D1', d1],
        ['D2', d2],
      ] as const)
        await run(`mutation { r: createLevelRequirement(levelId: "${l.id}", dimensionCode: "${code}",
          minProficiency: ${min}) { id } }`);
    }
    return framework(f.id);
  }

  /** A panel assessment (D1 4, D2 3, two years in the role): level 2 on the framework above. */
  const assessText = (personId: string, frameworkId: string, daysAgo = 5) =>
    `mutation { r: createAssessment(${args({
      personId,
      frameworkId,
      kind: en('PANEL'),
      assessedAt: new Date(e.fixture.now.getTime() - daysAgo * DAY),
      inRoleSince: new Date(e.fixture.now.getTime() - 730 * DAY),
      completedProjects: 3,
      performance: [{ period: 'P1', endsAt: new Date(e.fixture.now.getTime() - 30 * DAY), rating: 'B' }],
      ratings: [
        { dimension: 'D1', proficiency: 4 },
        { dimension: 'D2', proficiency: 3 },
      ],
    })}) { id levelReached frameworkId } }`;
  const assess = (personId: string, frameworkId: string, daysAgo = 5) =>
    run<{ id: string; levelReached: number | null; frameworkId: string }>(assessText(personId, frameworkId, daysAgo));

  const STATUS = `query($p: ID!) { qualificationStatus(personId: $p, role: AR) { personId role level validUntil reason
    assessmentId frameworkId frameworkName frameworkVersion gap { nextLevel dimensions { dimension required held }
    tenureMonthsMissing projectsMissing gateFailed } } }`;
  const statusOf = (personId: string) => run<Record<string, unknown>>(STATUS, { p: personId }, e.tokens.viewer);

  beforeAll(async () => {
    e = env();
    const model = await run<{ id: string }>(
      'mutation { r: createRoleModel(role: AR, name: "AR model", nameZh: "客户经理模型") { id } }',
    );
    const version = await run<{ id: string }>(
      `mutation { r: createRoleModelVersion(roleModelId: "${model.id}", versionNo: 1, status: "PUBLISHED") { id } }`,
    );
    roleModelVersionId = version.id;
    for (const code of ['D1', 'D2'])
      await run(`mutation { r: createRoleModelDimension(roleModelVersionId: "${version.id}", code: "${code}",
        name: "${code}", nameZh: "${code}") { id } }`);
    for (let i = 0; i < 4; i++) {
      const p = await run<{ id: string }>(
        `mutation { r: createPerson(${args({
          employeeNo: `FV-${i}`,
          name: `Framework person ${i}`,
          orgUnitId: String(e.fixture.units.eastOffice),
        })}) { id } }`,
        {},
        e.tokens.admin,
      );
      people.push(p.id);
    }
  });

  test(
    'an unused version is editable; once an assessment uses it, every edit of its levels, requirements and ' +
      'evaluation fields is refused and nothing changes',
    async () => {
      const f = await makeFramework('Frozen check');
      expect(f).toMatchObject({ versionNo: 1, lineageId: f.id, previousVersionId: null, frozen: false });
      const level1 = f.levels.find((l) => l.level === 1)!;
      const level2 = f.levels.find((l) => l.level === 2)!;
      // Unused: a level changes.
      const changed = await run<{ version: number; minProjects: number }>(
        `mutation { r: updateQualificationLevel(id: "${level1.id}", version: 1, minProjects: 0) { version
          minProjects } }`,
      );
      expect(changed.version).toBe(2);

      const made = await assess(people[0]!, f.id);
      expect(made.levelReached).toBe(2);
      const before = await framework(f.id);
      expect(before).toMatchObject({ frozen: true, assessmentCount: 1 });
      const requirement = level2.requirements.find((r) => r.dimensionCode === 'D1')!;
      const attempts = [
        `updateQualificationLevel(id: "${level2.id}", version: 1, minTenureMonths: 999) { id }`,
        `createQualificationLevel(frameworkId: "${f.id}", level: 3, name: "L3", nameZh: "3 级") { id }`,
        `deleteQualificationLevel(id: "${level2.id}") { id }`,
        `updateLevelRequirement(id: "${requirement.id}", version: 1, minProficiency: 5) { id }`,
        `createLevelRequirement(levelId: "${level1.id}", dimensionCode: "D3", minProficiency: 1) { id }`,
        `deleteLevelRequirement(id: "${requirement.id}") { id }`,
        `updateQualificationFramework(id: "${f.id}", version: ${before.version}, validityMonths: 36) { id }`,
        `updateQualificationFramework(id: "${f.id}", version: ${before.version}, managerMayCertify: false) { id }`,
      ];
      for (const attempt of attempts) {
        const res = await e.gql(`mutation { r: ${attempt} }`, {}, { token: e.tokens.hr });
        expect({ attempt, code: codeOf(res) }).toEqual({ attempt, code: 'FRAMEWORK_VERSION_FROZEN' });
        const message = res.body.errors![0]!.message;
        expect(message).toContain(`Qualification framework ${f.id} "Frozen check" (version 1)`);
        expect(message).toContain('used by 1 assessment');
        expect(message).toMatch(/Create a new version/);
        expect(res.body.errors![0]!.extensions!.reasons).toEqual([
          expect.objectContaining({
            code: 'FRAMEWORK_VERSION_FROZEN',
            data: expect.objectContaining({ frameworkId: f.id, versionNo: 1, assessments: 1 }),
          }),
        ]);
      }
      expect(await framework(f.id)).toEqual(before);

      // What does not change an evaluation still does: its name, and retiring it.
      const renamed = await run<Framework>(
        `mutation { r: updateQualificationFramework(id: "${f.id}", version: ${before.version}, name: "Frozen check ` +
          `(old)", validityMonths: 24, managerMayCertify: true, status: "RETIRED") { ${FRAMEWORK} } }`,
      );
      expect(renamed).toMatchObject({ name: 'Frozen check (old)', status: 'RETIRED', frozen: true });
      expect(content((await framework(f.id)).levels)).toEqual(content(before.levels));
      // Only ACTIVE versions take new assessments.
      const late = await e.gql(assessText(people[1]!, f.id), {}, { token: e.tokens.hr });
      expect(codeOf(late)).toBe('FRAMEWORK_NOT_ACTIVE');
      expect(late.body.errors![0]!.extensions!.reasons).toEqual([
        expect.objectContaining({
          field: 'frameworkId',
          data: expect.objectContaining({ frameworkStatus: 'RETIRED' }),
        }),
      ]);
      // A status becomes ACTIVE only by publishing.
      const back = await e.gql(
        `mutation { r: updateQualificationFramework(id: "${f.id}", version: ${renamed.version}, status: "ACTIVE") {
          id } }`,
        {},
        { token: e.tokens.hr },
      );
      expect(codeOf(back)).toBe('FRAMEWORK_STATUS_CHANGE');
    },
  );

  test(
    'createFrameworkVersion copies the levels and requirements exactly into a draft; publishFramework retires ' +
      'the version before it; old assessments keep theirs',
    async () => {
      const v1 = await makeFramework('AR standard');
      const [first, second] = [people[2]!, people[3]!];
      const old = await assess(first, v1.id, 10);
      expect(old.levelReached).toBe(2);
      const statusBefore = await statusOf(first);
      expect(statusBefore).toMatchObject({
        level: 2,
        assessmentId: old.id,
        frameworkId: v1.id,
        frameworkName: 'AR standard',
        frameworkVersion: 1,
      });

      const draft = await run<Framework>(
        `mutation($f: ID!) { createFrameworkVersion(frameworkId: $f) { ${FRAMEWORK} } }`,
        { f: v1.id },
      );
      expect(draft).toMatchObject({
        versionNo: 2,
        lineageId: v1.id,
        previousVersionId: v1.id,
        status: 'DRAFT',
        name: 'AR standard',
        validityMonths: 24,
        managerMayCertify: true,
        frozen: false,
        assessmentCount: 0,
      });
      const copied = await framework(draft.id);
      expect(content(copied.levels)).toEqual(content(v1.levels));
      expect(copied.levels.map((l) => l.id)).not.toEqual(expect.arrayContaining(v1.levels.map((l) => l.id)));
      // One draft per lineage at a time.
      const again = await e.gql(
        `mutation { createFrameworkVersion(frameworkId: "${v1.id}") { id } }`,
        {},
        { token: e.tokens.hr },
      );
      expect(codeOf(again)).toBe('FRAMEWORK_DRAFT_EXISTS');
      // A draft takes no assessments yet, and is edited freely: level 2 now needs 999 months in the role.
      expect(codeOf(await e.gql(assessText(second, draft.id), {}, { token: e.tokens.hr }))).toBe(
        'FRAMEWORK_NOT_ACTIVE',
      );
      const draftLevel2 = copied.levels.find((l) => l.level === 2)!;
      await run(`mutation { r: updateQualificationLevel(id: "${draftLevel2.id}", version: 1, minTenureMonths: 999) {
      id } }`);

      // Publishing: a stale version is a CONFLICT; a draft without levels is refused.
      const stale = await e.gql(
        `mutation { publishFramework(id: "${draft.id}", version: ${draft.version + 5}) { id } }`,
        {},
        { token: e.tokens.hr },
      );
      expect(codeOf(stale)).toBe('CONFLICT');
      const published = await run<Framework>(
        `mutation($id: ID!, $v: Int!) { publishFramework(id: $id, version: $v) { ${FRAMEWORK} } }`,
        { id: draft.id, v: draft.version },
      );
      expect(published).toMatchObject({ id: draft.id, status: 'ACTIVE', versionNo: 2 });
      expect(await framework(v1.id)).toMatchObject({ status: 'RETIRED', frozen: true, assessmentCount: 1 });
      const twice = await e.gql(
        `mutation { publishFramework(id: "${draft.id}", version: ${published.version}) { id } }`,
        {},
        { token: e.tokens.hr },
      );
      expect(codeOf(twice)).toBe('FRAMEWORK_NOT_DRAFT');
      const audit = await e.dataSource.manager.find(AuditEntry, {
        where: [
          { entityType: 'QualificationFramework', entityId: draft.id },
          { entityType: 'QualificationFramework', entityId: v1.id },
        ],
        order: { id: 'ASC' },
      });
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['version', 'retire', 'publish']));
      expect(audit.filter((a) => a.action === 'retire').map((a) => a.entityId)).toEqual([v1.id]);

      // The old assessment keeps version 1, and the answer about it is what it was; a new one uses version 2.
      expect(await statusOf(first)).toEqual(statusBefore);
      const renewed = await run<{ version: number; levelReached: number; frameworkId: string }>(
        `mutation { r: updateAssessment(id: "${old.id}", version: 1, comment: "Reviewed.") { version levelReached
        frameworkId } }`,
      );
      expect(renewed).toEqual({ version: 2, levelReached: 2, frameworkId: v1.id });
      expect(await statusOf(first)).toEqual(statusBefore);
      const fresh = await assess(second, draft.id);
      expect(fresh.levelReached).toBe(1);
      expect(await statusOf(second)).toMatchObject({
        level: 1,
        frameworkId: draft.id,
        frameworkName: 'AR standard',
        frameworkVersion: 2,
      });

      // A draft without levels is not published; deleting a draft takes its levels and requirements with it.
      const v3 = await run<Framework>(
        `mutation { createFrameworkVersion(frameworkId: "${draft.id}") { ${FRAMEWORK} } }`,
      );
      expect(v3).toMatchObject({ versionNo: 3, lineageId: v1.id, previousVersionId: draft.id });
      const v3Levels = (await framework(v3.id)).levels;
      for (const l of v3Levels) {
        for (const r of l.requirements) await run(`mutation { r: deleteLevelRequirement(id: "${r.id}") { id } }`);
        await run(`mutation { r: deleteQualificationLevel(id: "${l.id}") { id } }`);
      }
      const empty = await e.gql(
        `mutation { publishFramework(id: "${v3.id}", version: ${v3.version}) { id } }`,
        {},
        { token: e.tokens.hr },
      );
      expect(codeOf(empty)).toBe('FRAMEWORK_HAS_NO_LEVELS');
      await run(`mutation { r: deleteQualificationFramework(id: "${v3.id}") { id } }`);
      const v4 = await run<Framework>(
        `mutation { createFrameworkVersion(frameworkId: "${draft.id}") { ${FRAMEWORK} } }`,
      );
      expect(v4).toMatchObject({ versionNo: 3, previousVersionId: draft.id });
      await run(`mutation { r: deleteQualificationFramework(id: "${v4.id}") { id } }`);
      const left = await e.dataSource.manager.countBy(QualificationLevel, { frameworkId: Number(v4.id) });
      expect(left).toBe(0);
      // A version others were copied from stays (RECORD_IN_USE), as do the ones assessments use.
      expect(
        codeOf(
          await e.gql(
            `mutation { deleteQualificationFramework(id: "${v1.id}") { id } }`,
            {},
            {
              token: e.tokens.hr,
            },
          ),
        ),
      ).toBe('RECORD_IN_USE');
    },
  );

  test(
    `40 rounds (10 on SQLite) of "create an assessment on F" racing "edit a level of F": an edit never commits after ` +
      'an assessment on F',
    async () => {
      const em = e.dataSource.manager;
      const stamp = () => ({ version: 1, createdAt: new Date(), updatedAt: new Date() });
      const outcomes = { editFirst: 0, assessmentFirst: 0 };
      let violations = 0;
      for (let round = 0; round < ROUNDS_ON[e.kind]; round++) {
        const f = await em.save(
          em.create(QualificationFramework, {
            role: 'AR',
            roleModelVersionId: Number(roleModelVersionId),
            name: `Race ${round}`,
            validityMonths: 24,
            status: 'ACTIVE',
            managerMayCertify: false,
            versionNo: 1,
            lineageId: null,
            previousVersionId: null,
            ...stamp(),
          }),
        );
        await em.update(QualificationFramework, { id: f.id }, { lineageId: f.id });
        let level2 = 0;
        for (const [level, d1, d2] of [
          [1, 2, 2],
          [2, 4, 3],
        ] as const) {
          const l = await em.save(
            em.create(QualificationLevel, {
              frameworkId: f.id,
              level,
              name: `L${level}`,
              nameZh: `L${level}`,
              minTenureMonths: 0,
              minProjects: 0,
              gateMinimumRating: null,
              gatePeriods: null,
              ...stamp(),
            }),
          );
          if (level === 2) level2 = l.id;
          await em.insert(LevelRequirement, [
            { levelId: l.id, dimensionCode: 'D1', minProficiency: d1, ...stamp() },
            { levelId: l.id, dimensionCode: 'D2', minProficiency: d2, ...stamp() },
          ]);
        }
        const [assessment, edit] = await Promise.all([
          e.gql<{ r: { id: string; levelReached: number | null } }>(
            assessText(people[round % people.length]!, String(f.id)),
            {},
            { token: e.tokens.hr },
          ),
          e.gql(
            `mutation { r: updateQualificationLevel(id: "${level2}", version: 1, minTenureMonths: 999) { id } }`,
            {},
            { token: e.tokens.hr },
          ),
        ]);
        expect(codeOf(assessment)).toBeNull();
        const stored = await em.findOneByOrFail(QualificationLevel, { id: level2 });
        const reached = assessment.body.data!.r.levelReached;
        if (codeOf(edit) === null) {
          // The edit committed first: the assessment was evaluated on the edited level (999 months: level 1 only).
          outcomes.editFirst += 1;
          const [editAudit, createAudit] = await Promise.all([
            em.findOneByOrFail(AuditEntry, {
              entityType: 'QualificationLevel',
              entityId: String(level2),
              action: 'update',
            }),
            em.findOneByOrFail(AuditEntry, { entityType: 'Assessment', entityId: assessment.body.data!.r.id }),
          ]);
          if (stored.minTenureMonths !== 999 || reached !== 1 || editAudit.id > createAudit.id) violations += 1;
        } else {
          expect(codeOf(edit)).toBe('FRAMEWORK_VERSION_FROZEN');
          outcomes.assessmentFirst += 1;
          if (stored.minTenureMonths !== 0 || stored.version !== 1 || reached !== 2) violations += 1;
        }
      }
      expect(outcomes.editFirst + outcomes.assessmentFirst).toBe(ROUNDS_ON[e.kind]);
      expect(violations).toBe(0);
    },
  );
});
