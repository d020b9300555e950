// Bumps the authority-state change counter whenever an authority-relevant table is written, in the writer's
// own transaction: other API processes see the change at their next request and rebuild their index.
import {
  EntitySubscriberInterface,
  EventSubscriber,
  InsertEvent,
  QueryRunner,
  RemoveEvent,
  UpdateEvent,
} from 'typeorm';
import type { EntityMetadata } from 'typeorm';
import { AUTHORITY_TABLES, BUMP_AUTHORITY_STATE_SQL, BUMP_CASE_STATE_SQL, CASE_TABLES } from './state-counters';

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
