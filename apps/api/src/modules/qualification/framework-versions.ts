// Frozen framework versions. A framework row is one version of a lineage (lineageId: the id of the lineage's first
// version; versionNo 1, 2, …). Once an assessment uses a version, its levels, requirements and the fields that change
// an evaluation never change again (FRAMEWORK_VERSION_FROZEN): an edit is made on a new version, a DRAFT copy
// (createFrameworkVersion), which publishFramework makes the lineage's ACTIVE version, retiring the one before it.
// Assessments keep pointing at the version they were made on.
//
// Locks (MySQL/MariaDB; SQLite runs one transaction at a time): every write of a level or requirement takes its
// framework row FOR UPDATE before it counts the assessments (crud `parent`, then lockedRow here), and so does every
// write of an assessment (its `parent`): an assessment and an edit of its framework never both commit on what the
// other has not seen. The lineage's writes (a new version, publishing) take the lineage's rows FOR UPDATE.
import DataLoader from 'dataloader';
import { Arg, Ctx, ID, Int, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { EntityManager } from 'typeorm';
import type { Context } from '../../platform/context';
import { allow } from '../../platform/permissions';
import { conflict, notFound } from '../../platform/errors';
import { singleRefusal } from '../../platform/refusal';
import { guardedUpdate, toId } from '../../platform/crud';
import { writeAudit } from '../../platform/audit';
import { lockRevision, recordChange } from '../../platform/change-log';
import { forUpdate, lockedRow } from '../../platform/db';
import { assertWritable, restrictToReadable } from '../../platform/scope';
import { LevelRequirement, QualificationFramework, QualificationLevel } from './qualification.entity';
import { Assessment } from '../assessment';

const FRAMEWORK = { entity: QualificationFramework, name: 'QualificationFramework' };

/** The lineage a version belongs to: the id of its first version (a row without one starts its own). */
export function lineageOf(framework: QualificationFramework): number {
  return framework.lineageId ?? framework.id;
}

/** "framework 7 "AR standard" (version 2)": how messages name a framework version. */
function named(framework: QualificationFramework): string {
  return `Qualification framework ${framework.id} "${framework.name}" (version ${framework.versionNo})`;
}

function facts(framework: QualificationFramework): Record<string, unknown> {
  return {
    frameworkId: String(framework.id),
    name: framework.name,
    versionNo: framework.versionNo,
    frameworkStatus: framework.status,
  };
}

/**
 * Refuses `change` to a framework version that assessments use (FRAMEWORK_VERSION_FROZEN). The caller holds the
 * framework row (a locking read) before anything else, so the count sees every assessment committed before it.
 */
export async function assertNotFrozen(
  em: EntityManager,
  framework: QualificationFramework,
  change: string,
): Promise<void> {
  const used = await em.count(Assessment, { where: { frameworkId: framework.id } });
  if (used === 0) return;
  throw singleRefusal(
    'FRAMEWORK_VERSION_FROZEN',
    `${named(framework)} is used by ${used} assessment${used === 1 ? '' : 's'}, so ${change} is refused: the ` +
      `levels, requirements, validity and certification rule of a version that assessments use never change. ` +
      `Create a new version (createFrameworkVersion(frameworkId: "${framework.id}")), change that draft and ` +
      `publish it (publishFramework).`,
    { ...facts(framework), assessments: used },
  );
}

/** Takes the framework row FOR UPDATE and refuses `change` when assessments use it; a missing framework passes. */
export async function assertFrameworkOpen(em: EntityManager, frameworkId: number, change: string): Promise<void> {
  const framework = await lockedRow(em, QualificationFramework, frameworkId);
  if (framework) await assertNotFrozen(em, framework, change);
}

/** Only an ACTIVE version takes new assessments (FRAMEWORK_NOT_ACTIVE). */
export function assertTakesAssessments(framework: QualificationFramework): void {
  if (framework.status === 'ACTIVE') return;
  throw singleRefusal(
    'FRAMEWORK_NOT_ACTIVE',
    `${named(framework)} is ${framework.status}: new assessments are made only on the ACTIVE version of a ` +
      `framework. ${
        framework.status === 'DRAFT'
          ? 'Publish it first (publishFramework), or choose the active version.'
          : 'Choose the active version of the framework.'
      }`,
    facts(framework),
    'frameworkId',
  );
}

/**
 * A status change by updateQualificationFramework: only retiring (FRAMEWORK_STATUS_CHANGE otherwise). A version
 * becomes ACTIVE only through publishFramework, which retires the lineage's previous one in the same transaction.
 */
export function assertStatusChange(before: QualificationFramework, status: string | undefined): void {
  if (status === undefined || status === before.status || status === 'RETIRED') return;
  throw singleRefusal(
    'FRAMEWORK_STATUS_CHANGE',
    `${named(before)} is ${before.status}; an update may only retire a framework (status RETIRED). Publish a ` +
      `draft with publishFramework, or make a new draft with createFrameworkVersion.`,
    { ...facts(before), requestedStatus: status },
    'status',
  );
}

/** The rows of a lineage, taken FOR UPDATE (MySQL/MariaDB): no other version of it is made or published meanwhile. */
async function lockLineage(em: EntityManager, lineageId: number): Promise<QualificationFramework[]> {
  // The first version by its key (its lineageId may be unset: lineageOf), the others through the lineage index.
  const first = await lockedRow(em, QualificationFramework, lineageId);
  const later = await em.find(QualificationFramework, { where: { lineageId }, order: { id: 'ASC' }, ...forUpdate(em) });
  return [...(first && first.lineageId === null ? [first] : []), ...later];
}

async function insertRow<T extends object>(
  em: EntityManager,
  ctx: Context,
  entity: new () => T,
  values: Partial<T>,
): Promise<T> {
  const inserted = await em.insert(entity, { ...values, version: 1, createdAt: ctx.now, updatedAt: ctx.now } as never);
  return em.findOneByOrFail(entity, { id: Number(inserted.identifiers[0]?.id) } as never);
}

/** The source framework, taken FOR UPDATE, that the caller may change (reference data: not a scoped caller). */
async function loadForWrite(em: EntityManager, ctx: Context, id: number): Promise<QualificationFramework> {
  const row = await lockedRow(em, QualificationFramework, id);
  if (!row) throw notFound('QualificationFramework', id);
  await assertWritable(ctx, em, QualificationFramework, 'qualification framework', row, row);
  return row;
}

/** A DRAFT copy of `sourceId` with its levels and requirements, as the next version of its lineage. */
async function createVersion(em: EntityManager, ctx: Context, sourceId: number): Promise<QualificationFramework> {
  const source = await loadForWrite(em, ctx, sourceId);
  const lineageId = lineageOf(source);
  const lineage = await lockLineage(em, lineageId);
  const draft = lineage.find((f) => f.status === 'DRAFT');
  if (draft) {
    throw singleRefusal(
      'FRAMEWORK_DRAFT_EXISTS',
      `${named(draft)} is already a draft of this framework: change and publish that draft (publishFramework), ` +
        `or delete it (a draft is deleted with its levels) and create a new version again.`,
      { ...facts(draft), draftId: String(draft.id) },
    );
  }
  const versionNo = Math.max(source.versionNo, ...lineage.map((f) => f.versionNo)) + 1;
  const created = await insertRow(em, ctx, QualificationFramework, {
    role: source.role,
    roleModelVersionId: source.roleModelVersionId,
    name: source.name,
    validityMonths: source.validityMonths,
    status: 'DRAFT',
    managerMayCertify: source.managerMayCertify,
    versionNo,
    lineageId,
    previousVersionId: source.id,
  });
  const levels = await em.find(QualificationLevel, { where: { frameworkId: source.id }, order: { level: 'ASC' } });
  let copiedRequirements = 0;
  for (const level of levels) {
    const copy = await insertRow(em, ctx, QualificationLevel, {
      frameworkId: created.id,
      level: level.level,
      name: level.name,
      nameZh: level.nameZh,
      minTenureMonths: level.minTenureMonths,
      minProjects: level.minProjects,
      gateMinimumRating: level.gateMinimumRating,
      gatePeriods: level.gatePeriods,
    });
    await recordChange(em, ctx, 'QualificationLevel', copy.id, 'CREATE');
    await writeAudit(em, ctx, {
      action: 'create',
      entityType: 'QualificationLevel',
      entityId: copy.id,
      after: copy,
      note: `copied from level ${level.id} of framework ${source.id} (new version ${versionNo})`,
    });
    const requirements = await em.find(LevelRequirement, { where: { levelId: level.id }, order: { id: 'ASC' } });
    for (const r of requirements) {
      const copied = await insertRow(em, ctx, LevelRequirement, {
        levelId: copy.id,
        dimensionCode: r.dimensionCode,
        minProficiency: r.minProficiency,
      });
      copiedRequirements += 1;
      await recordChange(em, ctx, 'LevelRequirement', copied.id, 'CREATE');
      await writeAudit(em, ctx, {
        action: 'create',
        entityType: 'LevelRequirement',
        entityId: copied.id,
        after: copied,
        note: `copied from requirement ${r.id} of framework ${source.id} (new version ${versionNo})`,
      });
    }
  }
  await recordChange(em, ctx, 'QualificationFramework', created.id, 'CREATE');
  await writeAudit(em, ctx, {
    action: 'version',
    entityType: 'QualificationFramework',
    entityId: created.id,
    before: source,
    after: created,
    note:
      `version ${versionNo} of lineage ${lineageId}, a draft copied from framework ${source.id} (version ` +
      `${source.versionNo}) with ${levels.length} levels and ${copiedRequirements} requirements`,
  });
  return created;
}

/** DRAFT → ACTIVE; the lineage's ACTIVE version becomes RETIRED. */
async function publish(
  em: EntityManager,
  ctx: Context,
  id: number,
  expectedVersion: number,
): Promise<QualificationFramework> {
  const row = await loadForWrite(em, ctx, id);
  if (row.version !== expectedVersion) throw conflict('QualificationFramework', id, expectedVersion, row.version);
  const lineage = await lockLineage(em, lineageOf(row));
  if (row.status !== 'DRAFT') {
    throw singleRefusal(
      'FRAMEWORK_NOT_DRAFT',
      `${named(row)} is ${row.status}: only a DRAFT is published. Make a new draft with createFrameworkVersion ` +
        `to change a published framework.`,
      facts(row),
    );
  }
  const levels = await em.count(QualificationLevel, { where: { frameworkId: id } });
  if (levels === 0) {
    throw singleRefusal(
      'FRAMEWORK_HAS_NO_LEVELS',
      `${named(row)} has no levels: add at least one level (with its requirements) before publishing it.`,
      facts(row),
    );
  }
  for (const other of lineage) {
    if (other.id === id || other.status !== 'ACTIVE') continue;
    const retired = await guardedUpdate(em, FRAMEWORK, other.id, other.version, { status: 'RETIRED' }, ctx.now);
    await recordChange(em, ctx, 'QualificationFramework', other.id, 'UPDATE');
    await writeAudit(em, ctx, {
      action: 'retire',
      entityType: 'QualificationFramework',
      entityId: other.id,
      before: other,
      after: retired,
      note: `replaced by version ${row.versionNo} (framework ${id})`,
    });
  }
  const published = await guardedUpdate(em, FRAMEWORK, id, row.version, { status: 'ACTIVE' }, ctx.now);
  await recordChange(em, ctx, 'QualificationFramework', id, 'UPDATE');
  await writeAudit(em, ctx, {
    action: 'publish',
    entityType: 'QualificationFramework',
    entityId: id,
    before: row,
    after: published,
    note: `version ${row.versionNo} of lineage ${lineageOf(row)} published`,
  });
  return published;
}

/**
 * A draft (never used: only an ACTIVE version takes assessments) is deleted with its levels and requirements; any
 * other framework only once nothing refers to it (crud's dependents).
 */
export async function deleteDraftParts(em: EntityManager, ctx: Context, framework: QualificationFramework) {
  if (framework.status !== 'DRAFT') return;
  if ((await em.count(Assessment, { where: { frameworkId: framework.id } })) > 0) return;
  const levels = await em.find(QualificationLevel, { where: { frameworkId: framework.id }, order: { id: 'ASC' } });
  for (const level of levels) {
    const requirements = await em.find(LevelRequirement, { where: { levelId: level.id }, order: { id: 'ASC' } });
    for (const r of requirements) {
      await em.delete(LevelRequirement, { id: r.id });
      await recordChange(em, ctx, 'LevelRequirement', r.id, 'DELETE');
      await writeAudit(em, ctx, {
        action: 'delete',
        entityType: 'LevelRequirement',
        entityId: r.id,
        before: r,
        note: `deleted with draft framework ${framework.id}`,
      });
    }
    await em.delete(QualificationLevel, { id: level.id });
    await recordChange(em, ctx, 'QualificationLevel', level.id, 'DELETE');
    await writeAudit(em, ctx, {
      action: 'delete',
      entityType: 'QualificationLevel',
      entityId: level.id,
      before: level,
      note: `deleted with draft framework ${framework.id}`,
    });
  }
}

const TOTALS = new WeakMap<Context, DataLoader<number, number>>();
const READABLE = new WeakMap<Context, DataLoader<number, number>>();

/**
 * Assessments per framework, batched per request: all of them (`scoped` false: whether a version is frozen is a fact
 * about the reference data), or those the caller may read.
 */
export function assessmentCounts(ctx: Context, scoped: boolean): DataLoader<number, number> {
  const cache = scoped ? READABLE : TOTALS;
  let loader = cache.get(ctx);
  if (!loader) {
    loader = new DataLoader<number, number>(async (ids) => {
      const qb = ctx.db.manager
        .getRepository(Assessment)
        .createQueryBuilder('r')
        .select('r.frameworkId', 'frameworkId')
        .addSelect('COUNT(*)', 'n')
        .where('r.frameworkId IN (:...frameworkIds)', { frameworkIds: [...ids] })
        .groupBy('r.frameworkId');
      if (scoped) await restrictToReadable(ctx, qb, 'r', Assessment);
      const rows = await qb.getRawMany<{ frameworkId: unknown; n: unknown }>();
      const counts = new Map(rows.map((r) => [Number(r.frameworkId), Number(r.n)]));
      return ids.map((id) => counts.get(Number(id)) ?? 0);
    });
    cache.set(ctx, loader);
  }
  return loader;
}

@Resolver()
export class FrameworkVersionResolver {
  @Mutation(() => QualificationFramework, {
    description:
      'Copies a framework version with its levels and requirements into a new DRAFT: the next version of its ' +
      'lineage (versionNo = highest + 1, previousVersionId = the copied one), to be changed and then published ' +
      '(publishFramework). Refused with FRAMEWORK_DRAFT_EXISTS while the lineage has a draft.',
  })
  @UseMiddleware(allow('qualifications', 'write'))
  createFrameworkVersion(
    @Arg('frameworkId', () => ID, { description: 'The version to copy (usually the ACTIVE one).' }) frameworkId: string,
    @Ctx() ctx: Context,
  ): Promise<QualificationFramework> {
    const id = toId(frameworkId, 'frameworkId');
    return ctx.db.transaction(async (em) => {
      await lockRevision(em);
      return createVersion(em, ctx, id);
    });
  }

  @Mutation(() => QualificationFramework, {
    description:
      'DRAFT → ACTIVE: new assessments use this version from now on; the previously ACTIVE version of the ' +
      'lineage becomes RETIRED (assessments made on it keep it). Refused with FRAMEWORK_NOT_DRAFT for a version ' +
      'that is not a draft and FRAMEWORK_HAS_NO_LEVELS for one without levels.',
  })
  @UseMiddleware(allow('qualifications', 'write'))
  publishFramework(
    @Arg('id', () => ID, { description: 'The draft.' }) id: string,
    @Arg('version', () => Int, { description: 'The optimistic-locking version you read (CONFLICT when stale).' })
    version: number,
    @Ctx() ctx: Context,
  ): Promise<QualificationFramework> {
    const frameworkId = toId(id);
    return ctx.db.transaction(async (em) => {
      await lockRevision(em);
      return publish(em, ctx, frameworkId, version);
    });
  }
}
