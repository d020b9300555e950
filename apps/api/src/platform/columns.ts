import type { TimeWindow } from '@iron-triangle/domain';
// Column helpers shared by entities and the base record: portable types for dates, money and JSON.
import { Column, ColumnOptions, PrimaryGeneratedColumn, ValueTransformer } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './scalars';

/** BIGINT columns come back as strings (mysql2) or numbers (SQLite): carry them as bigint. */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | number | bigint | null) => (value === null || value === undefined ? null : BigInt(value)),
};

/** A UTC instant (DATETIME(3) on MySQL, text in UTC on SQLite). */
export function DateTimeColumn(options: { nullable?: boolean; name?: string } = {}) {
  return Column({
    type: 'datetime',
    precision: 3,
    nullable: options.nullable ?? false,
    ...(options.name ? { name: options.name } : {}),
  });
}

/** Integer minor units of money (BIGINT), as bigint in code. */
export function MoneyColumn(options: { nullable?: boolean } = {}) {
  return Column({ type: 'bigint', nullable: options.nullable ?? false, transformer: bigintTransformer });
}

/** A JSON value stored as text (portable across SQLite and MySQL). */
export function JsonColumn(options: { nullable?: boolean } = {}) {
  return Column({ type: 'simple-json', nullable: options.nullable ?? true });
}

export function StringColumn(length: number, options: Omit<ColumnOptions, 'type' | 'length'> = {}) {
  return Column({ type: 'varchar', length, ...options });
}

/**
 * The exact collations a key column has on MySQL/MariaDB (migration 1764820000000-exact-keys): binary and NO PAD,
 * so case, accents and trailing spaces all count (utf8mb4_nopad_bin on MariaDB, utf8mb4_0900_bin on MySQL 8).
 */
export const KEY_COLLATIONS: readonly string[] = ['utf8mb4_nopad_bin', 'utf8mb4_0900_bin'];

/**
 * Entity properties declared with KeyColumn: test/keys.test.ts checks that each has one of KEY_COLLATIONS in the
 * database.
 */
export const KEY_COLUMNS: Array<{ target: object; propertyName: string }> = [];

/**
 * An identifier or key compared exactly (codes, external references, idempotency keys, token hashes, e-mail
 * addresses stored lower-cased): "IDEM-x", "idem-x " and "ídem-x" are three values on both databases. On
 * MySQL/MariaDB the column has a binary no-pad collation (KEY_COLLATIONS, set by the migrations); SQLite compares bytes
 * anyway. The collation is not put into TypeORM's column options, because TypeORM would then also write
 * `COLLATE utf8mb4_nopad_bin` into SQLite's DDL, where no such collation exists; the registry below ties the entity
 * declaration to the schema instead (checked by a test on MariaDB).
 */
export function KeyColumn(
  length: number,
  options: Omit<ColumnOptions, 'type' | 'length' | 'collation' | 'charset'> = {},
): PropertyDecorator {
  const column = StringColumn(length, options);
  return (target: object, propertyName: string | symbol) => {
    column(target, propertyName as string);
    KEY_COLUMNS.push({ target: target.constructor, propertyName: String(propertyName) });
  };
}

export function IdColumn(options: { nullable?: boolean } = {}) {
  return Column({ type: 'integer', nullable: options.nullable ?? false });
}

/** What every record has: an id, an optimistic-locking version, and when it was created and last changed. */
@ObjectType('BaseRecord', { description: 'Fields every record has (an abstract base; not used on its own).' })
export abstract class BaseRecord {
  @Field(() => ID, { description: 'Stable identifier of the record.' })
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int, {
    description: 'Optimistic-locking version: pass it back on update; a stale one is refused with CONFLICT.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Field(() => DateTimeScalar, { description: 'When the record was created (UTC).' })
  @DateTimeColumn()
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed (UTC).' })
  @DateTimeColumn()
  updatedAt: Date;
}

/** A record in force over a window: from validFrom (inclusive) until validTo (exclusive; null while open). */
@ObjectType('WindowedRecord', {
  description: 'A record with a validity window (an abstract base; not used on its own).',
})
export abstract class WindowedRecord extends BaseRecord {
  @Field(() => DateTimeScalar, { description: 'Start (inclusive, UTC).' })
  @DateTimeColumn()
  validFrom: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'End (exclusive, UTC); null while open.' })
  @DateTimeColumn({ nullable: true })
  validTo: Date | null;
}

/** A stored window (validFrom inclusive, validTo exclusive; null while open) as the domain's TimeWindow. */
export const windowOf = (validFrom: Date, validTo: Date | null | undefined): TimeWindow => ({
  from: validFrom,
  to: validTo ?? null,
});
