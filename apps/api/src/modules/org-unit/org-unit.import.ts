// Importing org units from a spreadsheet (the export's columns): keyed by code; the parent by code or name, also one
// that another row of the same file adds (by code: that row is taken first, wherever it stands in the file).
import type { ImportProblem } from '../../platform/crud';
import { referenceCell, textCell, type Cells, type ImportDefinition } from '../../platform/import';
import type { OrgUnit } from './org-unit.entity';
import { orgUnitLookup } from './org-unit.lookup';
import { orgUnitSpec } from './org-unit.resolver';

export const orgUnitImport: ImportDefinition<OrgUnit> = {
  type: 'ORG_UNIT',
  spec: orgUnitSpec,
  keyColumn: 'code',
  keyOf: (cells) => textCell(cells, 'code') ?? '',
  async begin(em) {
    const units = await orgUnitLookup(em);
    return {
      // A row names another row only as its parent (by code): parents first, each wave inserted together.
      independent: true,
      after: (cells: Cells) => textCell(cells, 'parentId') ?? '',
      read(cells: Cells) {
        const problems: ImportProblem[] = [];
        const args = {
          code: textCell(cells, 'code'),
          name: textCell(cells, 'name'),
          kind: textCell(cells, 'kind'),
          parentId: referenceCell(cells, 'parentId', 'OrgUnit', units.byCode, units.byName, problems),
        };
        return { args, problems };
      },
      written: (unit) => units.add(unit),
    };
  },
};
