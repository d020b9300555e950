// The import mutation (apps/api: importRecords): rows in, what each row does or what is wrong with it out.
import { gqlRequest } from '../graphql/client';
import type { ImportCell } from './parse';

/** The lists that can import, and the record type the API imports them as. */
export const IMPORT_TYPES: Record<string, string> = {
  Person: 'PERSON',
  OrgUnit: 'ORG_UNIT',
  Assessment: 'ASSESSMENT',
  PositionAssignment: 'POSITION_ASSIGNMENT',
  AuthorityRule: 'AUTHORITY_RULE',
  Delegation: 'DELEGATION',
};

export interface ImportRowError {
  field: string;
  code: string;
  message: string;
}

export interface ImportRowResult {
  row: number;
  key: string;
  action: 'CREATE' | 'UPDATE' | 'UNCHANGED' | null;
  errors: ImportRowError[];
}

export interface ImportResult {
  dryRun: boolean;
  committed: boolean;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  rows: ImportRowResult[];
}

const IMPORT = `mutation($type: ImportType!, $rows: [JSON!]!, $dryRun: Boolean!) {
  importRecords(type: $type, rows: $rows, dryRun: $dryRun) {
    dryRun committed total created updated unchanged failed
    rows { row key action errors { field code message } }
  }
}`;

export async function importRecords(
  type: string,
  rows: Array<Record<string, ImportCell>>,
  dryRun: boolean,
): Promise<ImportResult> {
  const data = await gqlRequest<{ importRecords: ImportResult }>(IMPORT, { type, rows, dryRun });
  return data.importRecords;
}
