// The `history` field of every record that keeps one: its change-log entries, oldest first, batched per request.
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Context } from '../context';
import { AuthorityChange } from './change.entity';

const loaders = new WeakMap<object, Map<string, DataLoader<number, AuthorityChange[]>>>();

/** The entries of `recordType` `id`, in revision order (one query per record type and request). */
export function historyOf(ctx: Context, recordType: string, id: number): Promise<AuthorityChange[]> {
  let byType = loaders.get(ctx.loaders);
  if (!byType) {
    byType = new Map();
    loaders.set(ctx.loaders, byType);
  }
  let loader = byType.get(recordType);
  if (!loader) {
    loader = new DataLoader<number, AuthorityChange[]>(async (ids) => {
      const rows = await ctx.db.manager.find(AuthorityChange, {
        where: { recordType, recordId: In([...ids]) },
        order: { revision: 'ASC' },
      });
      const grouped = new Map<number, AuthorityChange[]>();
      for (const row of rows) {
        const list = grouped.get(row.recordId) ?? [];
        list.push(row);
        grouped.set(row.recordId, list);
      }
      return ids.map((id) => grouped.get(id) ?? []);
    });
    byType.set(recordType, loader);
  }
  return loader.load(id);
}
