import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { buildOrgTree } from '@iron-triangle/domain';
import { EntityManager } from 'typeorm';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { badInput } from '../../platform/errors';
import { mustExist } from '../../platform/validation';
import { OrgUnit } from './org-unit.entity';
import { CreateOrgUnitArgs, OrgUnitFilter, UpdateOrgUnitArgs } from './org-unit.args';
import { Person } from '../person';
import { PositionAssignment } from '../position-assignment';
import { Customer } from '../customer';
import { Project } from '../project';
import { StaffingRule } from '../staffing-rule';
import { AuthorityRule } from '../authority-rule';
import { Delegation } from '../delegation';
import { DecisionBody } from '../decision-body';
import { IncentivePool } from '../incentive-pool';

/** The tree stays a tree: the parent exists and no unit becomes its own ancestor. */
async function checkTree(em: EntityManager, id: number | null, parentId: number | null | undefined): Promise<void> {
  if (parentId === undefined || parentId === null) return;
  // A new unit has no children yet: below an existing parent it cannot close a cycle.
  if (id === null) return mustExist(em, OrgUnit, parentId, 'parentId', 'org unit');
  const units = await em.find(OrgUnit);
  if (!units.some((u) => u.id === parentId)) throw badInput({ parentId: `org unit ${parentId} does not exist` });
  const records = units.map((u) => ({
    id: String(u.id),
    parentId: u.id === id ? String(parentId) : u.parentId === null ? null : String(u.parentId),
  }));
  const tree = buildOrgTree(records);
  if (!tree.ok) throw badInput({ parentId: `would make a cycle (${tree.error.code}); a unit cannot sit below itself` });
}

export const orgUnitSpec: CrudSpec<OrgUnit> = {
  entity: OrgUnit,
  name: 'OrgUnit',
  plural: 'OrgUnits',
  label: 'org unit',
  filter: OrgUnitFilter,
  createArgs: CreateOrgUnitArgs,
  updateArgs: UpdateOrgUnitArgs,
  remove: 'hard',
  search: ['name', 'code'],
  scope: {
    kind: 'reference',
    why:
      'the org tree itself: every reader sees all of it (units are not secret; records in them are scoped); ' +
      'only administrators change it',
  },
  orgUnitColumn: 'id',
  dependents: [
    { entity: OrgUnit, column: 'parentId', label: 'child org units' },
    { entity: Person, column: 'orgUnitId', label: 'people' },
    { entity: PositionAssignment, column: 'orgUnitId', label: 'position assignments' },
    { entity: Customer, column: 'orgUnitId', label: 'customers' },
    { entity: Project, column: 'orgUnitId', label: 'projects' },
    { entity: StaffingRule, column: 'orgUnitId', label: 'staffing rules' },
    { entity: AuthorityRule, column: 'scopeOrgUnitId', label: 'authority rules (scope)' },
    { entity: AuthorityRule, column: 'holderOrgUnitId', label: 'authority rules (holder)' },
    { entity: Delegation, column: 'scopeOrgUnitId', label: 'delegations' },
    { entity: DecisionBody, column: 'orgUnitId', label: 'decision bodies' },
    { entity: IncentivePool, column: 'orgUnitId', label: 'incentive pools' },
  ],
  hooks: {
    beforeCreate: (values, { em }) => checkTree(em, null, values.parentId),
    beforeUpdate: (patch, { em, before }) => checkTree(em, before?.id ?? null, patch.parentId),
  },
};

export const OrgUnitCrudResolver = createCrudResolver(orgUnitSpec);

@Resolver(() => OrgUnit)
export class OrgUnitFieldResolver {
  @FieldResolver(() => OrgUnit, { nullable: true, description: 'The parent unit.' })
  parent(@Root() unit: OrgUnit, @Ctx() ctx: Context) {
    return unit.parentId === null ? null : ctx.loaders.byId(OrgUnit).load(unit.parentId);
  }

  @FieldResolver(() => [OrgUnit], { description: 'Direct children.' })
  children(@Root() unit: OrgUnit, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(OrgUnit, 'parentId').load(unit.id);
  }
}
