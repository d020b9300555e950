// Which transaction the current async context runs in (per data source): set by Database.transaction (db.ts), read
// there and by the change-log guard, which tells the API's own transactions from TypeORM's internal ones (save()).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

export interface HeldTransaction {
  dataSource: DataSource;
  em: EntityManager;
}

export const heldTransaction = new AsyncLocalStorage<HeldTransaction>();
