import { createCrudResolver, CrudSpec } from '../../platform/crud';
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
  nested: {
    orgUnit: { kind: 'one', entity: () => OrgUnit, column: 'orgUnitId', description: 'The org unit.' },
    positions: {
      kind: 'many',
      entity: () => PositionAssignment,
      column: 'personId',
      description: 'Positions held, past and present.',
    },
    appointments: {
      kind: 'many',
      entity: () => TeamAppointment,
      column: 'personId',
      description: 'Team appointments, past and present.',
    },
    assessments: {
      kind: 'many',
      entity: () => Assessment,
      column: 'personId',
      description: 'Assessments of the person.',
    },
  },
};

export const PersonCrudResolver = createCrudResolver(personSpec);
