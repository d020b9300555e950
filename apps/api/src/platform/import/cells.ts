// Reading spreadsheet cells (CSV text or XLSX values, as the portal sends them) into argument values: a column the
// file does not have is undefined (an update keeps the value), a blank cell is null.
import type { ImportProblem } from '../crud';

export type Cells = Record<string, unknown>;

function isBlank(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** A text cell: trimmed; blank → null; absent → undefined. */
export function textCell(cells: Cells, field: string): string | null | undefined {
  if (!(field in cells) || cells[field] === undefined) return undefined;
  const value = cells[field];
  if (isBlank(value)) return null;
  return String(value).trim();
}

/** A day (YYYY-MM-DD, or an ISO instant) as the UTC instant it starts; a problem when it is none. */
export function dateCell(cells: Cells, field: string, problems: ImportProblem[]): Date | null | undefined {
  const text = textCell(cells, field);
  if (text === undefined || text === null) return text;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const instant = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : new Date(text);
  const valid =
    !Number.isNaN(instant.getTime()) &&
    (!day || instant.toISOString().slice(0, 10) === text) &&
    (day !== null || /^\d{4}-\d{2}-\d{2}T/.test(text));
  if (!valid) {
    problems.push({ field, code: 'INVALID_DATE', params: { value: text } });
    return undefined;
  }
  return instant;
}

/**
 * A reference by code or name: the code first (unique), then the name when exactly one record has it. A problem
 * when none or several match.
 */
export function referenceCell(
  cells: Cells,
  field: string,
  record: string,
  byCode: ReadonlyMap<string, number>,
  byName: ReadonlyMap<string, number[]>,
  problems: ImportProblem[],
): string | null | undefined {
  const text = textCell(cells, field);
  if (text === undefined || text === null) return text;
  const code = byCode.get(text);
  if (code !== undefined) return String(code);
  const named = byName.get(text) ?? [];
  if (named.length === 1) return String(named[0]);
  problems.push({
    field,
    code: named.length === 0 ? 'UNKNOWN_REFERENCE' : 'AMBIGUOUS_REFERENCE',
    params: { value: text, record },
  });
  return undefined;
}

/**
 * An enum cell (the value itself, any case: the portal turns the label it exported back into the value); a problem
 * when it is none of the values (a GraphQL enum argument refuses it before any validator would).
 */
export function enumCell(
  cells: Cells,
  field: string,
  values: readonly string[],
  problems: ImportProblem[],
): string | null | undefined {
  const text = textCell(cells, field);
  if (text === undefined || text === null) return text;
  const value = values.find((v) => v.toLowerCase() === text.toLowerCase());
  if (value !== undefined) return value;
  problems.push({
    field,
    code: 'INVALID',
    params: { constraint: 'isIn', value: text, detail: `"${text}" is not one of ${values.join(', ')}` },
  });
  return undefined;
}

/** The one record a cell names (code first, then a name only one record has), or undefined; no problem recorded. */
export function namedRecord(
  text: string | null | undefined,
  byCode: ReadonlyMap<string, number>,
  byName: ReadonlyMap<string, number[]>,
): number | undefined {
  if (!text) return undefined;
  const ids = byName.get(text) ?? [];
  return byCode.get(text) ?? (ids.length === 1 ? ids[0] : undefined);
}

/**
 * A cell of several enum values (e.g. decision points): a list, or text separated by commas or semicolons (as the
 * export writes them), each value in any case; kept in the file's order, once each. A problem names what is none.
 */
export function enumsCell(
  cells: Cells,
  field: string,
  values: readonly string[],
  problems: ImportProblem[],
): string[] | null | undefined {
  if (!(field in cells) || cells[field] === undefined) return undefined;
  const raw = cells[field];
  const parts = (Array.isArray(raw) ? raw.map(String) : isBlank(raw) ? [] : String(raw).split(/[,;，；、]/))
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  const out: string[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const value = values.find((v) => v.toLowerCase() === part.toLowerCase());
    if (value === undefined) unknown.push(part);
    else if (!out.includes(value)) out.push(value);
  }
  if (unknown.length > 0) {
    problems.push({
      field,
      code: 'INVALID',
      params: {
        constraint: 'isIn',
        value: unknown.join(', '),
        detail: `"${unknown.join(', ')}" is not one of ${values.join(', ')}`,
      },
    });
    return undefined;
  }
  return out;
}

/**
 * An amount (a number, as the export writes money beside its currency, or a plain decimal text; spaces and thousands
 * separators are dropped) as the decimal string the Money arguments take; a problem when it is none.
 */
export function amountCell(cells: Cells, field: string, problems: ImportProblem[]): string | null | undefined {
  if (!(field in cells) || cells[field] === undefined) return undefined;
  const raw = cells[field];
  if (isBlank(raw)) return null;
  const text = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : String(raw).replace(/[\s,]/g, '');
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  problems.push({ field, code: 'INVALID_AMOUNT', params: { value: String(raw) } });
  return undefined;
}

/** A whole number (e.g. a depth); a problem when it is none. */
export function integerCell(cells: Cells, field: string, problems: ImportProblem[]): number | null | undefined {
  const text = textCell(cells, field);
  if (text === undefined || text === null) return text;
  if (/^-?\d{1,9}$/.test(text)) return Number(text);
  problems.push({ field, code: 'INVALID_NUMBER', params: { value: text } });
  return undefined;
}
