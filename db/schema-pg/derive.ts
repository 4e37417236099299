// Derives each PostgreSQL table from its SQLite definition in db/schema, so a table is written once and
// drizzle-kit generates migrations for both dialects from it. The mapping keeps what the stores' SQL relies
// on: JSON and text as `text`, integers as `bigint` (read back as numbers), booleans as `smallint` 0/1,
// SQLite's integer primary keys as identity columns. Anything it cannot map throws when the schema loads.
import { is, SQL } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  bigint,
  doublePrecision,
  foreignKey,
  index,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
} from 'drizzle-orm/pg-core';

// biome-ignore lint/suspicious/noExplicitAny: derived tables are used by drizzle-kit and the migrator only, never for typed queries.
export type DerivedTable = PgTableWithColumns<any>;

const derived = new Map<SQLiteTable, DerivedTable>();

/** The PostgreSQL column type of a SQLite column. */
function baseColumn(column: SQLiteColumn): PgColumnBuilderBase {
  switch (column.columnType) {
    case 'SQLiteText':
    case 'SQLiteTextJson':
      return text(column.name);
    case 'SQLiteInteger':
    case 'SQLiteTimestamp':
      return column.primary
        ? bigint(column.name, { mode: 'number' }).generatedByDefaultAsIdentity()
        : bigint(column.name, { mode: 'number' });
    case 'SQLiteBoolean':
      return smallint(column.name);
    case 'SQLiteReal':
      return doublePrecision(column.name);
    case 'SQLiteNumeric':
      return numeric(column.name);
    default:
      throw new Error(`db/schema-pg: no PostgreSQL mapping for ${column.columnType} (column ${column.name}); add one in derive.ts`);
  }
}

/** The column with its constraints: not null, default (booleans as 1/0), primary key, unique. */
function pgColumn(column: SQLiteColumn): PgColumnBuilderBase {
  // biome-ignore lint/suspicious/noExplicitAny: the builders' chain types differ per column type.
  let b: any = baseColumn(column);
  if (column.notNull && !column.primary) b = b.notNull();
  if (column.hasDefault && column.default !== undefined) {
    const value = column.default;
    b = b.default(is(value, SQL) ? value : typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }
  if (column.primary) b = b.primaryKey();
  if (column.isUnique) b = b.unique(column.uniqueName);
  return b;
}

/** The PostgreSQL twin of a SQLite table: same name, columns, indexes, keys. */
export function pgTableOf(table: SQLiteTable): DerivedTable {
  const known = derived.get(table);
  if (known) return known;
  const config = getTableConfig(table);
  const columns = Object.fromEntries(config.columns.map((c) => [c.name, pgColumn(c)]));
  const result = pgTable(config.name, columns, (t) => {
    const col = (c: unknown) => {
      if (is(c, SQL)) throw new Error(`db/schema-pg: index on an expression in ${config.name}; write that index in a custom migration`);
      return t[(c as SQLiteColumn).name]!;
    };
    return [
      ...config.indexes.map((i) => {
        const [first, ...rest] = i.config.columns.map(col);
        const built = (i.config.unique ? uniqueIndex(i.config.name) : index(i.config.name)).on(first!, ...rest);
        return i.config.where ? built.where(i.config.where) : built;
      }),
      ...config.primaryKeys.map((pk) => primaryKey({ columns: pk.columns.map(col) as [never, ...never[]] })),
      ...config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        const foreign = pgTableOf(ref.foreignTable as SQLiteTable);
        return foreignKey({
          columns: ref.columns.map(col) as [never, ...never[]],
          foreignColumns: ref.foreignColumns.map((c) => foreign[c.name]) as [never, ...never[]],
        });
      }),
    ];
  });
  derived.set(table, result);
  return result;
}
