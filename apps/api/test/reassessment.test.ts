// Re-certification: expiringCertifications(withinDays, at) lists the certifications in force whose validity ends in
// (at, at + withinDays], the latest certifying assessment deciding (a later one replaces it), paged, within the
// caller's scope; scheduleReassessments schedules in bulk, all or nothing, each person notified; a new certifying
// assessment of the person in the role makes their open schedules DONE; the 30-day reminder reaches the assessor.
import { describeOnDatabases, TestEnv } from './support/databases';
import { args, en } from './support/graphql';
import { Assessment } from '../src/modules/assessment/assessment.entity';
import { Notification } from '../src/modules/notification/notification.entity';
import { Person } from '../src/modules/person/person.entity';
import { QualificationFramework } from '../src/modules/qualification/qualification.entity';
import { RoleModel, RoleModelVersion } from '../src/modules/role-model/role-model.entity';
import { ReassessmentSchedule } from '../src/modules/reassessment/reassessment.entity';
import { AuditEntry } from '../src/platform/audit-entry.entity';

const DAY = 86_400_000;

const LIST = `query($d: Int!, $at: DateTime, $unit: ID, $first: Int, $after: String) {
  expiringCertifications(withinDays: $d, at: $at, orgUnitId: $unit, first: $first, after: $after) {
    totalCount endCursor hasNextPage
    nodes { assessmentId personId person { name } role level validUntil daysLeft scheduled cursor
      schedule { id status dueAt assessor { name } } }
  } }`;

interface Node {
  assessmentId: string;
  personId: string;
  person: { name: string } | null;
  role: string;
  level: number;
  validUntil: string;
  daysLeft: number;
  scheduled: boolean;
  cursor: string;
  schedule: { id: string; status: string; dueAt: string; assessor: { name: string } | null } | null;
}
interface Page {
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  nodes: Node[];
}

const SCHEDULE = `mutation($items: [ScheduleReassessmentInput!]!) {
  scheduleReassessments(items: $items) { id personId role assessmentId dueAt status assessorId note person { name } }
}`;

describeOnDatabases('re-certification: expiring certifications and scheduled re-assessments', (env) => {
  let e: TestEnv;
  /** The moment the lists are asked at (the seed is relative to it; the server's clock is a few ms later). */
  let AT: Date;
  const at = (days: number, ms = 0) => new Date(AT.getTime() + days * DAY + ms);
  const ids: Record<string, number> = {};
  let frameworkId = 0;
  let versionId = 0;

  async function insertAssessment(
    personId: number,
    role: string,
    level: number | null,
    assessedAt: Date,
    validUntil: Date | null,
    certifies = true,
  ): Promise<number> {
    const now = new Date();
    const res = await e.dataSource.manager.insert(Assessment, {
      personId,
      role,
      frameworkId,
      roleModelVersionId: versionId,
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
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    return Number(res.identifiers[0]!.id);
  }

  async function list(days: number, token: string, extra: Record<string, unknown> = {}) {
    const res = await e.gql<{ expiringCertifications: Page }>(
      LIST,
      { d: days, at: AT.toISOString(), ...extra },
      {
        token,
      },
    );
    return res;
  }
  const page = async (days: number, token = e.tokens.hr, extra: Record<string, unknown> = {}) => {
    const res = await list(days, token, extra);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.expiringCertifications;
  };
  const assessmentIds = (p: Page) => p.nodes.map((n) => Number(n.assessmentId));

  beforeAll(async () => {
    e = env();
    AT = new Date();
    const em = e.dataSource.manager;
    const { people, units } = e.fixture;
    const stamp = { version: 1, createdAt: AT, updatedAt: AT };
    const model = Number(
      (await em.insert(RoleModel, { role: 'AR', name: 'AR', nameZh: 'AR', description: null, ...stamp }))
        .identifiers[0]!.id,
    );
    versionId = Number(
      (
        await em.insert(RoleModelVersion, {
          roleModelId: model,
          versionNo: 1,
          status: 'PUBLISHED',
          publishedAt: at(-400),
          notes: null,
          ...stamp,
        })
      ).identifiers[0]!.id,
    );
    frameworkId = Number(
      (
        await em.insert(QualificationFramework, {
          role: 'AR',
          roleModelVersionId: versionId,
          name: 'Framework',
          validityMonths: 24,
          status: 'ACTIVE',
          managerMayCertify: false,
          ...stamp,
        })
      ).identifiers[0]!.id,
    );
    const person = async (employeeNo: string, name: string, orgUnitId: number, archivedAt: Date | null = null) =>
      Number(
        (
          await em.insert(Person, {
            employeeNo,
            name,
            orgUnitId,
            email: null,
            phone: null,
            hiredAt: null,
            archivedAt,
            ...stamp,
          })
        ).identifiers[0]!.id,
      );
    const edge = await person('R0001', 'Edgar Edge', units.eastOffice);
    const archived = await person('R0002', 'Archie Archived', units.eastOffice, at(-1));
    ids.assessor = await person('R0003', 'Astrid Assessor', units.east);
    // Eddie (EAST-1) AR: level 2 replaced by a later level 3 ending in exactly 30 days (in the 30-day window).
    ids.eddieOldAr = await insertAssessment(people.east1, 'AR', 2, at(-300), at(20));
    ids.eddieAr = await insertAssessment(people.east1, 'AR', 3, at(-10), at(30));
    // Eddie SR: level 1 ending 1 ms after 30 days (the 60-day window only).
    ids.eddieSr = await insertAssessment(people.east1, 'SR', 1, at(-5), at(30, 1));
    // Eddie FR: level 2, then a later certifying assessment reaching no level (it decides: none held).
    await insertAssessment(people.east1, 'FR', 2, at(-100), at(10));
    await insertAssessment(people.east1, 'FR', null, at(-1), at(400));
    // Lena (EAST) AR: ending in 75 days (90 only); FR: a self-assessment never certifies.
    ids.lenaAr = await insertAssessment(people.leader, 'AR', 2, at(-50), at(75));
    await insertAssessment(people.leader, 'FR', 2, at(-3), at(5), false);
    // Wanda (WEST-1) AR: ending in 10 days, outside the LEADER's subtree; SR ended at the moment exactly.
    ids.wandaAr = await insertAssessment(people.west1, 'AR', 1, at(-20), at(10));
    await insertAssessment(people.west1, 'SR', 1, at(-20), at(0));
    // Edgar: a certification ending in 90 days exactly (in), and one made after the moment (not yet in force).
    ids.edgeAr = await insertAssessment(edge, 'AR', 1, at(-30), at(90));
    await insertAssessment(edge, 'SR', 1, at(1), at(20));
    // An archived person's certification is not listed.
    await insertAssessment(archived, 'AR', 1, at(-10), at(10));
  });

  test('the window: (at, at + days], the latest certifying assessment deciding, days left rounded up', async () => {
    const p30 = await page(30);
    expect(assessmentIds(p30)).toEqual([ids.wandaAr, ids.eddieAr]);
    expect(p30.totalCount).toBe(2);
    expect(p30.nodes.map((n) => [n.person?.name, n.role, n.level, n.daysLeft, n.scheduled])).toEqual([
      ['Wanda West', 'AR', 1, 10, false],
      ['Eddie East', 'AR', 3, 30, false],
    ]);
    expect(new Date(p30.nodes[1]!.validUntil).getTime()).toBe(at(30).getTime());
    const p60 = await page(60);
    expect(assessmentIds(p60)).toEqual([ids.wandaAr, ids.eddieAr, ids.eddieSr]);
    expect(p60.nodes[2]!.daysLeft).toBe(31);
    const p90 = await page(90);
    expect(assessmentIds(p90)).toEqual([ids.wandaAr, ids.eddieAr, ids.eddieSr, ids.lenaAr, ids.edgeAr]);
    expect(p90.totalCount).toBe(5);
    // The replaced level 2 (ending in 20 days) is never listed; nor the FR replaced by a certifying "no level".
    expect(assessmentIds(p90)).not.toContain(ids.eddieOldAr);
    // Asked a day later, Wanda's 10 days are 9; asked 11 days later hers has ended.
    const later = await page(30, e.tokens.hr, { at: at(11).toISOString() });
    expect(assessmentIds(later)).not.toContain(ids.wandaAr);
    expect(later.nodes.find((n) => Number(n.assessmentId) === ids.eddieAr)?.daysLeft).toBe(19);
  });

  test('paged by cursor with the total of every page; out-of-range arguments are refused in words', async () => {
    const first = await page(90, e.tokens.hr, { first: 2 });
    expect(first).toMatchObject({ totalCount: 5, hasNextPage: true });
    expect(assessmentIds(first)).toEqual([ids.wandaAr, ids.eddieAr]);
    const second = await page(90, e.tokens.hr, { first: 2, after: first.endCursor });
    expect(assessmentIds(second)).toEqual([ids.eddieSr, ids.lenaAr]);
    const third = await page(90, e.tokens.hr, { first: 2, after: second.endCursor });
    expect(assessmentIds(third)).toEqual([ids.edgeAr]);
    expect(third).toMatchObject({ totalCount: 5, hasNextPage: false });
    for (const [days, extra] of [
      [0, {}],
      [367, {}],
      [30, { first: 0 }],
      [30, { after: 'nonsense' }],
    ] as const) {
      const res = await list(days, e.tokens.hr, extra);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  test('a LEADER sees their subtree only; orgUnitId narrows to a subtree', async () => {
    const leader = await page(90, e.tokens.leader);
    expect(assessmentIds(leader)).toEqual([ids.eddieAr, ids.eddieSr, ids.lenaAr, ids.edgeAr]);
    expect(leader.totalCount).toBe(4);
    const west = await page(90, e.tokens.hr, { unit: String(e.fixture.units.west) });
    expect(assessmentIds(west)).toEqual([ids.wandaAr]);
    const eastOffice = await page(90, e.tokens.hr, { unit: String(e.fixture.units.eastOffice) });
    expect(assessmentIds(eastOffice)).toEqual([ids.eddieAr, ids.eddieSr, ids.edgeAr]);
    // A LEADER may not schedule (qualifications are HR's), and an API token reading nothing is refused.
    const res = await e.gql(
      SCHEDULE,
      { items: [{ assessmentId: String(ids.eddieAr), dueAt: at(20).toISOString() }] },
      { token: e.tokens.leader },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('bulk scheduling is all or nothing: one bad item writes nothing, every reason on its item', async () => {
    const em = e.dataSource.manager;
    const before = {
      schedules: await em.count(ReassessmentSchedule),
      notifications: await em.count(Notification),
      audit: await em.count(AuditEntry),
    };
    const refused = async (items: Array<Record<string, unknown>>) => {
      const res = await e.gql(SCHEDULE, { items }, { token: e.tokens.hr });
      expect(res.body.data?.scheduleReassessments ?? null).toBeNull();
      return res.body.errors![0]!;
    };
    const good = { assessmentId: String(ids.eddieAr), dueAt: at(20).toISOString() };
    const cases: Array<[Array<Record<string, unknown>>, string, string]> = [
      [
        [good, { assessmentId: String(ids.wandaAr), dueAt: at(11).toISOString() }],
        'REASSESSMENT.DUE_AFTER_EXPIRY',
        'items.1.dueAt',
      ],
      [
        [good, { assessmentId: String(ids.wandaAr), dueAt: at(-1).toISOString() }],
        'REASSESSMENT.DUE_NOT_IN_FUTURE',
        'items.1.dueAt',
      ],
      [
        [good, { assessmentId: String(ids.eddieOldAr), dueAt: at(5).toISOString() }],
        'REASSESSMENT.NOT_IN_FORCE',
        'items.1.assessmentId',
      ],
      [[good, { ...good }], 'REASSESSMENT.DUPLICATE', 'items.1.assessmentId'],
      [
        [good, { assessmentId: String(ids.lenaAr), dueAt: at(5).toISOString(), assessorId: '999999' }],
        'REASSESSMENT.UNKNOWN_ASSESSOR',
        'items.1.assessorId',
      ],
    ];
    for (const [items, code, field] of cases) {
      const error = await refused(items);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      const reasons = error.extensions?.reasons as Array<{ code: string; field: string; message: string }>;
      expect(reasons.map((r) => [r.code, r.field])).toEqual([[code, field]]);
      expect(reasons[0]!.message).toMatch(/^Item 2: /);
    }
    // An assessment that does not exist: NOT_FOUND, nothing written.
    expect((await refused([good, { assessmentId: '999999', dueAt: at(5).toISOString() }])).extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect({
      schedules: await em.count(ReassessmentSchedule),
      notifications: await em.count(Notification),
      audit: await em.count(AuditEntry),
    }).toEqual(before);
  });

  test('scheduling writes the schedules, audits them, notifies each person; the list shows them', async () => {
    const em = e.dataSource.manager;
    const { people, users } = e.fixture;
    const res = await e.gql<{ scheduleReassessments: Array<Record<string, unknown>> }>(
      SCHEDULE,
      {
        items: [
          { assessmentId: String(ids.eddieAr), dueAt: at(20).toISOString(), note: '  bring the evidence  ' },
          { assessmentId: String(ids.lenaAr), dueAt: at(75).toISOString(), assessorId: String(ids.assessor) },
        ],
      },
      { token: e.tokens.hr },
    );
    expect(res.body.errors).toBeUndefined();
    const written = res.body.data!.scheduleReassessments;
    expect(written.map((s) => [s.personId, s.role, s.status, s.note, s.assessorId])).toEqual([
      [String(people.east1), 'AR', 'SCHEDULED', 'bring the evidence', null],
      [String(people.leader), 'AR', 'SCHEDULED', null, String(ids.assessor)],
    ]);
    const audit = await em.findBy(AuditEntry, { entityType: 'ReassessmentSchedule' });
    expect(audit.map((a) => a.entityId).sort()).toEqual(written.map((s) => String(s.id)).sort());
    // Lena has a user (the LEADER): the notification is theirs; Eddie has none: his person's.
    const notes = await em.findBy(Notification, { kind: 'REASSESSMENT_SCHEDULED' });
    expect(notes.map((n) => [n.recipientUserId, n.recipientPersonId]).sort()).toEqual(
      [
        [null, people.east1],
        [users.leader, people.leader],
      ].sort(),
    );
    const lena = notes.find((n) => n.recipientUserId === users.leader)!;
    expect(lena.payload).toMatchObject({
      personName: 'Lena Leader',
      role: 'AR',
      level: 2,
      assessorName: 'Astrid Assessor',
    });
    expect(lena.targetId).toBe(String(ids.lenaAr));
    // The LEADER's bell says it in words, in both languages.
    for (const [locale, words] of [
      ['en', /Re-assessment as .+ scheduled/],
      ['zh-CN', /复审/],
    ] as const) {
      const bell = await e.gql<{ notifications: Array<{ kind: string; title: string; body: string }> }>(
        '{ notifications { kind title body } }',
        {},
        { token: e.tokens.leader, headers: { 'accept-language': locale } },
      );
      const mine = bell.body.data!.notifications.find((n) => n.kind === 'REASSESSMENT_SCHEDULED')!;
      expect(mine.title).toMatch(words);
      expect(mine.body).toContain('Astrid Assessor');
    }
    const listed = await page(90);
    expect(listed.nodes.map((n) => [Number(n.assessmentId), n.scheduled])).toEqual([
      [ids.wandaAr, false],
      [ids.eddieAr, true],
      [ids.eddieSr, false],
      [ids.lenaAr, true],
      [ids.edgeAr, false],
    ]);
    expect(listed.nodes[3]!.schedule).toMatchObject({ status: 'SCHEDULED', assessor: { name: 'Astrid Assessor' } });
    // Scheduling the same certification again is refused (no second open schedule).
    const again = await e.gql(
      SCHEDULE,
      { items: [{ assessmentId: String(ids.eddieAr), dueAt: at(10).toISOString() }] },
      { token: e.tokens.hr },
    );
    const reasons = again.body.errors?.[0]?.extensions?.reasons as Array<{ code: string }>;
    expect(reasons.map((r) => r.code)).toEqual(['REASSESSMENT.ALREADY_SCHEDULED']);
    expect(await em.countBy(ReassessmentSchedule, { assessmentId: ids.eddieAr })).toBe(1);
  });

  test('a scheduled re-assessment is cancelled once (audited); the certification can be scheduled again', async () => {
    const em = e.dataSource.manager;
    const schedule = await em.findOneByOrFail(ReassessmentSchedule, { assessmentId: ids.eddieAr, status: 'SCHEDULED' });
    const cancel = () =>
      e.gql<{ cancelReassessment: { status: string } }>(
        `mutation { cancelReassessment(id: "${schedule.id}", reason: "moved to next quarter") { status } }`,
        {},
        { token: e.tokens.hr },
      );
    const first = await cancel();
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.cancelReassessment.status).toBe('CANCELLED');
    const audit = await em.findOneByOrFail(AuditEntry, {
      entityType: 'ReassessmentSchedule',
      entityId: String(schedule.id),
      action: 'cancel',
    });
    expect(audit.note).toBe('moved to next quarter');
    const again = await cancel();
    const reasons = again.body.errors?.[0]?.extensions?.reasons as Array<{ code: string }>;
    expect(reasons.map((r) => r.code)).toEqual(['REASSESSMENT.NOT_OPEN']);
    expect((await page(30)).nodes.find((n) => Number(n.assessmentId) === ids.eddieAr)?.scheduled).toBe(false);
    const rescheduled = await e.gql(
      SCHEDULE,
      { items: [{ assessmentId: String(ids.eddieAr), dueAt: at(15).toISOString() }] },
      { token: e.tokens.hr },
    );
    expect(rescheduled.body.errors).toBeUndefined();
    expect(await em.countBy(ReassessmentSchedule, { assessmentId: ids.eddieAr, status: 'SCHEDULED' })).toBe(1);
  });

  test('the 30-day reminder reaches the scheduled assessor too, once', async () => {
    const em = e.dataSource.manager;
    // Lena's AR ends in 75 days: reminded 50 days from now, to her and to her assessor.
    const run = async () => {
      const res = await e.gql<{ runReminders: { certifications: number } }>(
        `mutation { runReminders(at: "${at(50).toISOString()}") { certifications } }`,
        {},
        { token: e.tokens.admin },
      );
      expect(res.body.errors).toBeUndefined();
    };
    await run();
    const reminded = await em.findBy(Notification, { kind: 'CERTIFICATION_EXPIRING', targetId: String(ids.lenaAr) });
    expect(reminded.map((n) => n.recipientPersonId).sort()).toEqual([e.fixture.people.leader, ids.assessor].sort());
    const toAssessor = reminded.find((n) => n.recipientPersonId === ids.assessor)!;
    expect(toAssessor.payload).toMatchObject({ personName: 'Lena Leader', asAssessor: true });
    await run();
    expect(await em.countBy(Notification, { kind: 'CERTIFICATION_EXPIRING', targetId: String(ids.lenaAr) })).toBe(2);
  });

  test('a new certifying assessment of the person in the role makes the open schedules DONE', async () => {
    const em = e.dataSource.manager;
    const { people } = e.fixture;
    // A framework the API evaluates: one dimension, level 1 at proficiency 1.
    const run = async <T>(query: string, token = e.tokens.hr): Promise<T> => {
      const res = await e.gql<Record<string, T>>(query, {}, { token });
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
      return Object.values(res.body.data!)[0] as T;
    };
    const model = await run<{ id: string }>(
      'mutation { r: createRoleModel(role: SR, name: "SR model", nameZh: "方案经理模型") { id } }',
    );
    const version = await run<{ id: string }>(
      `mutation { r: createRoleModelVersion(roleModelId: "${model.id}", versionNo: 1, status: "PUBLISHED") { id } }`,
    );
    await run(`mutation { r: createRoleModelDimension(roleModelVersionId: "${version.id}", code: "D1", name: "D1",
      nameZh: "D1") { id } }`);
    const framework = await run<{ id: string }>(
      `mutation { r: createQualificationFramework(${args({
        role: en('SR'),
        roleModelVersionId: version.id,
        name: 'SR framework',
        validityMonths: 24,
        status: 'ACTIVE',
        managerMayCertify: false,
      })}) { id } }`,
    );
    const level = await run<{ id: string }>(
      `mutation { r: createQualificationLevel(${args({
        frameworkId: framework.id,
        level: 1,
        name: 'L1',
        nameZh: '1 级',
      })}) { id } }`,
    );
    await run(
      `mutation { r: createLevelRequirement(levelId: "${level.id}", dimensionCode: "D1", minProficiency: 1) { id } }`,
    );
    const scheduled = await run<Array<{ id: string }>>(
      `mutation { r: scheduleReassessments(items: [{ assessmentId: "${ids.eddieSr}",
        dueAt: "${at(25).toISOString()}" }]) { id } }`,
    );
    const assess = (kind: string) =>
      run<{ id: string; certifies: boolean }>(
        `mutation { r: createAssessment(${args({
          personId: String(people.east1),
          frameworkId: framework.id,
          kind: en(kind),
          assessedAt: new Date(),
          inRoleSince: at(-400),
          completedProjects: 1,
          ratings: [{ dimension: 'D1', proficiency: 3 }],
        })}) { id certifies } }`,
      );
    // A self-assessment does not certify: the schedule stays open.
    expect((await assess('SELF')).certifies).toBe(false);
    expect((await em.findOneByOrFail(ReassessmentSchedule, { id: Number(scheduled[0]!.id) })).status).toBe('SCHEDULED');
    const panel = await assess('PANEL');
    expect(panel.certifies).toBe(true);
    const done = await em.findOneByOrFail(ReassessmentSchedule, { id: Number(scheduled[0]!.id) });
    expect(done).toMatchObject({ status: 'DONE', doneAssessmentId: Number(panel.id) });
    // Eddie's AR schedule (another role) stays open; the SR certification is no longer expiring.
    expect(await em.countBy(ReassessmentSchedule, { assessmentId: ids.eddieAr, status: 'SCHEDULED' })).toBe(1);
    const listed = await page(90, e.tokens.hr, { at: new Date().toISOString() });
    expect(assessmentIds(listed)).not.toContain(ids.eddieSr);
    // An assessment with a schedule can still be deleted (its schedules go with it).
    const gone = await e.gql(
      `mutation { deleteAssessment(id: "${ids.eddieSr}") { id } }`,
      {},
      {
        token: e.tokens.hr,
      },
    );
    expect(gone.body.errors).toBeUndefined();
    expect(await em.countBy(ReassessmentSchedule, { assessmentId: ids.eddieSr })).toBe(0);
  });
});
