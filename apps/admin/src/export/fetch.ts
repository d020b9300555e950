// Reads the whole filtered set of a list through pages the API accepts, then the names of the records it refers to.
import type { DataProvider, RaRecord, SortPayload } from 'react-admin';
import type { ExportReference } from './columns';
import type { NameBook } from './rows';

/**
 * Records per page: within the API's page limit (500, apps/api/src/platform/crud/list.ts) and small enough for its
 * query-cost limit (20,000 = fields × page size, apps/api/src/platform/limits.ts) with the widest list rows.
 */
export const EXPORT_PAGE_SIZE = 200;
/** The most rows one export writes. */
export const EXPORT_MAX_ROWS = 100_000;
/** Ids per getMany: the API answers a list without perPage with its default page (25 records). */
export const NAME_BATCH_SIZE = 25;

export interface FetchAllParams {
  filter: Record<string, unknown>;
  sort: SortPayload;
  pageSize?: number;
  maxRows?: number;
  /** After each page: records read so far and the total the API announced. */
  onProgress?: (read: number, total: number | undefined) => void;
}

export interface FetchAllResult {
  records: RaRecord[];
  /** The size of the filtered set (as the API counted it). */
  total: number;
  /** True when the set had more rows than maxRows. */
  truncated: boolean;
}

/** Sequential pages until the total (or a short page); at most maxRows records. */
export async function fetchAllRecords(
  dataProvider: Pick<DataProvider, 'getList'>,
  resource: string,
  { filter, sort, pageSize = EXPORT_PAGE_SIZE, maxRows = EXPORT_MAX_ROWS, onProgress }: FetchAllParams,
): Promise<FetchAllResult> {
  const records: RaRecord[] = [];
  let total: number | undefined;
  for (let page = 1; ; page += 1) {
    const result = await dataProvider.getList(resource, { pagination: { page, perPage: pageSize }, sort, filter });
    records.push(...result.data);
    if (typeof result.total === 'number') total = result.total;
    onProgress?.(Math.min(records.length, maxRows), total);
    const more =
      result.data.length === pageSize &&
      (total !== undefined ? records.length < total : result.pageInfo?.hasNextPage !== false);
    if (!more || records.length >= maxRows) break;
  }
  const count = total ?? records.length;
  return { records: records.slice(0, maxRows), total: count, truncated: count > maxRows || records.length > maxRows };
}

/** The referenced records, read with getMany in batches the API answers in full. */
export async function resolveNames(
  dataProvider: Pick<DataProvider, 'getMany'>,
  ids: Map<ExportReference, Set<string>>,
  batchSize = NAME_BATCH_SIZE,
): Promise<NameBook> {
  const book: NameBook = new Map();
  for (const [resource, set] of ids) {
    const byId = new Map<string, RaRecord>();
    const all = [...set];
    for (let start = 0; start < all.length; start += batchSize) {
      const { data } = await dataProvider.getMany(resource, { ids: all.slice(start, start + batchSize) });
      for (const record of data) byId.set(String(record.id), record);
    }
    book.set(resource, byId);
  }
  // A delegation is named by its key, which names its delegator and delegate: their records too.
  const delegations = book.get('Delegation');
  if (delegations && delegations.size > 0) {
    const people = book.get('Person') ?? new Map<string, RaRecord>();
    const missing = new Set<string>();
    for (const d of delegations.values())
      for (const id of [d.delegatorId, d.delegateId])
        if (id !== null && id !== undefined && !people.has(String(id))) missing.add(String(id));
    const found = await resolveNames(dataProvider, new Map([['Person', missing]]), batchSize);
    for (const [id, record] of found.get('Person') ?? []) people.set(id, record);
    book.set('Person', people);
  }
  return book;
}
