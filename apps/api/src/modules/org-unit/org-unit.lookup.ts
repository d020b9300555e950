// The org units by code and by name: how an imported row names a unit (platform/import referenceCell).
import type { EntityManager } from 'typeorm';
import { markExisting } from '../../platform/import/memo';
import { OrgUnit } from './org-unit.entity';

/** The org units by code and by name, for reference cells; `add` keeps them current as rows are written. */
export async function orgUnitLookup(em: EntityManager) {
  const units = await em.find(OrgUnit, { select: { id: true, code: true, name: true } });
  const byCode = new Map<string, number>();
  const byName = new Map<string, number[]>();
  const add = (unit: Pick<OrgUnit, 'id' | 'code' | 'name'>) => {
    byCode.set(unit.code, unit.id);
    byName.set(unit.name, [...(byName.get(unit.name) ?? []).filter((id) => id !== unit.id), unit.id]);
  };
  units.forEach(add);
  // Read in the import's transaction: the hooks of its rows need not ask again whether they exist.
  markExisting(em, OrgUnit, byCode.values());
  return { byCode, byName, add };
}
