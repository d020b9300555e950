// The org-scope checks of a write that the scope declaration alone does not cover: the records a write points at.
import type { ClassType } from 'type-graphql';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { Context } from '../context';
import type { BaseRecord } from '../columns';
import { assertReferenceReadable } from '../scope';
import type { CrudSpec } from './spec';

/** The records the new values point at (spec.references) must be readable by the caller. */
export async function assertReferencesReadable<E extends BaseRecord>(
  spec: CrudSpec<E>,
  values: Partial<E>,
  em: EntityManager,
  ctx: Context,
): Promise<void> {
  const references: Record<string, () => ClassType<ObjectLiteral>> = { ...spec.references };
  // The parent a record belongs to through its scope (e.g. an appointment's project) is a reference too.
  if (spec.scope.kind === 'through')
    references[spec.scope.column] = spec.scope.parent as () => ClassType<ObjectLiteral>;
  for (const [column, target] of Object.entries(references)) {
    const id = (values as Record<string, unknown>)[column];
    if (id !== undefined && id !== null) await assertReferenceReadable(ctx, em, target(), column, Number(id));
  }
}
