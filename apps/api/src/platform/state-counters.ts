// The state counters (authority_state rows): row 1 moves with every write to a table the authorization engine reads,
// row 2 with every write to a table a project case reads. Every process compares them to decide whether its caches
// are current, and every write to those tables takes its row first (crud/writes.ts).
import type { EntityManager } from 'typeorm';

export const AUTHORITY_COUNTER = 1;
export const CASE_COUNTER = 2;
export type StateCounter = typeof AUTHORITY_COUNTER | typeof CASE_COUNTER;

/** Tables the authorization engine reads (people for names in messages). */
export const AUTHORITY_TABLES: ReadonlySet<string> = new Set([
  'org_units',
  'people',
  'position_assignments',
  'authority_rules',
  'decision_bodies',
  'decision_body_seats',
  'delegations',
  'assessments',
]);

/** Tables a project case reads (its project and team): they move row 2, the case counter, not the authority index. */
export const CASE_TABLES: ReadonlySet<string> = new Set(['projects', 'team_appointments']);

export const BUMP_AUTHORITY_STATE_SQL = 'UPDATE authority_state SET changeCount = changeCount + 1 WHERE id = 1';
export const BUMP_CASE_STATE_SQL = 'UPDATE authority_state SET changeCount = changeCount + 1 WHERE id = 2';

/** The counter a write to `table` moves, if any. */
export function counterOfTable(table: string): StateCounter | null {
  if (AUTHORITY_TABLES.has(table)) return AUTHORITY_COUNTER;
  if (CASE_TABLES.has(table)) return CASE_COUNTER;
  return null;
}

/** Takes a counter row FOR UPDATE (MySQL/MariaDB; SQLite runs one transaction at a time). */
export async function lockCounter(em: EntityManager, counter: StateCounter): Promise<void> {
  if (em.connection.options.type !== 'mysql') return;
  await em.query('SELECT changeCount FROM authority_state WHERE id = ? FOR UPDATE', [counter]);
}
