// Role-model versions: newRoleModelDraft copies a version with its dimensions and key behaviours into a draft;
// publishRoleModelVersion puts a complete draft in force and retires the version in force before it, in one
// transaction; a version that is not a draft, or an incomplete one, is refused with nothing written; two publishes of
// drafts of one model racing each other leave exactly one version in force.
import { describeOnDatabases, TestEnv } from './support/databases';
import { args } from './support/graphql';
import { RoleModelDimension, RoleModelVersion } from '../src/modules/role-model';
import { AuditEntry } from '../src/platform/audit-entry.entity';

type Answer = Awaited<ReturnType<TestEnv['gql']>>;
const codeOf = (res: Answer) => (res.body.errors?.[0]?.extensions?.code as string | undefined) ?? null;
// 40 rounds on MariaDB (rows lock, transactions interleave); SQLite runs one writer at a time: 10 there.
const ROUNDS_ON = { mariadb: 40, sqlite: 10 } as const;

interface Version {
  id: string;
  version: number;
  versionNo: number;
  status: string;
  publishedAt: string | null;
  roleModelId: string;
}
const VERSION = 'id version versionNo status publishedAt roleModelId';
const BEHAVIOURS = [
  { code: 'SPD1', name: { en: 'Set sales targets', 'zh-CN': '制定销售目标' } },
  { code: 'SPD2', name: { en: 'Build the team', 'zh-CN': '组建团队' } },
];

describeOnDatabases('role-model versions: draft and publish', (env) => {
  let e: TestEnv;
  let modelId: string;
  let v1: Version;

  async function run<T>(query: string, variables: Record<string, unknown> = {}, token = e.tokens.hr): Promise<T> {
    const res = await e.gql<Record<string, T>>(query, variables, { token });
    if (res.body.errors) throw new Error(`${query.slice(0, 80)}…: ${JSON.stringify(res.body.errors)}`);
    return Object.values(res.body.data!)[0] as T;
  }
  const version = (id: string) =>
    run<Version & { dimensions: Array<{ code: string; name: string; nameZh: string; indicators: unknown }> }>(
      `query($id: ID!) { RoleModelVersion(id: $id) { ${VERSION} dimensions { code name nameZh indicators } } }`,
      { id },
    );
  const versionsOf = (roleModelId: string) =>
    e.dataSource.manager.find(RoleModelVersion, { where: { roleModelId: Number(roleModelId) } });
  const audits = () => e.dataSource.manager.count(AuditEntry, { where: { entityType: 'RoleModelVersion' } });
  const publishText = (id: string, v: number) =>
    `mutation { r: publishRoleModelVersion(id: "${id}", version: ${v}) { ${VERSION} } }`;

  beforeAll(async () => {
    e = env();
    const model = await run<{ id: string }>(
      'mutation { r: createRoleModel(role: AR, name: "AR model", nameZh: "客户经理模型") { id } }',
    );
    modelId = model.id;
    v1 = await run<Version>(
      `mutation { r: createRoleModelVersion(roleModelId: "${modelId}", versionNo: 1, status: "PUBLISHED") {
        ${VERSION} } }`,
    );
    await run(
      `mutation($i: JSON) { r: createRoleModelDimension(${args({
        roleModelVersionId: v1.id,
        code: 'SPD',
        name: 'Driver of the sales project',
        nameZh: '销售项目的主导者',
        sortOrder: 1,
      })}, indicators: $i) { id } }`,
      { i: BEHAVIOURS },
    );
  });

  test(
    'a draft copies the version in force; publishing puts it in force from now and retires the one before, ' +
      'audited; a stale version is a CONFLICT',
    async () => {
      const draft = await run<Version>(`mutation { r: newRoleModelDraft(fromVersionId: "${v1.id}") { ${VERSION} } }`);
      expect(draft).toMatchObject({ versionNo: 2, status: 'DRAFT', publishedAt: null, roleModelId: modelId });
      const copied = await version(draft.id);
      expect(copied.dimensions).toEqual([
        { code: 'SPD', name: 'Driver of the sales project', nameZh: '销售项目的主导者', indicators: BEHAVIOURS },
      ]);
      // One draft at a time.
      const second = await e.gql(
        `mutation { newRoleModelDraft(fromVersionId: "${v1.id}") { id } }`,
        {},
        {
          token: e.tokens.hr,
        },
      );
      expect(codeOf(second)).toBe('ROLE_MODEL_VERSION.DRAFT_EXISTS');

      // The draft changes a behaviour; the version in force keeps its own.
      const dimension = await e.dataSource.manager.findOneByOrFail(RoleModelDimension, {
        roleModelVersionId: Number(draft.id),
      });
      const changed = [BEHAVIOURS[0], { code: 'SPD3', name: { en: 'Manage competition', 'zh-CN': '管理竞争' } }];
      await run(
        `mutation($i: JSON) { r: updateRoleModelDimension(id: "${dimension.id}", version: 1, indicators: $i) { id } }`,
        { i: changed },
      );
      expect((await version(v1.id)).dimensions[0]!.indicators).toEqual(BEHAVIOURS);

      const stale = await e.gql(publishText(draft.id, draft.version + 3), {}, { token: e.tokens.hr });
      expect(codeOf(stale)).toBe('CONFLICT');
      expect((await version(draft.id)).status).toBe('DRAFT');

      const published = (await e.gql<{ r: Version }>(publishText(draft.id, draft.version), {}, { token: e.tokens.hr }))
        .body.data!.r;
      expect(published).toMatchObject({ id: draft.id, status: 'PUBLISHED', version: draft.version + 1 });
      expect(new Date(published.publishedAt!).getTime()).toBeGreaterThan(0);
      expect((await version(v1.id)).status).toBe('RETIRED');
      expect((await version(draft.id)).dimensions[0]!.indicators).toEqual(changed);
      const entries = await e.dataSource.manager.find(AuditEntry, {
        where: { entityType: 'RoleModelVersion' },
        order: { id: 'ASC' },
      });
      expect(entries.filter((a) => a.entityId === draft.id).map((a) => a.action)).toEqual(['version', 'publish']);
      expect(entries.filter((a) => a.entityId === v1.id).map((a) => a.action)).toEqual(['create', 'retire']);
      expect((await versionsOf(modelId)).filter((v) => v.status === 'PUBLISHED').map((v) => String(v.id))).toEqual([
        draft.id,
      ]);
    },
  );

  test(
    'publishing a version that is not a draft, an incomplete draft, or by a caller who may not write role ' +
      'models is refused with nothing written; an update never puts a version in force',
    async () => {
      const inForce = (await versionsOf(modelId)).find((v) => v.status === 'PUBLISHED')!;
      const retired = (await versionsOf(modelId)).find((v) => v.status === 'RETIRED')!;
      const before = await versionsOf(modelId);
      const auditsBefore = await audits();
      for (const row of [inForce, retired]) {
        const res = await e.gql(publishText(String(row.id), row.version), {}, { token: e.tokens.hr });
        expect(codeOf(res)).toBe('ROLE_MODEL_VERSION.NOT_DRAFT');
        expect(res.body.errors![0]!.extensions!.reasons).toEqual([
          expect.objectContaining({
            code: 'ROLE_MODEL_VERSION.NOT_DRAFT',
            data: expect.objectContaining({ versionNo: row.versionNo, versionStatus: row.status }),
          }),
        ]);
      }
      expect(await versionsOf(modelId)).toEqual(before);
      expect(await audits()).toBe(auditsBefore);

      // An incomplete draft: a dimension without behaviours, another with a behaviour named in one language.
      const draft = await run<Version>(
        `mutation { r: newRoleModelDraft(fromVersionId: "${inForce.id}") { ${VERSION} } }`,
      );
      const copied = await e.dataSource.manager.findOneByOrFail(RoleModelDimension, {
        roleModelVersionId: Number(draft.id),
      });
      await run(
        `mutation($i: JSON) { r: updateRoleModelDimension(id: "${copied.id}", version: 1, indicators: $i) { id } }`,
        { i: [{ code: 'X1', name: { en: 'Only English', 'zh-CN': '' } }] },
      );
      await run(
        `mutation { r: createRoleModelDimension(roleModelVersionId: "${draft.id}", code: "AR", name: "Relations",
          nameZh: "客户关系", sortOrder: 2) { id } }`,
      );
      const afterDraft = await versionsOf(modelId);
      const auditsAfterDraft = await audits();
      const incomplete = await e.gql(publishText(draft.id, draft.version), {}, { token: e.tokens.hr });
      expect(codeOf(incomplete)).toBe('ROLE_MODEL_VERSION.INCOMPLETE');
      const reasons = incomplete.body.errors![0]!.extensions!.reasons as Array<{ data: Record<string, unknown> }>;
      expect(reasons.map((r) => [r.data.dimension, r.data.problem])).toEqual([
        ['SPD', 'BEHAVIOUR_UNNAMED'],
        ['AR', 'NO_BEHAVIOURS'],
      ]);
      expect(await versionsOf(modelId)).toEqual(afterDraft);
      expect(await audits()).toBe(auditsAfterDraft);

      // A leader may not publish (role models are written by HR and administrators).
      const leader = await e.gql(publishText(draft.id, draft.version), {}, { token: e.tokens.leader });
      expect(codeOf(leader)).toBe('FORBIDDEN');
      const viewer = await e.gql(
        `mutation { newRoleModelDraft(fromVersionId: "${inForce.id}") { id } }`,
        {},
        {
          token: e.tokens.viewer,
        },
      );
      expect(codeOf(viewer)).toBe('FORBIDDEN');

      // updateRoleModelVersion does not put a draft in force (it may retire one).
      const sneak = await e.gql(
        `mutation { updateRoleModelVersion(id: "${draft.id}", version: ${draft.version}, status: "PUBLISHED") { id } }`,
        {},
        { token: e.tokens.hr },
      );
      expect(codeOf(sneak)).toBe('ROLE_MODEL_VERSION.STATUS_CHANGE');
      expect(await versionsOf(modelId)).toEqual(afterDraft);
      expect(await audits()).toBe(auditsAfterDraft);

      // Missing: NOT_FOUND.
      expect(codeOf(await e.gql(publishText('999999', 1), {}, { token: e.tokens.hr }))).toBe('NOT_FOUND');
      // Clean up: the incomplete draft goes (with its dimensions) so the race below starts from one draft-free model.
      for (const d of await e.dataSource.manager.findBy(RoleModelDimension, { roleModelVersionId: Number(draft.id) }))
        await run(`mutation { r: deleteRoleModelDimension(id: "${d.id}") { id } }`);
      await run(`mutation { r: deleteRoleModelVersion(id: "${draft.id}") { id } }`);
    },
  );

  test(`40 rounds (10 on SQLite) of two drafts published at once: exactly one version in force`, async () => {
    const em = e.dataSource.manager;
    const stamp = () => ({ version: 1, createdAt: new Date(), updatedAt: new Date() });
    let versionNo = Math.max(...(await versionsOf(modelId)).map((v) => v.versionNo));
    let bothPublished = 0;
    for (let round = 0; round < ROUNDS_ON[e.kind]; round++) {
      const drafts: RoleModelVersion[] = [];
      for (let i = 0; i < 2; i++) {
        versionNo += 1;
        const draft = await em.save(
          em.create(RoleModelVersion, {
            roleModelId: Number(modelId),
            versionNo,
            status: 'DRAFT',
            publishedAt: null,
            notes: `race ${round}.${i}`,
            ...stamp(),
          }),
        );
        await em.insert(RoleModelDimension, {
          roleModelVersionId: draft.id,
          code: 'SPD',
          name: 'Driver',
          nameZh: '主导者',
          indicators: BEHAVIOURS,
          sortOrder: 1,
          ...stamp(),
        });
        drafts.push(draft);
      }
      const answers = await Promise.all(
        drafts.map((d) => e.gql(publishText(String(d.id), d.version), {}, { token: e.tokens.hr })),
      );
      expect(answers.map(codeOf)).toEqual([null, null]);
      const rows = await versionsOf(modelId);
      const inForce = rows.filter((v) => v.status === 'PUBLISHED');
      expect({ round, inForce: inForce.length }).toEqual({ round, inForce: 1 });
      // The one in force is the later publish; every other version is retired (none left a draft when both passed).
      if (answers.every((a) => codeOf(a) === null)) {
        bothPublished += 1;
        const publishes = await em.find(AuditEntry, {
          where: drafts.map((d) => ({ entityType: 'RoleModelVersion', entityId: String(d.id), action: 'publish' })),
          order: { id: 'ASC' },
        });
        expect(publishes.map((p) => p.entityId)).toHaveLength(2);
        expect(String(inForce[0]!.id)).toBe(publishes[1]!.entityId);
      }
      expect(rows.filter((v) => v.status === 'DRAFT')).toEqual([]);
    }
    expect(bothPublished).toBe(ROUNDS_ON[e.kind]);
  });
});
