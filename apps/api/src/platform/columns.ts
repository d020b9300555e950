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
  return Column({ type: 'datetime', precision: 3, nullable: options.nullable ?? false, ...(options.name ? { name: options.name } : {}) });
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

export function IdColumn(options: { nullable?: boolean } = {}) {
  return Column({ type: 'integer', nullable: options.nullable ?? false });
}

/** What every record has: an id, an optimistic-locking version, and when it was created and last changed. */
@ObjectType('BaseRecord', { description: 'Fields every record has (an abstract base; not used on its own).' })
export abstract class BaseRecord {
  @Field(() => ID, { description: 'Stable identifier of the record.' })
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => Int, { description: 'Optimistic-locking version: pass it back on update; a stale one is refused with CONFLICT.' })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Field(() => DateTimeScalar, { description: 'When the record was created (UTC).' })
  @DateTimeColumn()
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed (UTC).' })
  @DateTimeColumn()
  updatedAt: Date;
}
