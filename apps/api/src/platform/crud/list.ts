// List and count arguments (react-admin's paging and sorting) and the filters every list and count applies:
// ids, search, org subtree, dates, activity, archival and column equality, then the caller's org scope.
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { IsIn, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Brackets, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../context';
import type { BaseRecord } from '../columns';
import { restrictToReadable } from '../scope';
import { quickValidation } from '../quick-validation';
import type { CrudSpec } from './spec';
import { columnNames, isIntegerType, toId } from './columns';

@ObjectType({ description: 'How many records a list query would return without paging.' })
export class ListMetadata {
  @Field(() => Int, { description: 'Number of matching records.' })
  count: number;
}

@ArgsType()
export class MetaArgs {
  @Field(() => Int, { nullable: true, description: 'Zero-based page number.' })
  @IsOptional()
  @Min(0)
  page?: number;

  @Field(() => Int, { nullable: true, description: 'Records per page (1..500, default 25).' })
  @IsOptional()
  @Min(1)
  @Max(500)
  perPage?: number;
}

@ArgsType()
export class ListArgs extends MetaArgs {
  @Field({ nullable: true, description: 'Field to sort by (default id).' })
  @IsOptional()
  @MaxLength(64)
  sortField?: string;

  @Field({ nullable: true, description: 'ASC or DESC (default ASC).' })
  @IsOptional()
  @IsIn(['ASC', 'DESC', 'asc', 'desc'])
  sortOrder?: string;
}

// What the constraints above ask, checked without class-validator (every list and count request has these arguments).
const absent = (v: unknown): boolean => v === undefined || v === null;
const metaArgsValid = (v: MetaArgs): boolean =>
  (absent(v.page) || (typeof v.page === 'number' && v.page >= 0)) &&
  (absent(v.perPage) || (typeof v.perPage === 'number' && v.perPage >= 1 && v.perPage <= 500));
const SORT_ORDERS: readonly unknown[] = ['ASC', 'DESC', 'asc', 'desc'];
quickValidation(MetaArgs, metaArgsValid);
quickValidation(
  ListArgs,
  (v) =>
    metaArgsValid(v) &&
    (absent(v.sortField) || (typeof v.sortField === 'string' && v.sortField.length <= 64)) &&
    (absent(v.sortOrder) || SORT_ORDERS.includes(v.sortOrder)),
);

export const DEFAULT_PER_PAGE = 25;

/** Filter keys every record type understands; other filter keys equal a column of the same name. */
const GENERIC_FILTER_KEYS = new Set(['q', 'ids', 'orgUnitId', 'from', 'to', 'activeAt', 'includeArchived']);

/** The org units of a filter's subtree (at least one id: an empty IN list is not SQL). */
export async function subtreeIds(ctx: Context, orgUnitId: unknown): Promise<number[]> {
  const tree = await ctx.orgTree();
  const ids = tree.subtree(String(toId(orgUnitId, 'filter.orgUnitId'))).map(Number);
  return ids.length ? ids : [-1];
}

/** Applies the filter, the caller's org scope and archival to a query on alias "r". */
export async function applyFilter<E extends BaseRecord>(
  qb: SelectQueryBuilder<E>,
  spec: CrudSpec<E>,
  filter: Record<string, unknown> | undefined | null,
  ctx: Context,
): Promise<void> {
  const f = filter ?? {};
  const columns = columnNames(qb.connection.manager, spec.entity);
  if (Array.isArray(f.ids)) {
    const ids = f.ids.map((id) => toId(id, 'filter.ids'));
    qb.andWhere(ids.length ? 'r.id IN (:...filterIds)' : '1 = 0', { filterIds: ids });
  }
  if (typeof f.q === 'string' && f.q.trim() !== '' && spec.search?.length) {
    // "!" escapes LIKE wildcards: a backslash means different things in MySQL and SQLite string literals.
    const q = `%${f.q
      .trim()
      .toLowerCase()
      .replace(/[!%_]/g, (c) => `!${c}`)}%`;
    qb.andWhere(
      new Brackets((w) => {
        for (const column of spec.search ?? []) w.orWhere(`LOWER(r.${column}) LIKE :q ESCAPE '!'`, { q });
      }),
    );
  }
  const unitColumn = spec.orgUnitColumn ?? (spec.scope.kind === 'orgUnit' ? spec.scope.column : undefined);
  if (f.orgUnitId !== undefined && f.orgUnitId !== null && unitColumn) {
    qb.andWhere(`r.${unitColumn} IN (:...filterUnits)`, { filterUnits: await subtreeIds(ctx, f.orgUnitId) });
  }
  const dateColumn = spec.dateColumn ?? 'createdAt';
  if (f.from instanceof Date) qb.andWhere(`r.${dateColumn} >= :filterFrom`, { filterFrom: f.from });
  if (f.to instanceof Date) qb.andWhere(`r.${dateColumn} < :filterTo`, { filterTo: f.to });
  if (f.activeAt instanceof Date && columns.has('validFrom') && columns.has('validTo')) {
    qb.andWhere('r.validFrom <= :activeAt AND (r.validTo IS NULL OR r.validTo > :activeAt)', { activeAt: f.activeAt });
    if (columns.has('revokedAt')) qb.andWhere('(r.revokedAt IS NULL OR r.revokedAt > :activeAt)');
  }
  if (columns.has('archivedAt') && f.includeArchived !== true) qb.andWhere('r.archivedAt IS NULL');
  let n = 0;
  for (const [key, value] of Object.entries(f)) {
    if (GENERIC_FILTER_KEYS.has(key) || value === undefined || value === null) continue;
    const column = columns.get(key);
    if (!column) continue;
    const param = `eq${n++}`;
    const convert = (v: unknown) =>
      isIntegerType(column.type) && typeof v === 'string' ? toId(v, `filter.${key}`) : v;
    if (Array.isArray(value))
      qb.andWhere(value.length ? `r.${key} IN (:...${param})` : '1 = 0', { [param]: value.map(convert) });
    else qb.andWhere(`r.${key} = :${param}`, { [param]: convert(value) });
  }
  if (spec.filters) await spec.filters(qb, f, ctx);
  await restrictToReadable(ctx, qb, 'r', spec.entity);
}
