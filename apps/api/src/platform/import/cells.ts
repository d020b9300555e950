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
