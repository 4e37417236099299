// Multi-row INSERTs of row groups, built without copying rows: a group's shape (table, columns, conflict
// clause) is found once and keeps the SQL text of each row count, so a batch spends its time on values, not
// on rebuilding the same statements. Invariant: rows keep their order; at most `rowsPerStatement` per INSERT.
import type { SqlStatement, SqlValue } from './sql.js';
import type { RowGroup } from './writer.js';

/** Stands in a `RowGroup` row for the record id of its item's first entry, which only the writer knows. */
export const eventIdMarker: unique symbol = Symbol('eventId');

/** Rows per multi-row INSERT; keeps bound parameters below SQLite's limit of 32,766 and PostgreSQL's 65,535. */
export const rowsPerStatement = 500;

/** Groups with the same table, columns and conflict clause merge into one INSERT; their shape is one object. */
export interface RowShape {
  readonly table: string;
  readonly columns: readonly string[];
  readonly onConflict: string | undefined;
  /** SQL text by row count, built on first use. */
  readonly sql: Map<number, string>;
}

/** Some rows of a shape and the record id their `eventIdMarker` stands for. */
export interface ShapeRows {
  rows: readonly unknown[][];
  first: number | undefined;
}

// Shapes are written in code (tables and column lists are constants), so these maps stay small.
const columnKeys = new WeakMap<readonly string[], string>();
const shapes = new Map<string, Map<string, Map<string, RowShape>>>();

function columnKey(columns: readonly string[]): string {
  let key = columnKeys.get(columns);
  if (key === undefined) columnKeys.set(columns, (key = columns.join(', ')));
  return key;
}

/** The shape of `group`: the same object for every group with equal table, columns and conflict clause. */
export function shapeOf(group: RowGroup): RowShape {
  const columns = columnKey(group.columns);
  let byColumns = shapes.get(group.table);
  if (!byColumns) shapes.set(group.table, (byColumns = new Map()));
  let byConflict = byColumns.get(columns);
  if (!byConflict) byColumns.set(columns, (byConflict = new Map()));
  let shape = byConflict.get(group.onConflict ?? '');
  if (!shape) {
    shape = { table: group.table, columns: group.columns, onConflict: group.onConflict, sql: new Map() };
    byConflict.set(group.onConflict ?? '', shape);
  }
  return shape;
}

function sqlFor(shape: RowShape, rows: number): string {
  let sql = shape.sql.get(rows);
  if (sql === undefined) {
    const placeholders = `(${shape.columns.map(() => '?').join(', ')})`;
    const values = new Array<string>(rows).fill(placeholders).join(', ');
    sql = `INSERT INTO ${shape.table} (${columnKey(shape.columns)}) VALUES ${values} ${shape.onConflict ?? ''}`;
    shape.sql.set(rows, sql);
  }
  return sql;
}

/**
 * Appends to `out` the INSERTs of `parts`, all of `shape`, in order, with each `eventIdMarker` replaced by
 * its part's `first` record id; arguments are written straight into one flat array per statement.
 */
export function shapeStatements(shape: RowShape, parts: readonly ShapeRows[], out: SqlStatement[]): void {
  let args: SqlValue[] = [];
  let rows = 0;
  for (const part of parts) {
    for (const row of part.rows) {
      for (const v of row) args.push((v === eventIdMarker ? part.first : v) as SqlValue);
      if (++rows === rowsPerStatement) {
        out.push({ sql: sqlFor(shape, rows), args });
        args = [];
        rows = 0;
      }
    }
  }
  if (rows > 0) out.push({ sql: sqlFor(shape, rows), args });
}
