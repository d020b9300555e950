// Records carried inside another statement's rows as JSON (a page's nested records, list-page.ts): the SQL that
// writes a record of a type as a JSON object on SQLite and MySQL/MariaDB, and the entity made from it as TypeORM
// would make it from a plain SELECT (the driver's own conversion, column by column).
import type { EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';

export type ColumnMetadata = EntityMetadata['columns'][number];

export type Dialect = 'sqlite' | 'mysql';

export function dialectOf(em: EntityManager): Dialect {
  return em.connection.options.type === 'mysql' ? 'mysql' : 'sqlite';
}

/** Column types whose JSON form this file turns back into what the driver returns. */
const SUPPORTED_TYPES = new Set<unknown>([
  'integer',
  'int',
  'varchar',
  'text',
  'datetime',
  'bigint',
  'simple-json',
  'boolean',
]);

const SELECTED = new WeakMap<EntityMetadata, ColumnMetadata[]>();

/** The columns a plain SELECT of the entity reads. */
export function selectedColumns(metadata: EntityMetadata): ColumnMetadata[] {
  let columns = SELECTED.get(metadata);
  if (!columns) {
    columns = metadata.columns.filter((c) => !c.isVirtual && c.isSelect);
    SELECTED.set(metadata, columns);
  }
  return columns;
}

/**
 * Whether records of this type can travel as JSON: plain columns of the types above, no relations, embedded or
 * inherited parts (the house declares none; anything else is read the ordinary way).
 */
export function travelsAsJson(metadata: EntityMetadata): boolean {
  return (
    metadata.relations.length === 0 &&
    metadata.embeddeds.length === 0 &&
    metadata.childEntityMetadatas.length === 0 &&
    selectedColumns(metadata).every((c) => SUPPORTED_TYPES.has(c.type))
  );
}

/**
 * `{"column": value, ...}` of the row at `alias` (the given columns, all by default), in SQL. BIGINT travels as text:
 * JSON numbers are doubles, and the driver returns text (mysql2) or a number that the column's transformer takes
 * either way.
 */
export function jsonObjectSql(
  em: EntityManager,
  metadata: EntityMetadata,
  alias: string,
  columns: readonly ColumnMetadata[] = selectedColumns(metadata),
): string {
  const dialect = dialectOf(em);
  const escape = (name: string) => em.connection.driver.escape(name);
  const pairs = columns.map((c) => {
    const value = `${escape(alias)}.${escape(c.databaseName)}`;
    const text = c.type === 'bigint' ? `CAST(${value} AS ${dialect === 'mysql' ? 'CHAR' : 'TEXT'})` : value;
    return `'${c.databaseName}', ${text}`;
  });
  return `${dialect === 'mysql' ? 'JSON_OBJECT' : 'json_object'}(${pairs.join(', ')})`;
}

/** The JSON array of `objectSql` over the rows of a subquery; SQLite says `[]` for none, MySQL NULL. */
export function jsonArraySql(em: EntityManager, objectSql: string): string {
  return dialectOf(em) === 'mysql' ? `JSON_ARRAYAGG(${objectSql})` : `json_group_array(${objectSql})`;
}

/** "2026-03-03 08:00:00.000" (DATETIME(3) in UTC, as MySQL writes it into JSON) as the Date mysql2 would return. */
function utcDatetime(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

/** An entity from a row read by a plain SELECT: `raw` holds each column's value under its database name. */
export function entityFromRow<E extends ObjectLiteral>(
  em: EntityManager,
  metadata: EntityMetadata,
  raw: ObjectLiteral,
): E {
  const driver = em.connection.driver;
  const entity = metadata.create(undefined, { fromDeserializer: true }) as E;
  for (const column of selectedColumns(metadata)) {
    column.setEntityValue(entity, driver.prepareHydratedValue(raw[column.databaseName], column));
  }
  return entity;
}

/**
 * An entity from an object written by jsonObjectSql with `columns` (and parsed): the driver's values first, then its
 * conversion. With fewer columns than all, the entity has only those (as a partial SELECT would give).
 */
export function entityFromJson<E extends ObjectLiteral>(
  em: EntityManager,
  metadata: EntityMetadata,
  json: Record<string, unknown>,
  columns: readonly ColumnMetadata[] = selectedColumns(metadata),
): E {
  const driver = em.connection.driver;
  const mysql = dialectOf(em) === 'mysql';
  // A whole record as TypeORM makes it (its constructor runs); a partial one, as TypeORM makes a record it does not
  // construct: the class's prototype with the columns read, nothing else (most of a page's nested records).
  const whole = columns.length === selectedColumns(metadata).length;
  const entity = (
    whole
      ? metadata.create(undefined, { fromDeserializer: true })
      : Object.create((metadata.target as { prototype: object }).prototype)
  ) as E;
  for (const column of columns) {
    let value = json[column.databaseName];
    // mysql2 returns DATETIME as a Date (UTC connection); SQLite's text is what its driver returns anyway.
    if (mysql && column.type === 'datetime' && typeof value === 'string') value = utcDatetime(value);
    column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
  }
  return entity;
}
