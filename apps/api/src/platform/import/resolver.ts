// `importRecords`: many records of one type from a spreadsheet's rows, dry run or commit (platform/crud/import.ts).
import { Arg, ClassType, Ctx, Field, Int, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { groupOf } from '@iron-triangle/domain';
import type { Context } from '../context';
import { badInput } from '../errors';
import { assertAllowed } from '../permissions';
import { localeOf } from '../locale';
import { JSONScalar } from '../scalars';
import type { BaseRecord } from '../columns';
import { importRows, type CrudSpec, type RowReader } from '../crud';
import { importMessage } from './messages';
import type { Cells } from './cells';

/** The most rows one import takes (a larger file is split by the caller: each part is its own transaction). */
export const MAX_IMPORT_ROWS = 10_000;

/** How one record type is imported: its natural key and how a row's cells become its create arguments. */
export interface ImportDefinition<E extends BaseRecord> {
  /** The ImportType value, e.g. "PERSON". */
  type: string;
  spec: CrudSpec<E>;
  keyColumn: keyof E & string;
  /** The natural key of a row ('' when the row has none). */
  keyOf(cells: Cells): string;
  /** Reads what the rows refer to (in the import's transaction) and returns the reader of the rows. */
  begin(em: EntityManager, ctx: Context): Promise<RowReader<E>>;
}

export enum ImportActionEnum {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(ImportActionEnum, {
  name: 'ImportAction',
  description: 'What an import does with a row: creates a record, updates one, or leaves an identical one alone.',
});

@ObjectType({ description: 'What is wrong with one cell of an imported row.' })
export class ImportRowError {
  @Field({ description: 'The field (column) it concerns, e.g. "employeeNo".' })
  field: string;

  @Field({
    description:
      'Stable code: REQUIRED, INVALID, INVALID_DATE, DUPLICATE_KEY, UNKNOWN_REFERENCE, AMBIGUOUS_REFERENCE, ' +
      'OUT_OF_SCOPE, INVALID_RATINGS, ROLE_MISMATCH, FRAMEWORK_FIXED, INVALID_AMOUNT, INVALID_NUMBER, FIXED (a ' +
      "column an existing record keeps), or a domain refusal's own code (e.g. DELEGATION.EXCEEDS_LIMIT).",
  })
  code: string;

  @Field({ description: "What is wrong and what to write instead, in the caller's language (Accept-Language)." })
  message: string;
}

@ObjectType({ description: 'One row of an import: what it does, or what is wrong with it.' })
export class ImportRowResult {
  @Field(() => Int, { description: 'The data row, from 1 (the header row is not counted).' })
  row: number;

  @Field({ description: "The row's natural key (e.g. the employee number); empty when it has none." })
  key: string;

  @Field(() => ImportActionEnum, { nullable: true, description: 'What the row does; null when it has errors.' })
  action: ImportActionEnum | null;

  @Field(() => [ImportRowError], { description: 'Empty when the row can be imported.' })
  errors: ImportRowError[];
}

@ObjectType({ description: 'The outcome of an import: counts, and every row.' })
export class ImportResult {
  @Field({ description: 'True when this was a dry run (nothing is written).' })
  dryRun: boolean;

  @Field({ description: 'True when the rows were written (no row had an error, and this was no dry run).' })
  committed: boolean;

  @Field(() => Int, { description: 'Rows received.' })
  total: number;

  @Field(() => Int, { description: 'Rows that create a record.' })
  created: number;

  @Field(() => Int, { description: 'Rows that change a record.' })
  updated: number;

  @Field(() => Int, { description: 'Rows identical to their record (nothing written).' })
  unchanged: number;

  @Field(() => Int, { description: 'Rows with errors (any: nothing is written).' })
  failed: number;

  @Field(() => [ImportRowResult], { description: 'Every row, in file order.' })
  rows: ImportRowResult[];
}

/** The `importRecords` mutation over the given record types. */
export function createImportResolver(definitions: ReadonlyArray<ImportDefinition<BaseRecord>>): ClassType {
  const byType = new Map(definitions.map((d) => [d.type, d]));
  const ImportTypeEnum = Object.fromEntries(definitions.map((d) => [d.type, d.type]));
  registerEnumType(ImportTypeEnum, {
    name: 'ImportType',
    description: 'The record types that can be imported from a spreadsheet.',
  });

  @Resolver()
  class ImportResolver {
    @Mutation(() => ImportResult, {
      description:
        'Imports records of one type from spreadsheet rows (each row an object of field → cell, as the export ' +
        `writes them; references by name or code), at most ${MAX_IMPORT_ROWS} rows. Rows are matched to existing ` +
        "records by their natural key (employee number, unit code, a rule's name and scope unit, a delegation's " +
        'delegator, delegate, decision points and start day): new ones are created, changed ones updated, ' +
        'identical ones left alone. Every row is checked as its create or update would be. With dryRun nothing is ' +
        'written; otherwise all rows are written in one transaction, or none when any row has an error. A ' +
        'committed import that changed something is audited as one entry with its counts. Needs the right to ' +
        'change that record type (within your org subtree when you have one).',
    })
    async importRecords(
      @Arg('type', () => ImportTypeEnum, { description: 'What the rows are.' }) type: string,
      @Arg('rows', () => [JSONScalar], { description: 'The data rows: objects of field name → cell value.' })
      rows: unknown[],
      @Arg('dryRun', { description: 'Check only: report what would happen, write nothing.' }) dryRun: boolean,
      @Ctx() ctx: Context,
    ): Promise<ImportResult> {
      const definition = byType.get(type);
      if (!definition) throw badInput({ type: `${type} cannot be imported` });
      assertAllowed(ctx, groupOf(definition.spec.name)!, 'write');
      if (rows.length > MAX_IMPORT_ROWS)
        throw badInput({ rows: `at most ${MAX_IMPORT_ROWS} rows per import (${rows.length} given): split the file` });
      const index = rows.findIndex((r) => r === null || typeof r !== 'object' || Array.isArray(r));
      if (index >= 0) throw badInput({ rows: `row ${index + 1} is not an object of field → cell value` });
      const cells = rows as Cells[];
      const outcome = await importRows(ctx, {
        spec: definition.spec,
        keyColumn: definition.keyColumn,
        rows: cells,
        keyOf: (c) => definition.keyOf(c),
        begin: (em) => definition.begin(em, ctx),
        dryRun,
      });
      const locale = localeOf(ctx);
      return {
        dryRun,
        committed: outcome.committed,
        total: rows.length,
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        failed: outcome.failed,
        rows: outcome.rows.map((r) => ({
          row: r.row,
          key: r.key,
          action: r.action as ImportActionEnum | null,
          errors: r.problems.map((p) => ({ field: p.field, code: p.code, message: importMessage(p, locale) })),
        })),
      };
    }
  }
  return ImportResolver;
}
