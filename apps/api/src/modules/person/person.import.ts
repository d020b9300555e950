// Importing people from a spreadsheet (the export's columns): keyed by employee number, the org unit by code or name.
import { OrgUnit } from '../org-unit';
import type { ImportProblem } from '../../platform/crud';
import { dateCell, referenceCell, textCell, type Cells, type ImportDefinition } from '../../platform/import';
import type { Person } from './person.entity';
import { personSpec } from './person.resolver';

/** The org units by code and by name, for reference cells. */
export async function orgUnitLookup(em: import('typeorm').EntityManager) {
  const units = await em.find(OrgUnit, { select: { id: true, code: true, name: true } });
  const byCode = new Map(units.map((u) => [u.code, u.id]));
  const byName = new Map<string, number[]>();
  for (const unit of units) byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit.id]);
  return { byCode, byName };
}

export const personImport: ImportDefinition<Person> = {
  type: 'PERSON',
  spec: personSpec,
  keyColumn: 'employeeNo',
  keyOf: (cells) => textCell(cells, 'employeeNo') ?? '',
  async begin(em) {
    const units = await orgUnitLookup(em);
    return {
      read(cells: Cells) {
        const problems: ImportProblem[] = [];
        const args = {
          employeeNo: textCell(cells, 'employeeNo'),
          name: textCell(cells, 'name'),
          latinName: textCell(cells, 'latinName'),
          email: textCell(cells, 'email'),
          phone: textCell(cells, 'phone'),
          orgUnitId: referenceCell(cells, 'orgUnitId', 'OrgUnit', units.byCode, units.byName, problems),
          hiredAt: dateCell(cells, 'hiredAt', problems),
        };
        // archivedAt (in the export) is read-only: people are archived by deletePerson, never by an import.
        return { args, problems };
      },
    };
  },
};
