// Importing org units from a spreadsheet (the export's columns): keyed by code; the parent by code or name, also one
// that an earlier row of the same file adds.
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
