import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { AppError, badInput } from '../../platform/errors';
import { mustExist } from '../../platform/validation';
import { RoleModel, RoleModelDimension, RoleModelVersion } from './role-model.entity';
import * as A from './role-model.args';
import { assertVersionStatusChange } from './role-model-versions';
import { QualificationFramework } from '../qualification';
import { Assessment } from '../assessment';

function checkIndicators(value: unknown): void {
  if (value === undefined) return;
  const valid =
    Array.isArray(value) &&
    value.every(
      (i) =>
        i &&
        typeof i === 'object' &&
        typeof (i as { code?: unknown }).code === 'string' &&
        typeof (i as { name?: unknown }).name === 'object',
    );
  if (!valid) throw badInput({ indicators: 'must be a list of { code, name: { en, zh-CN } }' });
}

/** A version with assessments is frozen: a change would rewrite what those assessments meant. */
async function assertVersionUnused(em: EntityManager, versionId: number): Promise<void> {
  const used = await em.count(Assessment, { where: { roleModelVersionId: versionId } });
  if (used > 0) {
    throw new AppError(
      'RECORD_IN_USE',
      `Role model version ${versionId} has ${used} assessments; create a new version instead of changing this one.`,
      { assessments: used },
    );
  }
}

export const roleModelSpec: CrudSpec<RoleModel> = {
  entity: RoleModel,
  name: 'RoleModel',
  plural: 'RoleModels',
  label: 'role model',
  filter: A.RoleModelFilter,
  createArgs: A.CreateRoleModelArgs,
  updateArgs: A.UpdateRoleModelArgs,
  remove: 'hard',
  search: ['name', 'nameZh'],
  scope: {
    kind: 'reference',
    why:
      'org-wide reference data (role models, versions, dimensions): the same for every unit; written by HR ' +
      'and administrators',
  },
  dependents: [{ entity: RoleModelVersion, column: 'roleModelId', label: 'versions' }],
};

export const roleModelVersionSpec: CrudSpec<RoleModelVersion> = {
  entity: RoleModelVersion,
  name: 'RoleModelVersion',
  plural: 'RoleModelVersions',
  label: 'role model version',
  filter: A.RoleModelVersionFilter,
  createArgs: A.CreateRoleModelVersionArgs,
  updateArgs: A.UpdateRoleModelVersionArgs,
  remove: 'hard',
  search: ['notes'],
  scope: {
    kind: 'reference',
    why:
      'org-wide reference data (role models, versions, dimensions): the same for every unit; written by HR ' +
      'and administrators',
  },
  dependents: [
    { entity: RoleModelDimension, column: 'roleModelVersionId', label: 'dimensions' },
    { entity: QualificationFramework, column: 'roleModelVersionId', label: 'qualification frameworks' },
    { entity: Assessment, column: 'roleModelVersionId', label: 'assessments' },
  ],
  hooks: {
    beforeCreate: (values, { em }) => mustExist(em, RoleModel, values.roleModelId, 'roleModelId', 'role model'),
    // Into force only by publishRoleModelVersion (which retires the version before it in the same transaction).
    beforeUpdate: (patch, { before }) => assertVersionStatusChange(before!, patch.status),
  },
};

export const roleModelDimensionSpec: CrudSpec<RoleModelDimension> = {
  entity: RoleModelDimension,
  name: 'RoleModelDimension',
  plural: 'RoleModelDimensions',
  label: 'role model dimension',
  filter: A.RoleModelDimensionFilter,
  createArgs: A.CreateRoleModelDimensionArgs,
  updateArgs: A.UpdateRoleModelDimensionArgs,
  remove: 'hard',
  search: ['code', 'name', 'nameZh'],
  // A dimension write holds its version's row: it never slips between publishRoleModelVersion's check and its commit.
  parent: { entity: RoleModelVersion, column: 'roleModelVersionId' },
  scope: {
    kind: 'reference',
    why:
      'org-wide reference data (role models, versions, dimensions): the same for every unit; written by HR ' +
      'and administrators',
  },
  hooks: {
    async beforeCreate(values, { em }) {
      checkIndicators(values.indicators);
      values.indicators ??= [];
      await mustExist(em, RoleModelVersion, values.roleModelVersionId, 'roleModelVersionId', 'role model version');
      await assertVersionUnused(em, values.roleModelVersionId as number);
    },
    async beforeUpdate(patch, { em, before }) {
      checkIndicators(patch.indicators);
      await assertVersionUnused(em, before!.roleModelVersionId);
    },
    async beforeDelete({ em, before }) {
      await assertVersionUnused(em, before!.roleModelVersionId);
    },
  },
};

export const RoleModelCrudResolver = createCrudResolver(roleModelSpec);
export const RoleModelVersionCrudResolver = createCrudResolver(roleModelVersionSpec);
export const RoleModelDimensionCrudResolver = createCrudResolver(roleModelDimensionSpec);

@Resolver(() => RoleModel)
export class RoleModelFieldResolver {
  @FieldResolver(() => [RoleModelVersion], { description: 'Versions, oldest first.' })
  versions(@Root() m: RoleModel, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(RoleModelVersion, 'roleModelId').load(m.id);
  }
}

@Resolver(() => RoleModelVersion)
export class RoleModelVersionFieldResolver {
  @FieldResolver(() => [RoleModelDimension], { description: 'Dimensions of the version.' })
  dimensions(@Root() v: RoleModelVersion, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(RoleModelDimension, 'roleModelVersionId').load(v.id);
  }

  @FieldResolver(() => RoleModel, { nullable: true, description: 'The role model.' })
  roleModel(@Root() v: RoleModelVersion, @Ctx() ctx: Context) {
    return ctx.loaders.byId(RoleModel).load(v.roleModelId);
  }
}
