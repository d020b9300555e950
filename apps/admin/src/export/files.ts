// The exported file: CSV (UTF-8 with a byte-order mark, so Excel reads Chinese correctly) or XLSX (exceljs, loaded
// only when someone exports: it stays out of the main bundle).
import type { Cell, ExportTable } from './rows';

export type ExportFormat = 'csv' | 'xlsx';

const BOM = '\uFEFF';

function csvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 rows (CRLF), with the BOM first. */
export function toCsv(table: ExportTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}

export async function toXlsx(table: ExportTable, sheetName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1');
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, index) => {
    const widest = Math.max(
      String(table.headers[index] ?? '').length,
      ...table.rows.slice(0, 200).map((row) => String(row[index] ?? '').length),
    );
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export async function toFile(table: ExportTable, format: ExportFormat, sheetName: string): Promise<Blob> {
  if (format === 'xlsx') return toXlsx(table, sheetName);
  return new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' });
}

/** Hands a file to the browser as a download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "People 2026-12-02.xlsx": the list's name in the reader's language and the (UTC) day. */
export function fileName(listName: string, format: ExportFormat, now: Date = new Date()): string {
  const safe = listName.replace(/[\\/:*?"<>|]/g, ' ').trim() || 'export';
  return `${safe} ${now.toISOString().slice(0, 10)}.${format}`;
}
