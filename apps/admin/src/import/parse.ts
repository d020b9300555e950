// Reading an import file (CSV as the export writes it, or an XLSX workbook's first sheet) into rows of field → cell,
// by the export's columns: a header is recognised in the reader's language (as the export and the template write it)
// or as the field's own name. Pure but for exceljs, loaded only when an XLSX file is read.
import type { ExportColumn } from '../export/columns';
import type { Translate } from '../export/rows';
import { en } from '../i18n/en';

export type ImportCell = string | number | null;

export interface ParsedFile {
  /** Data rows, as field → cell (only the columns the file has). */
  rows: Array<Record<string, ImportCell>>;
  /** Fields found, in file order. */
  fields: string[];
  /** Headers that match no column (ignored). */
  unknownHeaders: string[];
}

/** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks; a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

/** A cell of an XLSX sheet as text or number: dates as UTC days, rich text and formulas by their value. */
function xlsxValue(value: unknown): ImportCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  const v = value as { text?: unknown; result?: unknown; richText?: Array<{ text: string }> };
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if (v.result !== undefined) return xlsxValue(v.result);
  if (typeof v.text === 'string') return v.text;
  return String(value);
}

export async function parseXlsx(data: ArrayBuffer): Promise<ImportCell[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: ImportCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: ImportCell[] = [];
    const values = row.values as unknown[];
    for (let i = 1; i < values.length; i++) cells.push(xlsxValue(values[i]));
    rows.push(cells);
  });
  return rows.filter((r) => r.some((v) => v !== null && String(v).trim() !== ''));
}

const normal = (text: string) => text.trim().toLowerCase();

/** The header of a column as the export writes it. */
export function headerOf(column: ExportColumn, resource: string, translate: Translate): string {
  return translate(column.label ?? `resources.${resource}.fields.${column.source}`, { _: column.source });
}

/** An enum's values (the English messages name every one). */
function enumValues(enumName: string): string[] {
  return Object.keys((en.enums as Record<string, Record<string, string>>)[enumName] ?? {});
}

/**
 * An enum cell back to its value: the label in the reader's language (as the export writes it), or the value itself
 * (any case); anything else is sent as it is, for the API to refuse.
 */
function enumCell(cell: ImportCell, column: ExportColumn, translate: Translate): ImportCell {
  if ((column.kind !== 'enum' && column.kind !== 'enums') || cell === null) return cell;
  const valueOf = (part: string): string | undefined => {
    const text = normal(part);
    for (const value of enumValues(column.enumName)) {
      const label = translate(`enums.${column.enumName}.${value}`, { _: value });
      if (normal(label) === text || normal(value) === text) return value;
    }
    return undefined;
  };
  if (column.kind === 'enum') return valueOf(String(cell)) ?? cell;
  // Several values, as the export joins their labels ("ATB, ATC"); the API names any it does not know.
  return String(cell)
    .split(/[,;，；、]/)
    .filter((part) => part.trim() !== '')
    .map((part) => valueOf(part) ?? part.trim())
    .join(', ');
}

/** Table (header row first) → rows of field → cell, by the columns' headers. */
export function rowsOf(
  table: ImportCell[][],
  columns: readonly ExportColumn[],
  resource: string,
  translate: Translate,
): ParsedFile {
  const [header = [], ...data] = table;
  const byHeader = new Map<string, ExportColumn>();
  // A money column's currency is a column of its own ("Limit (currency)"), read as the currency field.
  const currencyOf = new Map<string, string>();
  for (const column of columns) {
    const header = headerOf(column, resource, translate);
    byHeader.set(normal(header), column);
    byHeader.set(normal(column.source), column);
    if (column.kind === 'money') {
      const currency = column.currencySource ?? 'currency';
      currencyOf.set(normal(translate('export.currency_of', { column: header })), currency);
      currencyOf.set(normal(currency), currency);
    }
  }
  const matched = header.map((h) => byHeader.get(normal(String(h ?? ''))) ?? null);
  const fields: Array<string | null> = matched.map(
    (column, i) => column?.source ?? currencyOf.get(normal(String(header[i] ?? ''))) ?? null,
  );
  const unknownHeaders = header.filter((h, i) => fields[i] === null && String(h ?? '').trim() !== '').map(String);
  const rows = data.map((cells) => {
    const row: Record<string, ImportCell> = {};
    fields.forEach((field, i) => {
      if (field === null) return;
      const cell = cells[i];
      const column = matched[i];
      row[field] = cell === undefined || cell === '' ? null : column ? enumCell(cell, column, translate) : cell;
    });
    return row;
  });
  return { rows, fields: fields.filter((f): f is string => f !== null), unknownHeaders };
}

/** A picked file (by its name: .csv or .xlsx) as rows. */
export async function readImportFile(
  file: File,
  columns: readonly ExportColumn[],
  resource: string,
  translate: Translate,
): Promise<ParsedFile> {
  const isXlsx = /\.xlsx$/i.test(file.name);
  const table = isXlsx ? await parseXlsx(await file.arrayBuffer()) : parseCsv(await file.text());
  return rowsOf(table, columns, resource, translate);
}
