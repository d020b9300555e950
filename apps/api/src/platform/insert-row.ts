// One INSERT, one round trip.
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * INSERTs one row without reading it back, and returns the id the table generated (null when it generates none).
 * After an insert TypeORM reads again the columns that have a database default (MySQL/MariaDB have no RETURNING):
 * a round trip that a write which reads the row itself, or needs nothing of it (an audit entry), spares.
 */
export async function insertRow<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  values: object,
): Promise<number | null> {
  const result = await em
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(values as never)
    .updateEntity(false)
    .execute();
  const generated = em.connection.driver.createGeneratedMap?.(em.connection.getMetadata(entity), result.raw, 0, 1) as
    { id?: unknown } | undefined;
  return generated?.id === undefined ? null : Number(generated.id);
}
