import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { badInput } from '../../platform/errors';
import { lockedRow } from '../../platform/db';
import { mustExist } from '../../platform/validation';
import { LevelRequirement, QualificationFramework, QualificationLevel } from './qualification.entity';
import * as A from './qualification.args';
import {
  assertFrameworkOpen,
  assertNotFrozen,
  assertStatusChange,
  assessmentCounts,
  deleteDraftParts,
  lineageOf,
} from './framework-versions';
import { RoleModelVersion } from '../role-model';
import { Assessment } from '../assessment';

function checkGate(rating: string | null | undefined, periods: number | null | undefined): void {
  if (((rating ?? null) === null) !== ((periods ?? null) === null))
    throw badInput({ gatePeriods: 'gateMinimumRating and gatePeriods go together (both or neither)' });
}

/** The framework fields an evaluation reads (frozen with the levels once assessments use the version). */
const EVALUATION_FIELDS = ['validityMonths', 'managerMayCertify'] as const;

/** A requirement's framework, through its level: both rows taken FOR UPDATE (the level is crud's `parent`). */
async function assertLevelOpen(em: EntityManager, levelId: number, change: string): Promise<void> {
  const level = await lockedRow(em, QualificationLevel, levelId);
  if (level) await assertFrameworkOpen(em, level.frameworkId, `${change} of level ${level.level}`);
}

export const frameworkSpec: CrudSpec<QualificationFramework> = {
  entity: QualificationFramework,
  name: 'QualificationFramework',
  plural: 'QualificationFrameworks',
  label: 'qualification framework',
  filter: A.QualificationFrameworkFilter,
  createArgs: A.CreateQualificationFrameworkArgs,
  updateArgs: A.UpdateQualificationFrameworkArgs,
  remove: 'hard',
  search: ['name'],
  scope: {
    kind: 'reference',
    why:
      'org-wide reference data (frameworks, levels, requirements): the same for every unit; written by HR ' +
      'and administrators',
  },
  dependents: [
    { entity: QualificationLevel, column: 'frameworkId', label: 'levels' },
    { entity: Assessment, column: 'frameworkId', label: 'assessments' },
    { entity: QualificationFramework, column: 'previousVersionId', label: 'later versions' },
  ],
  hooks: {
    async beforeCreate(values, { em }) {
      values.managerMayCertify ??= false;
      await mustExist(em, RoleModelVersion, values.roleModelVersionId, 'roleModelVersionId', 'role model version');
      // A new framework is version 1 of a lineage of its own (its id: set once the row exists, afterWrite).
      values.versionNo = 1;
      values.lineageId = null;
      values.previousVersionId = null;
    },
    async afterWrite(record, { em, before }) {
      if (before === null && record.lineageId === null)
        await em.update(QualificationFramework, { id: record.id }, { lineageId: record.id });
    },
    async beforeUpdate(patch, { em, before }) {
      assertStatusChange(before!, patch.status);
      const changed = EVALUATION_FIELDS.filter((f) => patch[f] !== undefined && patch[f] !== before![f]);
      // The row is held FOR UPDATE (crud's loadForWrite) since before any plain read.
      if (changed.length) await assertNotFrozen(em, before!, `changing ${changed.join(' and ')}`);
    },
    beforeDelete: ({ em, ctx, before }) => deleteDraftParts(em, ctx, before!),
  },
};

export const levelSpec: CrudSpec<QualificationLevel> = {
  entity: QualificationLevel,
  name: 'QualificationLevel',
  plural: 'QualificationLevels',
  label: 'qualification level',
  filter: A.QualificationLevelFilter,
  createArgs: A.CreateQualificationLevelArgs,
  updateArgs: A.UpdateQualificationLevelArgs,
  remove: 'hard',
  search: ['name', 'nameZh'],
  scope: {
    kind: 'reference',
    why:
      'org-wide reference data (frameworks, levels, requirements): the same for every unit; written by HR ' +
      'and administrators',
  },
  dependents: [{ entity: LevelRequirement, column: 'levelId', label: 'requirements' }],
  // Every write of a level takes its framework row first: see framework-versions.ts.
  parent: { entity: QualificationFramework, column: 'frameworkId' },
  hooks: {
    async beforeCreate(values, { em }) {
      checkGate(values.gateMinimumRating, values.gatePeriods);
      // Locking reads first: the count of assessments must see every one committed before the framework's lock.
      await assertFrameworkOpen(em, values.frameworkId as number, `adding level ${values.level}`);
      await mustExist(em, QualificationFramework, values.frameworkId, 'frameworkId', 'qualification framework');
    },
    async beforeUpdate(patch, { em, before }) {
      await assertFrameworkOpen(em, before!.frameworkId, `changing level ${before!.level}`);
      checkGate(
        patch.gateMinimumRating === undefined ? before?.gateMinimumRating : patch.gateMinimumRating,
        patch.gatePeriods === undefined ? before?.gatePeriods : patch.gatePeriods,
      );
    },
    beforeDelete: ({ em, before }) => assertFrameworkOpen(em, before!.frameworkId, `deleting level ${before!.level}`),
  },
};

export const requirementSpec: CrudSpec<LevelRequirement> = {
  entity: LevelRequirement,
  name: 'LevelRequirement',
  plural: 'LevelRequirements',
  label: 'level requirement',
  filter: A.LevelRequirementFilter,
  createArgs: A.CreateLevelRequirementArgs,
  updateArgs: A.UpdateLevelRequirementArgs,
  remove: 'hard',
  search: ['dimensionCode'],
  scope: {
    kind: 'reference',
    why:
      'org-wide reference data (frameworks, levels, requirements): the same for every unit; written by HR ' +
      'and administrators',
  },
  // Every write of a requirement takes its level row, then the level's framework row: see framework-versions.ts.
  parent: { entity: QualificationLevel, column: 'levelId' },
  hooks: {
    async beforeCreate(values, { em }) {
      // Locking reads first: the count of assessments must see every one committed before the framework's lock.
      await assertLevelOpen(em, values.levelId as number, `adding requirement ${values.dimensionCode}`);
      await mustExist(em, QualificationLevel, values.levelId, 'levelId', 'qualification level');
    },
    beforeUpdate: (_patch, { em, before }) =>
      assertLevelOpen(em, before!.levelId, `changing requirement ${before!.dimensionCode}`),
    beforeDelete: ({ em, before }) =>
      assertLevelOpen(em, before!.levelId, `deleting requirement ${before!.dimensionCode}`),
  },
};

export const QualificationFrameworkCrudResolver = createCrudResolver(frameworkSpec);
export const QualificationLevelCrudResolver = createCrudResolver(levelSpec);
export const LevelRequirementCrudResolver = createCrudResolver(requirementSpec);

@Resolver(() => QualificationFramework)
export class QualificationFrameworkFieldResolver {
  @FieldResolver(() => [QualificationLevel], { description: 'Levels of the framework.' })
  levels(@Root() f: QualificationFramework, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(QualificationLevel, 'frameworkId').load(f.id);
  }

  @FieldResolver(() => ID, {
    description: 'The lineage: the id of its first version, shared by every version made from it.',
  })
  lineageId(@Root() f: QualificationFramework): string {
    return String(lineageOf(f));
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether assessments use this version: its levels, requirements, validity and certification rule then ' +
      'never change (FRAMEWORK_VERSION_FROZEN); createFrameworkVersion makes an editable draft of it.',
  })
  async frozen(@Root() f: QualificationFramework, @Ctx() ctx: Context): Promise<boolean> {
    return (await assessmentCounts(ctx, false).load(f.id)) > 0;
  }

  @FieldResolver(() => Int, { description: 'Assessments made on this version (those you may see).' })
  assessmentCount(@Root() f: QualificationFramework, @Ctx() ctx: Context): Promise<number> {
    return assessmentCounts(ctx, true).load(f.id);
  }
}

@Resolver(() => QualificationLevel)
export class QualificationLevelFieldResolver {
  @FieldResolver(() => [LevelRequirement], { description: 'Minimum proficiency per dimension.' })
  requirements(@Root() l: QualificationLevel, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(LevelRequirement, 'levelId').load(l.id);
  }
}
