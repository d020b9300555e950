// Importing many records of one type in one transaction (issue #15): every row goes through what a create or update of
// that type goes through (argument constraints, column conversion, references in scope, hooks, the org scope before
// and after, the change log), rows are upserted by a natural key, an identical row is left alone, and the import is
// audited as one entry with its counts. A dry run does the same work and rolls it back: it reports exactly what a
// commit would (a row may refer to a record an earlier row creates).
import { getMetadataStorage, type ClassType } from 'type-graphql';
import { validate, type ValidationError } from 'class-validator';
import { In, MoreThan, type EntityManager } from 'typeorm';
import type { Context } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit';
import type { BaseRecord } from '../columns';
import { forUpdate } from '../db';
import { insertRow } from '../insert-row';
import { moneyString } from '../money';
import { assertWritable } from '../scope';
import type { CrudSpec, WriteContext } from './spec';
import { argsToColumns } from './columns';
import { guardedUpdate, lockCounterOf, logChange, logCreations } from './writes';
import { assertReferencesReadable } from './scope-checks';
import { markExisting, withImportMemo } from '../import/memo';

export type ImportAction = 'CREATE' | 'UPDATE' | 'UNCHANGED';

/** What is wrong with one field of a row: a stable code, what it is about, and the details a message needs. */
export interface ImportProblem {
  field: string;
  code: string;
  /** Details for the message (e.g. the constraint, the value); `detail` is an English explanation when there is one. */
  params: Record<string, string | number>;
}

/** A row as the importer of a type read it: the create arguments, and the problems found in its cells. */
export interface PreparedRow {
  args: Record<string, unknown>;
  problems: ImportProblem[];
}

/** Reads the rows of one import, inside its transaction. */
export interface RowReader<E> {
  /**
   * Reads one row's cells, in file order: the rows before it are written already. `before` is the record the row's
   * natural key names (undefined: the row creates one).
   */
  read(cells: Record<string, unknown>, before: E | undefined): PreparedRow | Promise<PreparedRow>;
  /**
   * True when a row reads nothing an earlier row of the file writes but what `after` names: the records the rows
   * create are then inserted together, a few hundred in a statement, once every row of their wave is checked.
   */
  independent?: boolean;
  /**
   * The natural key of the row of the same file that this row needs written first (e.g. a unit's parent, a
   * re-delegation's source), or '' when none: rows are taken in waves, each after the rows its rows name, whatever
   * the file's order; results stay in file order.
   */
  after?(cells: Record<string, unknown>): string;
  /** After a row was created or updated (e.g. a unit that later rows name as their parent). */
  written?(record: E): void;
  /**
   * What the afterWrite hook does, for many new records at once (e.g. an assessment's ratings): with it, records of
   * a type with an afterWrite hook are inserted together too. `args`: each record's row arguments.
   */
  afterInsert?(records: readonly E[], args: ReadonlyArray<Record<string, unknown>>): Promise<void>;
  /**
   * The natural key of a row when it needs what begin read (e.g. a person named by name, keyed by employee number);
   * default: the plan's keyOf.
   */
  keyOf?(cells: Record<string, unknown>): string;
  /**
   * The existing records of these keys, read with a locking read, when the key is more than one column (e.g. an
   * assessment: person, role, kind and day); default: the records whose key column holds the key.
   */
  existing?(keys: string[]): Promise<Map<string, E>>;
  /**
   * Columns a hook computes from the others that may differ on their own without any change (e.g. an assessment's
   * evaluation, which names its record only from its first update on): a difference in them alone is no change.
   */
  derived?: readonly string[];
  /**
   * Columns an existing record keeps (what its update mutation cannot change, e.g. a delegation's source or limit): a
   * row that would change one is refused (FIXED) instead of written.
   */
  fixed?: readonly string[];
  /** Whether a row changes what is not a column of the record (e.g. an assessment's ratings, rows of their own). */
  differs?(before: E, args: Record<string, unknown>): boolean | Promise<boolean>;
}

export interface RowOutcome {
  row: number;
  key: string;
  action: ImportAction | null;
  problems: ImportProblem[];
}

export interface ImportOutcome {
  rows: RowOutcome[];
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  committed: boolean;
}

export interface ImportPlan<E extends BaseRecord> {
  spec: CrudSpec<E>;
  /** The column of the natural key (e.g. employeeNo). */
  keyColumn: keyof E & string;
  /** The rows' cells by field name (data rows only, in file order). */
  rows: Record<string, unknown>[];
  /** The natural key of a row's cells ('' when it has none). */
  keyOf(cells: Record<string, unknown>): string;
  /** Starts reading the rows, in the import's transaction (after its locks): read what they refer to here. */
  begin(em: EntityManager): Promise<RowReader<E>>;
  dryRun: boolean;
}

/** Thrown to roll a dry run (or a refused import) back after every row was tried. */
class RollBack extends Error {}

/** A row that would change what an existing record keeps (RowReader.fixed). */
class FixedColumns extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('fixed columns');
  }
}

/** A value as a message shows it: money in major units, lists joined, instants as days. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function fixedProblem<E extends BaseRecord>(spec: CrudSpec<E>, column: string, patch: Partial<E>, before: E) {
  const money = spec.money?.find((m) => m.column === column);
  const field = money?.arg ?? column;
  const value = (patch as Record<string, unknown>)[column];
  const held = (before as Record<string, unknown>)[column];
  const asMoney = (minor: unknown) => {
    if (minor === null || minor === undefined) return '';
    const currency = String(
      (patch as Record<string, unknown>)[money!.currencyColumn] ??
        (before as Record<string, unknown>)[money!.currencyColumn] ??
        '',
    );
    return `${moneyString(BigInt(minor as bigint), currency) ?? ''} ${currency}`;
  };
  return {
    field,
    code: 'FIXED',
    params: {
      value: money ? asMoney(value) : shown(value),
      held: money ? asMoney(held) : shown(held),
      record: spec.name,
    },
  };
}

const VALIDATOR_OPTIONS = { forbidUnknownValues: false, skipMissingProperties: true };
const CHUNK = 500;

/** The argument fields of a class (and the classes it extends) that GraphQL requires (non-null). */
export function requiredFields(argsClass: ClassType<object>): string[] {
  const classes: unknown[] = [];
  for (let c: unknown = argsClass; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c))
    classes.push(c);
  return getMetadataStorage()
    .fields.filter((f) => classes.includes(f.target) && !f.typeOptions.nullable)
    .map((f) => f.name);
}

/** The constraints of the create arguments (class-validator, as the mutation checks them), per field. */
async function constraintProblems(argsClass: ClassType<object>, args: Record<string, unknown>) {
  const instance = Object.assign(new argsClass(), args);
  const errors: ValidationError[] = await validate(instance, VALIDATOR_OPTIONS);
  const problems: ImportProblem[] = [];
  for (const error of errors) {
    for (const [constraint, detail] of Object.entries(error.constraints ?? {})) {
      problems.push({ field: error.property, code: 'INVALID', params: { constraint, detail } });
    }
  }
  return problems;
}

/** A refusal of a hook or of the scope check, as problems of the row. */
function problemsOf(error: unknown, fallbackField: string): ImportProblem[] | null {
  if (!(error instanceof AppError)) return null;
  const code = error.extensions.code;
  // A domain refusal (platform/refusal.ts): each reason, worded already in the caller's language.
  const reasons = error.extensions.reasons as
    Array<{ code: string; message: string; field: string | null }> | undefined;
  // (A refusal that also sums its reasons up per field, as createAssessment's does, is read by those fields below.)
  if (Array.isArray(reasons) && reasons.length > 0 && error.extensions.fieldErrors === undefined)
    return reasons.map((r) => ({
      field: r.field ?? fallbackField,
      code: r.code,
      params: { detail: r.message, worded: 1 },
    }));
  if (code === 'BAD_USER_INPUT') {
    const fieldErrors = (error.extensions.fieldErrors ?? {}) as Record<string, string>;
    const entries = Object.entries(fieldErrors);
    if (entries.length === 0) return [{ field: fallbackField, code: 'INVALID', params: { detail: error.message } }];
    return entries.map(([field, detail]) => ({ field, code: 'INVALID', params: { detail } }));
  }
  if (code === 'FORBIDDEN' || code === 'NOT_FOUND')
    return [{ field: fallbackField, code: 'OUT_OF_SCOPE', params: { detail: error.message } }];
  return [{ field: fallbackField, code: String(code), params: { detail: error.message } }];
}

const DAY_MS = 86_400_000;

/**
 * Whether a value from the file (`given`) is what the record holds (`held`). A day (an instant at midnight UTC, as a
 * file's date cells are read) is the same as any instant on that UTC day: an exported list writes days.
 */
function same(given: unknown, held: unknown): boolean {
  if (given instanceof Date && held instanceof Date) {
    if (given.getTime() === held.getTime()) return true;
    return given.getTime() % DAY_MS === 0 && Math.floor(held.getTime() / DAY_MS) * DAY_MS === given.getTime();
  }
  if ((given === null || given === undefined) && (held === null || held === undefined)) return true;
  if (given instanceof Date || held instanceof Date) return false;
  if (typeof given === 'bigint' || typeof held === 'bigint') return String(given) === String(held);
  // A JSON column (e.g. an assessment's evaluation, computed again on each write): the same when equal by value.
  if (typeof given === 'object' && typeof held === 'object' && given !== null && held !== null)
    return canonical(given) === canonical(held);
  return given === held;
}

/** A JSON value as text with its object keys sorted (equal values, equal texts). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** The existing records by natural key, read with a locking read (the import decides on the latest rows). */
async function existingByKey<E extends BaseRecord>(
  em: EntityManager,
  plan: ImportPlan<E>,
  keys: string[],
): Promise<Map<string, E>> {
  const out = new Map<string, E>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const found = (await em.find(plan.spec.entity, {
      where: { [plan.keyColumn]: In(keys.slice(i, i + CHUNK)) } as never,
      ...forUpdate(em),
    })) as E[];
    for (const record of found) out.set(String(record[plan.keyColumn]), record);
  }
  return out;
}

/**
 * Creates or updates every row in one transaction; any problem in any row, or a dry run: nothing is written. Every
 * row is tried, so that all problems are reported at once.
 */
export async function importRows<E extends BaseRecord>(ctx: Context, plan: ImportPlan<E>): Promise<ImportOutcome> {
  const { spec } = plan;
  if (!spec.createArgs) throw new Error(`${spec.name} has no create arguments: it cannot be imported`);
  const createArgs = spec.createArgs;
  const required = requiredFields(createArgs);
  const run = async (em: EntityManager): Promise<ImportOutcome> => {
    const outcomes: RowOutcome[] = [];
    await lockCounterOf(em, spec);
    const reader = await plan.begin(em);
    const keyOf = (cells: Record<string, unknown>) => (reader.keyOf ? reader.keyOf(cells) : plan.keyOf(cells));
    const rowKeys = plan.rows.map(keyOf);
    const keys = [...new Set(rowKeys.filter((k) => k !== ''))];
    const existing = reader.existing ? await reader.existing(keys) : await existingByKey(em, plan, keys);
    // A key that an earlier row of the file has already: that row's number (in file order, whatever the waves).
    const firstRowOf = new Map<string, number>();
    rowKeys.forEach((key, index) => {
      if (key !== '' && !firstRowOf.has(key)) firstRowOf.set(key, index + 1);
    });
    // New records of independent rows, checked, to be inserted together (insertAll) at the end of their wave.
    const batched =
      reader.independent === true &&
      ((!spec.hooks?.afterWrite && !spec.hooks?.alongside) || reader.afterInsert !== undefined);
    for (const wave of wavesOf(plan.rows, rowKeys, reader)) {
      const pending: Array<Partial<E>> = [];
      const pendingArgs: Array<Record<string, unknown>> = [];
      for (const index of wave) {
        const cells = plan.rows[index]!;
        const row = { row: index + 1, key: rowKeys[index]! };
        const before = row.key === '' ? undefined : existing.get(row.key);
        const read = await reader.read(cells, before);
        const problems = [...read.problems];
        const first = row.key === '' ? undefined : firstRowOf.get(row.key);
        if (first !== undefined && first !== row.row)
          problems.push({ field: plan.keyColumn, code: 'DUPLICATE_KEY', params: { value: row.key, first } });
        const args = read.args;
        for (const field of required) {
          const value = args[field];
          const missing = value === undefined || value === null || value === '';
          // On an update a column the file does not have keeps its value.
          if (missing && !(before && value === undefined) && !problems.some((p) => p.field === field))
            problems.push({ field, code: 'REQUIRED', params: {} });
        }
        const given = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== null));
        for (const problem of await constraintProblems(createArgs, given))
          if (!problems.some((p) => p.field === problem.field)) problems.push(problem);
        if (problems.length > 0) {
          outcomes.push({ row: row.row, key: row.key, action: null, problems });
          continue;
        }
        try {
          if (!before && batched) {
            pending.push(await checkedCreate(em, ctx, spec, args));
            pendingArgs.push(args);
            outcomes.push({ row: row.row, key: row.key, action: 'CREATE', problems: [] });
            continue;
          }
          const [action, record] = before
            ? await updateOne(em, ctx, spec, before, args, reader)
            : await createOne(em, ctx, spec, args);
          if (action === 'CREATE') markExisting(em, spec.entity, [record.id]);
          reader.written?.(record);
          outcomes.push({ row: row.row, key: row.key, action, problems: [] });
        } catch (error) {
          const found = error instanceof FixedColumns ? error.problems : problemsOf(error, plan.keyColumn);
          if (!found) throw error;
          outcomes.push({ row: row.row, key: row.key, action: null, problems: found });
        }
      }
      // A dry run inserts them too (and rolls back): what the database itself refuses shows there as well, and the
      // next wave finds them (as after a refused row: the import is rolled back, its rows are all judged).
      const records = await insertAll(em, ctx, spec, plan.keyColumn, pending, (inserted) =>
        reader.afterInsert ? reader.afterInsert(inserted, pendingArgs) : Promise.resolve(),
      );
      markExisting(
        em,
        spec.entity,
        records.map((r) => r.id),
      );
      for (const record of records) reader.written?.(record);
    }
    outcomes.sort((a, b) => a.row - b.row);
    const count = (action: ImportAction) => outcomes.filter((o) => o.action === action).length;
    const outcome: ImportOutcome = {
      rows: outcomes,
      created: count('CREATE'),
      updated: count('UPDATE'),
      unchanged: count('UNCHANGED'),
      failed: outcomes.filter((o) => o.problems.length > 0).length,
      committed: false,
    };
    if (outcome.failed > 0 || plan.dryRun) throw Object.assign(new RollBack(), { outcome });
    if (outcome.created + outcome.updated > 0) {
      await writeAudit(em, ctx, {
        action: 'import',
        entityType: spec.name,
        entityId: null,
        after: {
          rows: plan.rows.length,
          created: outcome.created,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
        },
        note:
          `import of ${plan.rows.length} rows: ${outcome.created} created, ${outcome.updated} updated, ` +
          `${outcome.unchanged} unchanged`,
      });
    }
    return { ...outcome, committed: true };
  };
  try {
    return await ctx.db.transaction((em) => withImportMemo(em, () => run(em)));
  } catch (error) {
    if (error instanceof RollBack) return (error as RollBack & { outcome: ImportOutcome }).outcome;
    throw error;
  }
}

/** What createOne checks before it inserts: the columns, references in scope, the create hook, the scope after. */
async function checkedCreate<E extends BaseRecord>(
  em: EntityManager,
  ctx: Context,
  spec: CrudSpec<E>,
  args: Record<string, unknown>,
): Promise<Partial<E>> {
  const w: WriteContext<E> = { em, ctx, args, before: null };
  const values = argsToColumns<E>(em, spec as unknown as CrudSpec<BaseRecord>, args, null);
  await assertReferencesReadable(spec, values, em, ctx);
  await spec.hooks?.beforeCreate?.(values, w);
  await assertWritable(ctx, em, spec.entity, spec.label, null, values);
  return values;
}

const INSERT_CHUNK = 200;

/**
 * Inserts checked new records a few hundred in a statement, reads them back in one, lets `after` add what belongs to
 * them (an assessment's ratings), and appends their history in a few: the round trips per row that made a large
 * import slow. The import holds the change log's revision row (every writer of a record that keeps a history takes
 * it first), so the ids after the largest one before are these rows'.
 */
async function insertAll<E extends BaseRecord>(
  em: EntityManager,
  ctx: Context,
  spec: CrudSpec<E>,
  keyColumn: string,
  pending: ReadonlyArray<Partial<E>>,
  after: (records: readonly E[]) => Promise<void>,
): Promise<E[]> {
  if (pending.length === 0) return [];
  const stamp = { version: 1, createdAt: ctx.now, updatedAt: ctx.now };
  const all: E[] = [];
  for (let i = 0; i < pending.length; i += INSERT_CHUNK) {
    const chunk = pending.slice(i, i + INSERT_CHUNK);
    const [top] = (await em.createQueryBuilder(spec.entity, 'r').select('MAX(r.id)', 'max').getRawMany()) as Array<{
      max: number | string | null;
    }>;
    const largest = Number(top?.max ?? 0);
    await em
      .createQueryBuilder()
      .insert()
      .into(spec.entity)
      .values(chunk.map((values) => ({ ...values, ...stamp })) as never)
      .updateEntity(false)
      .execute();
    const records = (await em.find(spec.entity, {
      where: { id: MoreThan(largest) } as never,
      order: { id: 'ASC' } as never,
    })) as E[];
    const mismatch =
      records.length !== chunk.length ||
      records.some((r, j) => String(r[keyColumn as keyof E]) !== String(chunk[j]![keyColumn as keyof E]));
    if (mismatch) throw new Error(`${spec.name}: the inserted records could not be read back in order`);
    all.push(...records);
  }
  await after(all);
  for (let i = 0; i < all.length; i += INSERT_CHUNK) await logCreations(em, spec, ctx, all.slice(i, i + INSERT_CHUNK));
  return all;
}

/**
 * The rows' indexes in waves: first the rows that name no row of the file (`after`), then those naming a row of the
 * first wave, and so on, each wave in file order. A row naming itself, or in a circle of rows, goes in the first wave
 * (what it names is then not there yet: its reader refuses it).
 */
function wavesOf<E>(rows: ReadonlyArray<Record<string, unknown>>, keys: readonly string[], reader: RowReader<E>) {
  const all = rows.map((_cells, index) => index);
  if (!reader.after) return [all];
  const rowOf = new Map<string, number>();
  keys.forEach((key, index) => {
    if (key !== '' && !rowOf.has(key)) rowOf.set(key, index);
  });
  const parentOf = rows.map((cells, index) => {
    const key = reader.after!(cells);
    const parent = key === '' ? undefined : rowOf.get(key);
    return parent === undefined || parent === index ? null : parent;
  });
  const depth = new Array<number | undefined>(rows.length);
  const depthOf = (index: number): number => {
    const known = depth[index];
    if (known !== undefined) return known;
    const chain: number[] = [];
    let at: number | null = index;
    const seen = new Set<number>();
    while (at !== null && depth[at] === undefined && !seen.has(at)) {
      seen.add(at);
      chain.push(at);
      at = parentOf[at] ?? null;
    }
    // A circle: its rows start at the first wave.
    let base = at === null ? -1 : (depth[at] ?? -1);
    for (const member of chain.reverse()) depth[member] = base = base + 1;
    return depth[index]!;
  };
  const waves: number[][] = [];
  for (const index of all) (waves[depthOf(index)] ??= []).push(index);
  return waves.filter((wave) => wave !== undefined);
}

async function createOne<E extends BaseRecord>(
  em: EntityManager,
  ctx: Context,
  spec: CrudSpec<E>,
  args: Record<string, unknown>,
): Promise<[ImportAction, E]> {
  const w: WriteContext<E> = { em, ctx, args, before: null };
  const values = argsToColumns<E>(em, spec as unknown as CrudSpec<BaseRecord>, args, null);
  await assertReferencesReadable(spec, values, em, ctx);
  await spec.hooks?.beforeCreate?.(values, w);
  await assertWritable(ctx, em, spec.entity, spec.label, null, values);
  const id = Number(
    await insertRow(em, spec.entity, { ...values, version: 1, createdAt: ctx.now, updatedAt: ctx.now }),
  );
  let record = (await em.findOneByOrFail(spec.entity, { id } as never)) as E;
  if (spec.hooks?.afterWrite && (await spec.hooks.afterWrite(record, w)) !== 'unchanged')
    record = (await em.findOneByOrFail(spec.entity, { id } as never)) as E;
  await logChange(em, spec, ctx, id, 'CREATE', record);
  await spec.hooks?.alongside?.(record, w);
  return ['CREATE', record];
}

async function updateOne<E extends BaseRecord>(
  em: EntityManager,
  ctx: Context,
  spec: CrudSpec<E>,
  before: E,
  args: Record<string, unknown>,
  reader: RowReader<E>,
): Promise<[ImportAction, E]> {
  await assertWritable(ctx, em, spec.entity, spec.label, before, null);
  const w: WriteContext<E> = { em, ctx, args: { ...args, id: before.id, version: before.version }, before };
  const given = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
  const patch = argsToColumns<E>(em, spec as unknown as CrudSpec<BaseRecord>, args, {
    ...before,
    ...given,
  } as Partial<E>);
  const derived = new Set(reader.derived ?? []);
  const changesOf = (values: Partial<E>) => {
    const changed: Partial<E> = {};
    for (const [key, value] of Object.entries(values))
      if (!same(value, (before as Record<string, unknown>)[key])) (changed as Record<string, unknown>)[key] = value;
    return { changed, changes: Object.keys(changed).filter((key) => !derived.has(key)) };
  };
  // A row identical to its record is left alone before any hook runs: the same file again changes nothing, even
  // where an update would now be refused (e.g. a delegation revoked since it was exported).
  const given0 = changesOf(patch);
  if (given0.changes.length === 0 && !(await reader.differs?.(before, args))) return ['UNCHANGED', before];
  const fixed = given0.changes.filter((key) => reader.fixed?.includes(key));
  if (fixed.length > 0) throw new FixedColumns(fixed.map((key) => fixedProblem(spec, key, patch, before)));
  await assertReferencesReadable(spec, patch, em, ctx);
  await spec.hooks?.beforeUpdate?.(patch, w);
  // Only what differs is written; an identical row is not touched (no version, no history, no audit).
  const { changed, changes } = changesOf(patch);
  if (changes.length === 0 && !(await reader.differs?.(before, args))) return ['UNCHANGED', before];
  await assertWritable(ctx, em, spec.entity, spec.label, null, { ...before, ...changed });
  let after = await guardedUpdate(em, spec, before.id, before.version, changed, ctx.now);
  if (spec.hooks?.afterWrite && (await spec.hooks.afterWrite(after, w)) !== 'unchanged')
    after = (await em.findOneByOrFail(spec.entity, { id: before.id } as never)) as E;
  await logChange(em, spec, ctx, before.id, 'UPDATE', after);
  await spec.hooks?.alongside?.(after, w);
  return ['UPDATE', after];
}
