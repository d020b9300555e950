// Importing people from a spreadsheet (the export's columns): keyed by employee number, the org unit by code or name.
import { orgUnitLookup } from '../org-unit';
import type { ImportProblem } from '../../platform/crud';
import { dateCell, referenceCell, textCell, type Cells, type ImportDefinition } from '../../platform/import';
import type { Person } from './person.entity';
import { personSpec } from './person.resolver';

export const personImport: ImportDefinition<Person> = {
  type: 'PERSON',
  spec: personSpec,
  keyColumn: 'employeeNo',
  keyOf: (cells) => textCell(cells, 'employeeNo') ?? '',
  async begin(em) {
    const units = await orgUnitLookup(em);
    return {
      // A row names units only, never another person: the new people are inserted together.
      independent: true,
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
