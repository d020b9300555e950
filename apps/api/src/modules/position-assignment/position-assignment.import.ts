// Importing position assignments from a spreadsheet (the export's columns). An assignment is identified by the person
// (employee number, or a name only one person has), the title, the org unit (code, or a name only one unit has) and
// the day it starts: who holds which position where from when. A row of an existing one changes its end (validTo);
// it keeps its start's moment within that day.
import { In } from 'typeorm';
import type { ImportProblem } from '../../platform/crud';
import { forUpdate } from '../../platform/db';
import { dateCell, referenceCell, textCell, type Cells, type ImportDefinition } from '../../platform/import';
import { personLookup } from '../person';
import { orgUnitLookup } from '../org-unit';
import { PositionAssignment } from './position-assignment.entity';
import { positionAssignmentSpec } from './position-assignment.resolver';

const CHUNK = 500;
const DAY = /^(\d{4}-\d{2}-\d{2})/;

/** The one record a reference cell names (code first, then a name only one record has), or undefined. */
function named(text: string | null | undefined, byCode: ReadonlyMap<string, number>, byName: Map<string, number[]>) {
  if (!text) return undefined;
  const ids = byName.get(text) ?? [];
  return byCode.get(text) ?? (ids.length === 1 ? ids[0] : undefined);
}

export const positionAssignmentImport: ImportDefinition<PositionAssignment> = {
  type: 'POSITION_ASSIGNMENT',
  spec: positionAssignmentSpec,
  keyColumn: 'personId',
  keyOf: (cells) => {
    const parts = ['personId', 'title', 'orgUnitId', 'validFrom'].map((f) => textCell(cells, f) ?? '');
    return parts.every((p) => p === '') ? '' : parts.join(' / ');
  },
  async begin(em) {
    const people = await personLookup(em);
    const units = await orgUnitLookup(em);
    const unitCodeOf = new Map([...units.byCode].map(([code, id]) => [id, code]));
    const keyOf = (person: number | string, title: string, unit: number | string, day: string) =>
      [
        typeof person === 'number' ? people.employeeNoOf.get(person) : person,
        title,
        typeof unit === 'number' ? unitCodeOf.get(unit) : unit,
        day,
      ].join(' / ');
    const keyed = new Set<number>();
    return {
      // A row names people and units, never another assignment: new assignments are inserted together.
      independent: true,
      keyOf(cells: Cells) {
        const personText = textCell(cells, 'personId') ?? '';
        const unitText = textCell(cells, 'orgUnitId') ?? '';
        const title = (textCell(cells, 'title') ?? '').toUpperCase();
        const from = textCell(cells, 'validFrom') ?? '';
        if (!personText && !unitText && !title && !from) return '';
        const person = named(personText, people.byCode, people.byName);
        if (person !== undefined) keyed.add(person);
        const unit = named(unitText, units.byCode, units.byName);
        return keyOf(person ?? personText, title, unit ?? unitText, DAY.exec(from)?.[1] ?? from);
      },
      async existing(keys) {
        const wanted = new Set(keys);
        const out = new Map<string, PositionAssignment>();
        const ids = [...keyed];
        for (let i = 0; i < ids.length; i += CHUNK) {
          const found = await em.find(PositionAssignment, {
            where: { personId: In(ids.slice(i, i + CHUNK)) },
            order: { id: 'ASC' },
            ...forUpdate(em),
          });
          for (const p of found) {
            const key = keyOf(p.personId, p.title, p.orgUnitId, p.validFrom.toISOString().slice(0, 10));
            // Two from one day (recorded before imports): the first one is the one the key names.
            if (wanted.has(key) && !out.has(key)) out.set(key, p);
          }
        }
        return out;
      },
      read(cells, before) {
        const problems: ImportProblem[] = [];
        const title = textCell(cells, 'title');
        const args = {
          personId: referenceCell(cells, 'personId', 'Person', people.byCode, people.byName, problems),
          title: title ? title.toUpperCase() : title,
          orgUnitId: referenceCell(cells, 'orgUnitId', 'OrgUnit', units.byCode, units.byName, problems),
          validFrom: dateCell(cells, 'validFrom', problems),
          validTo: dateCell(cells, 'validTo', problems),
        };
        // The start's day is part of the key: an existing assignment keeps its moment within it.
        if (before && args.validFrom instanceof Date) args.validFrom = before.validFrom;
        return { args, problems };
      },
    };
  },
};
