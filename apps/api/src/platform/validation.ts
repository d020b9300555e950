// Small checks shared by hooks.
import { EntityManager, ObjectLiteral } from 'typeorm';
import { ClassType } from 'type-graphql';
import { badInput } from './errors';
import { knownToExist, markExisting } from './import/memo';

/** [validFrom, validTo): the end, when given, is after the start. */
export function checkWindow(from: Date | null | undefined, to: Date | null | undefined, field = 'validTo'): void {
  if (from && to && to.getTime() <= from.getTime()) throw badInput({ [field]: `must be after ${from.toISOString()}` });
}

/** The referenced record exists. */
export async function mustExist(
  em: EntityManager,
  entity: ClassType<ObjectLiteral>,
  id: number | null | undefined,
  field: string,
  label: string,
): Promise<void> {
  if (id === null || id === undefined || knownToExist(em, entity, id)) return;
  const count = await em.getRepository(entity).count({ where: { id } });
  if (count === 0) throw badInput({ [field]: `${label} ${id} does not exist` });
  markExisting(em, entity, [id]);
}

/** One reference for mustAllExist: the entity, the id (nothing to check when absent), the argument and a label. */
export type Reference = readonly [ClassType<ObjectLiteral>, number | null | undefined, string, string];

/**
 * The referenced records exist, asked in one statement (a write's round trips wait behind every other request's
 * work): the first one missing, in the order given, is the refusal, as with mustExist one after another.
 */
export async function mustAllExist(em: EntityManager, references: readonly Reference[]): Promise<void> {
  const given = references.filter(([entity, id]) => id !== null && id !== undefined && !knownToExist(em, entity, id));
  if (given.length === 0) return;
  const escape = (name: string) => em.connection.driver.escape(name);
  const columns = given.map(
    ([entity], i) =>
      `(SELECT COUNT(1) FROM ${escape(em.connection.getMetadata(entity).tableName)} WHERE id = ?) AS c${i}`,
  );
  const rows = (await em.query(
    `SELECT ${columns.join(', ')}`,
    given.map(([, id]) => id),
  )) as Array<Record<string, number | string>>;
  given.forEach(([, id, field, label], i) => {
    if (Number(rows[0]?.[`c${i}`] ?? 0) === 0) throw badInput({ [field]: `${label} ${id} does not exist` });
  });
}
