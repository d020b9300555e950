// Small checks shared by hooks.
import { EntityManager, ObjectLiteral } from 'typeorm';
import { ClassType } from 'type-graphql';
import { badInput } from './errors';

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
  if (id === null || id === undefined) return;
  const count = await em.getRepository(entity).count({ where: { id } });
  if (count === 0) throw badInput({ [field]: `${label} ${id} does not exist` });
}
