// The exported table: headers in the reader's language, referenced records by name, enum values by label, money as a
// number with its currency in a column of its own. Pure: the names come in already read (resolveNames).
import type { RaRecord } from 'react-admin';
import { personDisplayName, type NamedPerson } from '../components/personName';
import type { ExportColumn, ExportReference } from './columns';

export type Cell = string | number | null;

export interface ExportTable {
  headers: string[];
  rows: Cell[][];
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Referenced records by resource and id (as strings). */
export type NameBook = Map<ExportReference, Map<string, RaRecord>>;

export interface BuildOptions {
  resource: string;
  columns: readonly ExportColumn[];
  translate: Translate;
  locale: string;
  names: NameBook;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** The name a referenced record is exported under: a person's in the reader's script, any other record's name. */
export function recordName(reference: ExportReference, record: RaRecord | undefined, locale: string): string {
  if (!record) return '';
  if (reference === 'Person') return personDisplayName(record as NamedPerson, locale);
  return String(record.name ?? '');
}

/**
 * A delegation as an import names it: "delegator / delegate / points / start day", the people by employee number
 * (their names when the number is not known).
 */
export function delegationKey(delegation: RaRecord, names: NameBook, locale: string): string {
  const person = (id: unknown) => {
    const record = names.get('Person')?.get(String(id));
    return String(record?.employeeNo ?? recordName('Person', record, locale));
  };
  const points = Array.isArray(delegation.decisionPoints) ? delegation.decisionPoints.join('+') : '';
  return [person(delegation.delegatorId), person(delegation.delegateId), points, dayOf(delegation.validFrom)].join(
    ' / ',
  );
}

/** The ids each reference column points at, by referenced resource (to read their names). */
export function referencedIds(
  records: readonly RaRecord[],
  columns: readonly ExportColumn[],
): Map<ExportReference, Set<string>> {
  const out = new Map<ExportReference, Set<string>>();
  for (const column of columns) {
    if (column.kind !== 'reference') continue;
    const ids = out.get(column.reference) ?? new Set<string>();
    for (const record of records) {
      const id = record[column.source];
      if (!isEmpty(id)) ids.add(String(id));
    }
    out.set(column.reference, ids);
  }
  return out;
}

function headerOf(column: ExportColumn, resource: string, translate: Translate): string {
  const key = column.label ?? `resources.${resource}.fields.${column.source}`;
  return translate(key, { _: column.source });
}

/** "2026-03-01T00:00:00.000Z" → "2026-03-01" (dates are UTC days). */
function dayOf(value: unknown): string {
  const text = String(value);
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
}

function amountOf(value: unknown): Cell {
  if (isEmpty(value)) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : String(value);
}

export function buildTable(records: readonly RaRecord[], options: BuildOptions): ExportTable {
  const { resource, columns, translate, locale, names } = options;
  const headers: string[] = [];
  for (const column of columns) {
    const header = headerOf(column, resource, translate);
    headers.push(header);
    if (column.kind === 'money') headers.push(translate('export.currency_of', { column: header }));
  }
  const enumLabel = (enumName: string, value: unknown) =>
    isEmpty(value) ? '' : translate(`enums.${enumName}.${String(value)}`, { _: String(value) });
  const rows = records.map((record) => {
    const row: Cell[] = [];
    for (const column of columns) {
      const value = record[column.source];
      switch (column.kind) {
        case 'text':
          row.push(isEmpty(value) ? null : typeof value === 'number' ? value : String(value));
          break;
        case 'date':
          row.push(isEmpty(value) ? null : dayOf(value));
          break;
        case 'datetime':
          row.push(isEmpty(value) ? null : String(value));
          break;
        case 'boolean':
          row.push(isEmpty(value) ? null : translate(value ? 'export.yes' : 'export.no'));
          break;
        case 'enum':
          row.push(isEmpty(value) ? null : enumLabel(column.enumName, value));
          break;
        case 'enums':
          row.push(Array.isArray(value) ? value.map((v) => enumLabel(column.enumName, v)).join(', ') : null);
          break;
        case 'reference': {
          if (isEmpty(value)) {
            row.push(null);
            break;
          }
          const referenced = names.get(column.reference)?.get(String(value));
          const named =
            column.reference === 'Delegation'
              ? (record: RaRecord) => delegationKey(record, names, locale)
              : (record: RaRecord) => recordName(column.reference, record, locale);
          row.push(referenced ? named(referenced) : translate('app.not_visible'));
          break;
        }
        case 'money': {
          const amount = amountOf(value);
          row.push(amount);
          const currency = record[column.currencySource ?? 'currency'];
          row.push(amount === null || isEmpty(currency) ? null : String(currency));
          break;
        }
      }
    }
    return row;
  });
  return { headers, rows };
}
