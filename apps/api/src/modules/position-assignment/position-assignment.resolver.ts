import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { checkWindow, mustExist } from '../../platform/validation';
import { PositionAssignment } from './position-assignment.entity';
import {
  CreatePositionAssignmentArgs,
  PositionAssignmentFilter,
  UpdatePositionAssignmentArgs,
} from './position-assignment.args';
import { Person } from '../person';
import { OrgUnit } from '../org-unit';

export const positionAssignmentSpec: CrudSpec<PositionAssignment> = {
  entity: PositionAssignment,
  name: 'PositionAssignment',
  plural: 'PositionAssignments',
  label: 'position assignment',
  filter: PositionAssignmentFilter,
  createArgs: CreatePositionAssignmentArgs,
  updateArgs: UpdatePositionAssignmentArgs,
  remove: 'end-date',
  search: ['title'],
  scope: { kind: 'orgUnit', column: 'orgUnitId' },
  dateColumn: 'validFrom',
  hooks: {
    async beforeCreate(values, { em }) {
      checkWindow(values.validFrom, values.validTo);
      await mustExist(em, Person, values.personId, 'personId', 'person');
      await mustExist(em, OrgUnit, values.orgUnitId, 'orgUnitId', 'org unit');
    },
    async beforeUpdate(patch, { em, before }) {
      checkWindow(patch.validFrom ?? before?.validFrom, patch.validTo === undefined ? before?.validTo : patch.validTo);
      await mustExist(em, Person, patch.personId, 'personId', 'person');
      await mustExist(em, OrgUnit, patch.orgUnitId, 'orgUnitId', 'org unit');
    },
  },
};

export const PositionAssignmentCrudResolver = createCrudResolver(positionAssignmentSpec);

@Resolver(() => PositionAssignment)
export class PositionAssignmentFieldResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'Who holds the position.' })
  person(@Root() p: PositionAssignment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Person).load(p.personId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'Where the position is held.' })
  orgUnit(@Root() p: PositionAssignment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(OrgUnit).load(p.orgUnitId);
  }
}
