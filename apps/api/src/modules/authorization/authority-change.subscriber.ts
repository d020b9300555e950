// Bumps the authority-state change counter whenever an authority-relevant table is written, in the writer's
// own transaction: other API processes see the change at their next request and rebuild their index.
import { EntitySubscriberInterface, EventSubscriber, InsertEvent, QueryRunner, RemoveEvent, UpdateEvent } from 'typeorm';
import type { EntityMetadata } from 'typeorm';

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

export const BUMP_AUTHORITY_STATE_SQL = 'UPDATE authority_state SET changeCount = changeCount + 1 WHERE id = 1';

/** Tables a project case reads (its project and team): they bump row 2, the case counter, not the authority index. */
export const CASE_TABLES: ReadonlySet<string> = new Set(['projects', 'team_appointments']);

export const BUMP_CASE_STATE_SQL = 'UPDATE authority_state SET changeCount = changeCount + 1 WHERE id = 2';

async function bump(queryRunner: QueryRunner | undefined, metadata: EntityMetadata | undefined): Promise<void> {
  if (!queryRunner || !metadata) return;
  if (AUTHORITY_TABLES.has(metadata.tableName)) await queryRunner.query(BUMP_AUTHORITY_STATE_SQL);
  else if (CASE_TABLES.has(metadata.tableName)) await queryRunner.query(BUMP_CASE_STATE_SQL);
}

// Registered through the data source options; TypeORM takes only classes marked @EventSubscriber.
@EventSubscriber()
export class AuthorityChangeSubscriber implements EntitySubscriberInterface {
  afterInsert(event: InsertEvent<unknown>): Promise<void> {
    return bump(event.queryRunner, event.metadata);
  }

  afterUpdate(event: UpdateEvent<unknown>): Promise<void> {
    return bump(event.queryRunner, event.metadata);
  }

  afterRemove(event: RemoveEvent<unknown>): Promise<void> {
    return bump(event.queryRunner, event.metadata);
  }
}
