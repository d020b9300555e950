// Role-model versions: a role model has at most one version in force (PUBLISHED); a change is made on a DRAFT
// (newRoleModelDraft copies a version with its dimensions and behaviours), which publishRoleModelVersion puts in
// force, retiring the one before it, in one transaction. Assessments keep pointing at the version they were made on.
//
// Locks (MySQL/MariaDB; SQLite runs one transaction at a time): both writes take the role model's row and then its
// versions FOR UPDATE before any plain read: two publishes (or a publish and a new draft) of one model run one after
// the other, so the second sees the first's version in force and retires it — never two versions in force. A write
// of a dimension takes its version's row (the dimension spec's `parent`), so it never slips between the check of a
// draft's dimensions and its publishing. Role models keep no change-log history (change-log/registry.ts): like their
// other writes, these are audited only.
import { Arg, Ctx, ID, Int, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { EntityManager } from 'typeorm';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { conflict, notFound } from '../../platform/errors';
import { refusal, RefusalReasonInput, singleRefusal } from '../../platform/refusal';
import { guardedUpdate, toId } from '../../platform/crud';
import { writeAudit } from '../../platform/audit';
import { forUpdate, lockedRow } from '../../platform/db';
import { assertWritable } from '../../platform/scope';
import { RoleModel, RoleModelDimension, RoleModelVersion } from './role-model.entity';

const VERSION = { entity: RoleModelVersion, name: 'RoleModelVersion' };

/** "Role model version 7 (version 2 of "AR model")": how messages name a version. */
function named(version: RoleModelVersion, model: RoleModel): string {
  return `Role model version ${version.id} (version ${version.versionNo} of "${model.name}")`;
}

function facts(version: RoleModelVersion, model: RoleModel): Record<string, unknown> {
  return {
    roleModelVersionId: String(version.id),
    roleModelId: String(model.id),
    modelName: model.name,
    modelNameZh: model.nameZh,
    versionNo: version.versionNo,
    versionStatus: version.status,
  };
}

/**
 * A status change by updateRoleModelVersion: only retiring (ROLE_MODEL_VERSION.STATUS_CHANGE otherwise). A version
 * comes into force only through publishRoleModelVersion, which retires the one before it in the same transaction.
 */
export function assertVersionStatusChange(before: RoleModelVersion, status: string | undefined): void {
  if (status === undefined || status === before.status || status === 'RETIRED') return;
  throw singleRefusal(
    'ROLE_MODEL_VERSION.STATUS_CHANGE',
    `Role model version ${before.id} (version ${before.versionNo}) is ${before.status}; an update may only retire ` +
      `it (status RETIRED). Publish a draft with publishRoleModelVersion, or start one with newRoleModelDraft.`,
    { roleModelVersionId: String(before.id), versionNo: before.versionNo, versionStatus: before.status },
    'status',
  );
}

/** The model's row, then its versions, FOR UPDATE (reference data: refused to a caller who may not write it). */
async function lockModel(
  em: EntityManager,
  ctx: Context,
  modelId: number,
): Promise<{ model: RoleModel; versions: RoleModelVersion[] }> {
  const model = await lockedRow(em, RoleModel, modelId);
  if (!model) throw notFound('RoleModel', modelId);
  await assertWritable(ctx, em, RoleModel, 'role model', model, model);
  const versions = await em.find(RoleModelVersion, {
    where: { roleModelId: modelId },
    order: { versionNo: 'ASC' },
    ...forUpdate(em),
  });
  return { model, versions };
}

/**
 * The version's model id, read before the transaction (a version never moves to another model): inside it, the first
 * plain read would fix the snapshot (REPEATABLE READ) before the locks are taken.
 */
async function modelOf(ctx: Context, versionId: number): Promise<number> {
  const row = await ctx.db.manager.findOne(RoleModelVersion, {
    where: { id: versionId },
    select: { id: true, roleModelId: true },
  });
  if (!row) throw notFound('RoleModelVersion', versionId);
  return row.roleModelId;
}

/** What a version needs before it is put in force: dimensions, each with behaviours named in both languages. */
export function incompleteness(dimensions: RoleModelDimension[]): RefusalReasonInput[] {
  const code = 'ROLE_MODEL_VERSION.INCOMPLETE';
  if (dimensions.length === 0) {
    return [{ code, message: 'It has no dimensions: add at least one dimension with its key behaviours.' }];
  }
  const reasons: RefusalReasonInput[] = [];
  for (const d of dimensions) {
    const indicators = Array.isArray(d.indicators) ? d.indicators : [];
    if (indicators.length === 0) {
      reasons.push({
        code,
        message: `Dimension ${d.code} has no key behaviours: add at least one.`,
        data: { dimension: d.code, problem: 'NO_BEHAVIOURS' },
      });
      continue;
    }
    const seen = new Set<string>();
    for (const i of indicators) {
      const name = (i?.name ?? {}) as Record<string, unknown>;
      const en = typeof name.en === 'string' ? name.en.trim() : '';
      const zh = typeof name['zh-CN'] === 'string' ? name['zh-CN'].trim() : '';
      const behaviour = typeof i?.code === 'string' ? i.code.trim() : '';
      if (!behaviour || !en || !zh) {
        reasons.push({
          code,
          message:
            `A key behaviour of dimension ${d.code} (${behaviour || 'without a code'}) needs a code, an English ` +
            `and a Chinese name.`,
          data: { dimension: d.code, behaviour: behaviour || null, problem: 'BEHAVIOUR_UNNAMED' },
        });
      } else if (seen.has(behaviour)) {
        reasons.push({
          code,
          message: `Dimension ${d.code} has the key behaviour code ${behaviour} twice: codes are unique.`,
          data: { dimension: d.code, behaviour, problem: 'BEHAVIOUR_TWICE' },
        });
      }
      seen.add(behaviour);
    }
  }
  return reasons;
}

async function dimensionsOf(em: EntityManager, versionId: number): Promise<RoleModelDimension[]> {
  return em.find(RoleModelDimension, {
    where: { roleModelVersionId: versionId },
    order: { sortOrder: 'ASC', id: 'ASC' },
  });
}

/** A DRAFT copy of `sourceId` with its dimensions, as the model's next version. */
async function newDraft(em: EntityManager, ctx: Context, modelId: number, sourceId: number): Promise<RoleModelVersion> {
  const { model, versions } = await lockModel(em, ctx, modelId);
  const source = versions.find((v) => v.id === sourceId);
  if (!source) throw notFound('RoleModelVersion', sourceId);
  const draft = versions.find((v) => v.status === 'DRAFT');
  if (draft) {
    throw singleRefusal(
      'ROLE_MODEL_VERSION.DRAFT_EXISTS',
      `${named(draft, model)} is already a draft: change and publish that draft (publishRoleModelVersion), or ` +
        `delete it and start a new draft again.`,
      { ...facts(draft, model), draftId: String(draft.id) },
    );
  }
  const versionNo = Math.max(...versions.map((v) => v.versionNo)) + 1;
  const inserted = await em.insert(RoleModelVersion, {
    roleModelId: model.id,
    versionNo,
    status: 'DRAFT',
    publishedAt: null,
    notes: null,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  } as never);
  const created = await em.findOneByOrFail(RoleModelVersion, { id: Number(inserted.identifiers[0]?.id) });
  const dimensions = await dimensionsOf(em, source.id);
  for (const d of dimensions) {
    const done = await em.insert(RoleModelDimension, {
      roleModelVersionId: created.id,
      code: d.code,
      name: d.name,
      nameZh: d.nameZh,
      indicators: d.indicators,
      sortOrder: d.sortOrder,
      version: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    } as never);
    const copy = await em.findOneByOrFail(RoleModelDimension, { id: Number(done.identifiers[0]?.id) });
    await writeAudit(em, ctx, {
      action: 'create',
      entityType: 'RoleModelDimension',
      entityId: copy.id,
      after: copy,
      note: `copied from dimension ${d.id} of role model version ${source.id} (new version ${versionNo})`,
    });
  }
  await writeAudit(em, ctx, {
    action: 'version',
    entityType: 'RoleModelVersion',
    entityId: created.id,
    before: source,
    after: created,
    note:
      `version ${versionNo} of role model ${model.id}, a draft copied from version ${source.versionNo} with ` +
      `${dimensions.length} dimensions`,
  });
  return created;
}

/** DRAFT → PUBLISHED (in force from now); the model's version in force becomes RETIRED. */
async function publish(
  em: EntityManager,
  ctx: Context,
  modelId: number,
  id: number,
  expectedVersion: number,
): Promise<RoleModelVersion> {
  const { model, versions } = await lockModel(em, ctx, modelId);
  const row = versions.find((v) => v.id === id);
  if (!row) throw notFound('RoleModelVersion', id);
  if (row.version !== expectedVersion) throw conflict('RoleModelVersion', id, expectedVersion, row.version);
  if (row.status !== 'DRAFT') {
    throw singleRefusal(
      'ROLE_MODEL_VERSION.NOT_DRAFT',
      `${named(row, model)} is ${row.status}: only a DRAFT is published. Start a new draft with ` +
        `newRoleModelDraft to change the version in force.`,
      facts(row, model),
    );
  }
  const reasons = incompleteness(await dimensionsOf(em, id));
  if (reasons.length) {
    throw refusal(
      'ROLE_MODEL_VERSION.INCOMPLETE',
      `${named(row, model)} is not complete, so it is not published: ${reasons.map((r) => r.message).join(' ')}`,
      reasons.map((r) => ({ ...r, data: { ...facts(row, model), ...(r.data as object | undefined) } })),
    );
  }
  for (const other of versions) {
    if (other.id === id || other.status !== 'PUBLISHED') continue;
    const retired = await guardedUpdate(em, VERSION, other.id, other.version, { status: 'RETIRED' }, ctx.now);
    await writeAudit(em, ctx, {
      action: 'retire',
      entityType: 'RoleModelVersion',
      entityId: other.id,
      before: other,
      after: retired,
      note: `replaced by version ${row.versionNo} (role model version ${id})`,
    });
  }
  const published = await guardedUpdate(
    em,
    VERSION,
    id,
    row.version,
    { status: 'PUBLISHED', publishedAt: ctx.now },
    ctx.now,
  );
  await writeAudit(em, ctx, {
    action: 'publish',
    entityType: 'RoleModelVersion',
    entityId: id,
    before: row,
    after: published,
    note: `version ${row.versionNo} of role model ${model.id} published`,
  });
  return published;
}

@Resolver()
export class RoleModelVersionStepsResolver {
  @Mutation(() => RoleModelVersion, {
    description:
      "Copies a role model version with its dimensions and key behaviours into a new DRAFT, the model's next " +
      'version (versionNo = highest + 1), to be changed and then published (publishRoleModelVersion). Refused ' +
      'with ROLE_MODEL_VERSION.DRAFT_EXISTS while the model has a draft.',
  })
  @UseMiddleware(allow('qualifications', 'write'))
  async newRoleModelDraft(
    @Arg('fromVersionId', () => ID, { description: 'The version to copy (usually the one in force).' })
    fromVersionId: string,
    @Ctx() ctx: Context,
  ): Promise<RoleModelVersion> {
    const id = toId(fromVersionId, 'fromVersionId');
    const modelId = await modelOf(ctx, id);
    return ctx.db.transaction((em) => newDraft(em, ctx, modelId, id));
  }

  @Mutation(() => RoleModelVersion, {
    description:
      'DRAFT → PUBLISHED, in force from now (publishedAt); the version in force before it becomes RETIRED ' +
      '(assessments made on it keep it). Refused with ROLE_MODEL_VERSION.NOT_DRAFT for a version that is not a ' +
      'draft and ROLE_MODEL_VERSION.INCOMPLETE for one without dimensions or with a dimension without named key ' +
      'behaviours.',
  })
  @UseMiddleware(allow('qualifications', 'write'))
  async publishRoleModelVersion(
    @Arg('id', () => ID, { description: 'The draft.' }) id: string,
    @Arg('version', () => Int, { description: 'The optimistic-locking version you read (CONFLICT when stale).' })
    version: number,
    @Ctx() ctx: Context,
  ): Promise<RoleModelVersion> {
    const versionId = toId(id);
    const modelId = await modelOf(ctx, versionId);
    return ctx.db.transaction((em) => publish(em, ctx, modelId, versionId, version));
  }
}
