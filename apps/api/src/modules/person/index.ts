// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
export { Person } from './person.entity';
export { personLookup } from './person.lookup';
