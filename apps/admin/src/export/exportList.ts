// One export, start to end: read every page, read the names, build the table, write the file.
import type { DataProvider, SortPayload } from 'react-admin';
import type { ExportColumn } from './columns';
import { fetchAllRecords, resolveNames } from './fetch';
import { toFile, type ExportFormat } from './files';
import { buildTable, referencedIds, type Translate } from './rows';

export interface ExportListParams {
  dataProvider: Pick<DataProvider, 'getList' | 'getMany'>;
  resource: string;
  columns: readonly ExportColumn[];
  filter: Record<string, unknown>;
  sort: SortPayload;
  format: ExportFormat;
  translate: Translate;
  locale: string;
  sheetName: string;
  onProgress?: (read: number, total: number | undefined) => void;
  maxRows?: number;
  pageSize?: number;
}

export interface ExportListResult {
  file: Blob;
  rows: number;
  total: number;
  truncated: boolean;
}

export async function exportList(params: ExportListParams): Promise<ExportListResult> {
  const { dataProvider, resource, columns, filter, sort, format, translate, locale, sheetName } = params;
  const { records, total, truncated } = await fetchAllRecords(dataProvider, resource, {
    filter,
    sort,
    onProgress: params.onProgress,
    maxRows: params.maxRows,
    pageSize: params.pageSize,
  });
  const names = await resolveNames(dataProvider, referencedIds(records, columns));
  const table = buildTable(records, { resource, columns, translate, locale, names });
  const file = await toFile(table, format, sheetName);
  return { file, rows: records.length, total, truncated };
}
