// Per-request DataLoaders: one batched query per entity type and key, whatever the page size.
import DataLoader from 'dataloader';
import { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Restricts a query on `entity` (alias "r") to what the caller may read (platform/scope.ts). */
export type ReadRestriction = (
  qb: SelectQueryBuilder<ObjectLiteral>,
  entity: EntityTarget<ObjectLiteral>,
) => Promise<void>;

export class Loaders {
  private readonly byIdLoaders = new Map<EntityTarget<ObjectLiteral>, DataLoader<number, ObjectLiteral | null>>();
  private readonly manyLoaders = new Map<string, DataLoader<number, ObjectLiteral[]>>();

  /** `restrict`: the caller's read scope; nested records outside it read as absent (none by default). */
  constructor(
    private readonly em: () => EntityManager,
    private readonly restrict: ReadRestriction = async () => {},
  ) {}

  private async rows<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    column: string,
    keys: readonly number[],
  ): Promise<T[]> {
    const qb = this.em()
      .getRepository(entity)
      .createQueryBuilder('r')
      .where(`r.${column} IN (:...loaderKeys)`, { loaderKeys: [...keys] })
      .orderBy('r.id', 'ASC');
    await this.restrict(qb as unknown as SelectQueryBuilder<ObjectLiteral>, entity as EntityTarget<ObjectLiteral>);
    return qb.getMany();
  }

  /** Loads records of `entity` by id, batched; a missing id yields null. */
  byId<T extends ObjectLiteral>(entity: EntityTarget<T>): DataLoader<number, T | null> {
    let loader = this.byIdLoaders.get(entity as EntityTarget<ObjectLiteral>);
    if (!loader) {
      loader = new DataLoader<number, ObjectLiteral | null>(async (ids) => {
        const rows = await this.rows(entity, 'id', ids);
        const map = new Map(rows.map((row) => [Number((row as unknown as { id: number }).id), row]));
        return ids.map((id) => map.get(Number(id)) ?? null);
      });
      this.byIdLoaders.set(entity as EntityTarget<ObjectLiteral>, loader);
    }
    return loader as unknown as DataLoader<number, T | null>;
  }

  /** Loads the records of `entity` whose `column` equals each key (one-to-many), batched, ordered by id. */
  manyBy<T extends ObjectLiteral>(
    entity: EntityTarget<T> & { name: string },
    column: keyof T & string,
  ): DataLoader<number, T[]> {
    const key = `${entity.name}.${column}`;
    let loader = this.manyLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<number, ObjectLiteral[]>(async (keys) => {
        const rows = await this.rows(entity, column, keys);
        const groups = new Map<number, ObjectLiteral[]>();
        for (const row of rows) {
          const k = Number((row as Record<string, unknown>)[column]);
          const list = groups.get(k);
          if (list) list.push(row);
          else groups.set(k, [row]);
        }
        return keys.map((k) => groups.get(Number(k)) ?? []);
      });
      this.manyLoaders.set(key, loader);
    }
    return loader as unknown as DataLoader<number, T[]>;
  }
}
