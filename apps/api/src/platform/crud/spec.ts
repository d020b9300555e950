// What a record type declares for the CRUD factory: names, permissions group, arguments, scope, money columns,
// dependents, parent and hooks.
import type { ClassType } from 'type-graphql';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../context';
import type { BaseRecord } from '../columns';
import type { OwnerDeclaration, ScopeDeclaration } from '../scope';

export type RemoveMode = 'hard' | 'archive' | 'end-date' | 'revoke' | 'none';

export interface MoneyField {
  /** Argument / GraphQL field name, e.g. "amount". */
  arg: string;
  /** Column holding minor units, e.g. "amountMinor". */
  column: string;
  /** Column holding the currency. */
  currencyColumn: string;
}

export interface Dependent {
  entity: ClassType<ObjectLiteral>;
  column: string;
  /** What the dependents are called in the error message, e.g. "position assignments". */
  label: string;
}

export interface WriteContext<E> {
  em: EntityManager;
  ctx: Context;
  /** All arguments as received. */
  args: Record<string, unknown>;
  /** Before an update or delete; null on create. */
  before: E | null;
}

/**
 * A field of a record type that reads other records through the request's loaders (platform/loaders.ts): the CRUD
 * factory adds its resolver, and a list reads it with the page, in the page's statement (list-page.ts), so that a
 * page with its nested records costs one statement whatever its size.
 * - `one`: the record whose id is in `column` of this one; null when there is none or it is out of the caller's scope.
 * - `many`: the records whose `column` holds this record's id, in the caller's scope, ordered by id.
 */
export interface NestedField {
  kind: 'one' | 'many';
  /** The other record type (a thunk: entity modules import each other). */
  entity: () => ClassType<BaseRecord>;
  column: string;
  description: string;
}

export interface CrudHooks<E> {
  /** Validate and complete the column values of a new record (domain calls go here). */
  beforeCreate?(values: Partial<E>, w: WriteContext<E>): Promise<void> | void;
  /** Validate and complete the changed column values (the merged record is `{...before, ...patch}`). */
  beforeUpdate?(patch: Partial<E>, w: WriteContext<E>): Promise<void> | void;
  /**
   * After the row exists (e.g. write child rows) and before the audit entry. Returns 'unchanged' when it changed
   * nothing of the record (it is then not read again).
   */
  afterWrite?(record: E, w: WriteContext<E>): Promise<void | 'unchanged'> | void | 'unchanged';
  /**
   * After the record is final, side effects that never change it (e.g. notifications): run together with its history
   * entry and its audit entry, their statements sent together (platform/together.ts).
   */
  alongside?(record: E, w: WriteContext<E>): Promise<void> | void;
  beforeDelete?(w: WriteContext<E>): Promise<void> | void;
}

export interface CrudSpec<E extends BaseRecord> {
  entity: ClassType<E>;
  /** GraphQL type name, e.g. "Person". */
  name: string;
  /** Plural for list names, e.g. "People" (allPeople). */
  plural: string;
  /** Lower-case label for messages, e.g. "person". */
  label: string;
  filter: ClassType<object>;
  createArgs?: ClassType<object>;
  updateArgs?: ClassType<object>;
  remove: RemoveMode;
  search?: string[];
  /**
   * Which org unit a record belongs to, for a scoped caller (a LEADER): the one declaration that single reads,
   * lists, counts, nested loaders, custom operations and writes all apply (see platform/scope.ts).
   */
  scope: ScopeDeclaration;
  /**
   * Who owns a record (the owner rule; only for the types the domain's OWNED_RECORD_TYPES covers): the owning person
   * reaches it on every path the scope covers, even beyond their role's reach (see platform/scope.ts).
   */
  owners?: OwnerDeclaration;
  /** Fields that read other records (see NestedField), by GraphQL field name. */
  nested?: Record<string, NestedField>;
  /** Columns that point at other records a scoped caller must be able to read (e.g. a pool's project). */
  references?: Record<string, () => ClassType<ObjectLiteral>>;
  /** The column `filter.orgUnitId` (a subtree) applies to (default: the scope's org-unit column). */
  orgUnitColumn?: string;
  /**
   * Filter keys of this type beyond the generic ones and column equality (e.g. a level at least, valid at an
   * instant), applied to the list's query on alias "r" before the caller's org scope.
   */
  filters?(qb: SelectQueryBuilder<E>, filter: Record<string, unknown>, ctx: Context): Promise<void> | void;
  /** Column the filter's from/to apply to (default createdAt). */
  dateColumn?: string;
  money?: MoneyField[];
  dependents?: Dependent[];
  /** Columns callers may not set through create/update arguments. */
  readOnlyColumns?: string[];
  /**
   * The record whose state a write of this type depends on (e.g. the pool of a pool metric, which may change only
   * while the pool is a draft): every create, update and delete takes that row with a locking read first, so a
   * transition of the parent and a change of the child never both commit on what the other has just changed.
   */
  parent?: { entity: ClassType<ObjectLiteral>; column: string };
  hooks?: CrudHooks<E>;
  /**
   * Its writes are judged by the engine against the authority state (delegations): the authority counter's row is
   * taken with the change log's revision row, in one round trip, before anything is read (change-log/record.ts).
   */
  judged?: boolean;
}
