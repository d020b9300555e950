import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { badInput } from '../../platform/errors';
import { mustExist } from '../../platform/validation';
import { LevelRequirement, QualificationFramework, QualificationLevel } from './qualification.entity';
import * as A from './qualification.args';
import { RoleModelVersion } from '../role-model';
import { Assessment } from '../assessment';

function checkGate(rating: string | null | undefined, periods: number | null | undefined): void {
  if (((rating ?? null) === null) !== ((periods ?? null) === null))
    throw badInput({ gatePeriods: 'gateMinimumRating and gatePeriods go together (both or neither)' });
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
  ],
  hooks: {
    async beforeCreate(values, { em }) {
      values.managerMayCertify ??= false;
      await mustExist(em, RoleModelVersion, values.roleModelVersionId, 'roleModelVersionId', 'role model version');
    },
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
  hooks: {
    async beforeCreate(values, { em }) {
      checkGate(values.gateMinimumRating, values.gatePeriods);
      await mustExist(em, QualificationFramework, values.frameworkId, 'frameworkId', 'qualification framework');
    },
    beforeUpdate(patch, { before }) {
      checkGate(
        patch.gateMinimumRating === undefined ? before?.gateMinimumRating : patch.gateMinimumRating,
        patch.gatePeriods === undefined ? before?.gatePeriods : patch.gatePeriods,
      );
    },
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
  hooks: {
    beforeCreate: (values, { em }) =>
      mustExist(em, QualificationLevel, values.levelId, 'levelId', 'qualification level'),
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
}

@Resolver(() => QualificationLevel)
export class QualificationLevelFieldResolver {
  @FieldResolver(() => [LevelRequirement], { description: 'Minimum proficiency per dimension.' })
  requirements(@Root() l: QualificationLevel, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(LevelRequirement, 'levelId').load(l.id);
  }
}
