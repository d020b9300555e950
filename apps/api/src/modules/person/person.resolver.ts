import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { createCrudResolver, CrudSpec } from '../../platform/crud';
import type { Context } from '../../platform/context';
import { badInput } from '../../platform/errors';
import { localeOf } from '../../platform/locale';
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
  search: ['name', 'latinName', 'employeeNo', 'email'],
  scope: { kind: 'orgUnit', column: 'orgUnitId' },
  dateColumn: 'hiredAt',
  readOnlyColumns: ['archivedAt'],
  hooks: {
    beforeCreate: (values) => normalizeLatinName(values),
    beforeUpdate: (patch) => normalizeLatinName(patch),
  },
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

export const LATIN_NAME_MAX = 200;

/** The Latin name as stored: trimmed, blank as none; longer than LATIN_NAME_MAX: BAD_USER_INPUT. */
function normalizeLatinName(values: Partial<Person>): void {
  if (values.latinName === undefined) return;
  const trimmed = values.latinName?.trim() ?? '';
  if (trimmed.length > LATIN_NAME_MAX)
    throw badInput({ latinName: `must be at most ${LATIN_NAME_MAX} characters (${trimmed.length} given)` });
  values.latinName = trimmed === '' ? null : trimmed;
}

/** The name to show in `locale`: the person's own (Chinese) name in Chinese, else the Latin one when there is one. */
export function displayNameOf(person: Pick<Person, 'name' | 'latinName'>, locale: string): string {
  return locale === 'zh-CN' ? person.name : (person.latinName ?? person.name);
}

export const PersonCrudResolver = createCrudResolver(personSpec);

@Resolver(() => Person)
export class PersonFieldResolver {
  @FieldResolver(() => String, {
    description:
      "The name to show in the caller's language: in Chinese (zh-CN) `name`; in English `latinName`, or `name` " +
      'when there is none.',
  })
  displayName(@Root() person: Person, @Ctx() ctx: Context): string {
    return displayNameOf(person, localeOf(ctx));
  }
}
