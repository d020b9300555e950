// Importing org units from a spreadsheet (the export's columns): keyed by code; the parent by code or name, also one
// that another row of the same file adds (that row is taken first, wherever it stands in the file).
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
    // The file's units by name (its rows' codes): a parent may be named by either.
    const fileCodesByName = new Map<string, string[]>();
    return {
      keyOf(cells: Cells) {
        const code = textCell(cells, 'code') ?? '';
        const name = textCell(cells, 'name');
        if (code && name) fileCodesByName.set(name, [...(fileCodesByName.get(name) ?? []), code]);
        return code;
      },
      // A row names another row only as its parent: parents first, each wave inserted together.
      independent: true,
      after(cells: Cells) {
        const parent = textCell(cells, 'parentId') ?? '';
        const named = fileCodesByName.get(parent) ?? [];
        return units.byCode.has(parent) || named.length !== 1 ? parent : named[0]!;
      },
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
