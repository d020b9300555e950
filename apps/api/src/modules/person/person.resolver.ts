import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { Person } from './person.entity';
import { CreatePersonArgs, PersonFilter, UpdatePersonArgs } from './person.args';
import { OrgUnit } from '../org-unit';
import { PositionAssignment } from '../position-assignment';
import { TeamAppointment } from '../team-appointment';
import { Assessment } from '../assessment';

export const personSpec: CrudSpec<Person> = {
  entity: Person,
  name: 'Person',
  plural: 'People',
  label: 'person',
  filter: PersonFilter,
  createArgs: CreatePersonArgs,
  updateArgs: UpdatePersonArgs,
  remove: 'archive',
  search: ['name', 'employeeNo', 'email'],
  scope: { kind: 'orgUnit', column: 'orgUnitId' },
  dateColumn: 'hiredAt',
  readOnlyColumns: ['archivedAt'],
};

export const PersonCrudResolver = createCrudResolver(personSpec);

@Resolver(() => Person)
export class PersonFieldResolver {
  @FieldResolver(() => OrgUnit, { nullable: true, description: 'The org unit.' })
  orgUnit(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.byId(OrgUnit).load(person.orgUnitId);
  }

  @FieldResolver(() => [PositionAssignment], { description: 'Positions held, past and present.' })
  positions(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(PositionAssignment, 'personId').load(person.id);
  }

  @FieldResolver(() => [TeamAppointment], { description: 'Team appointments, past and present.' })
  appointments(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(TeamAppointment, 'personId').load(person.id);
  }

  @FieldResolver(() => [Assessment], { description: 'Assessments of the person.' })
  assessments(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Assessment, 'personId').load(person.id);
  }
}
