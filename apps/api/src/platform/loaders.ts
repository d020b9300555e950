// Per-request DataLoaders: one batched query per entity type and key, whatever the page size.
import DataLoader from 'dataloader';
import { EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';

/** Record types a scoped caller (a LEADER) sees only within their org units: entity → its org-unit column. */
export const SCOPED_ENTITIES = new Map<EntityTarget<ObjectLiteral>, string>();

export class Loaders {
  private readonly byIdLoaders = new Map<EntityTarget<ObjectLiteral>, DataLoader<number, ObjectLiteral | null>>();
  private readonly manyLoaders = new Map<string, DataLoader<number, ObjectLiteral[]>>();

  /** `scope`: the caller's org units, or null when unrestricted; nested records outside it read as absent. */
  constructor(
    private readonly em: () => EntityManager,
    private readonly scope: () => Promise<ReadonlySet<number> | null> = async () => null,
  ) {}

  private async visible<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: T[]): Promise<T[]> {
    const column = SCOPED_ENTITIES.get(entity as EntityTarget<ObjectLiteral>);
    if (!column) return rows;
    const scope = await this.scope();
    if (!scope) return rows;
    return rows.filter((row) => scope.has(Number((row as Record<string, unknown>)[column])));
  }

  /** Loads records of `entity` by id, batched; a missing id yields null. */
  byId<T extends ObjectLiteral>(entity: EntityTarget<T>): DataLoader<number, T | null> {
    let loader = this.byIdLoaders.get(entity as EntityTarget<ObjectLiteral>);
    if (!loader) {
      loader = new DataLoader<number, ObjectLiteral | null>(async (ids) => {
        const rows = await this.visible(entity, await this.em().getRepository(entity).findBy({ id: In([...ids]) } as never));
        const map = new Map(rows.map((row) => [Number((row as unknown as { id: number }).id), row]));
        return ids.map((id) => map.get(Number(id)) ?? null);
      });
      this.byIdLoaders.set(entity as EntityTarget<ObjectLiteral>, loader);
    }
    return loader as unknown as DataLoader<number, T | null>;
  }

  /** Loads the records of `entity` whose `column` equals each key (one-to-many), batched, ordered by id. */
  manyBy<T extends ObjectLiteral>(entity: EntityTarget<T> & { name: string }, column: keyof T & string): DataLoader<number, T[]> {
    const key = `${entity.name}.${column}`;
    let loader = this.manyLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<number, ObjectLiteral[]>(async (keys) => {
        const rows = await this.visible(
          entity,
          await this.em()
            .getRepository(entity)
            .find({ where: { [column]: In([...keys]) } as never, order: { id: 'ASC' } as never }),
        );
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
