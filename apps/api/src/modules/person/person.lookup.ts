// The people by employee number and by name: how an imported row names a person (platform/import referenceCell).
import type { EntityManager } from 'typeorm';
import { markExisting } from '../../platform/import/memo';
import { Person } from './person.entity';

/**
 * The people by employee number (`byCode`) and by name, in either script (`byName`: the name and the Latin name, as
 * an export writes a person in the reader's language); `employeeNoOf` gives a person's number back.
 */
export async function personLookup(em: EntityManager) {
  const people = await em.find(Person, { select: { id: true, employeeNo: true, name: true, latinName: true } });
  const byCode = new Map<string, number>();
  const byName = new Map<string, number[]>();
  const employeeNoOf = new Map<number, string>();
  for (const person of people) {
    byCode.set(person.employeeNo, person.id);
    employeeNoOf.set(person.id, person.employeeNo);
    for (const name of new Set([person.name, person.latinName])) {
      if (name) byName.set(name, [...(byName.get(name) ?? []), person.id]);
    }
  }
  // Read in the import's transaction: the hooks of its rows need not ask again whether they exist.
  markExisting(em, Person, employeeNoOf.keys());
  return { byCode, byName, employeeNoOf };
}
