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
  /** The conflict clause, '' when none. */
  readonly onConflict: string;
  /** SQL text by row count (up to `keptRowCounts`), built on first use. */
  readonly sql: Map<number, string>;
}

/** Some rows of a shape and the record id their `eventIdMarker` stands for. */
export interface ShapeRows {
  rows: readonly unknown[][];
  first: number | undefined;
}

// Shapes are written in code (tables and column lists are constants), so each table has one or two: a scan of
// them, comparing the column list by identity first, is cheaper than building or hashing a key.
const shapes = new Map<string, RowShape[]>();

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The shape of `group`: the same object for every group with equal table, columns and conflict clause. */
export function shapeOf(group: RowGroup): RowShape {
  const onConflict = group.onConflict ?? '';
  let ofTable = shapes.get(group.table);
  if (!ofTable) {
    ofTable = [];
    shapes.set(group.table, ofTable);
  }
  for (const shape of ofTable) if (shape.onConflict === onConflict && sameColumns(shape.columns, group.columns)) return shape;
  const shape: RowShape = { table: group.table, columns: group.columns, onConflict, sql: new Map() };
  ofTable.push(shape);
  return shape;
}

/** Row counts whose SQL text is kept: batches rarely hold more rows of one shape than clients waiting. */
const keptRowCounts = 128;

function sqlFor(shape: RowShape, rows: number): string {
  let sql = shape.sql.get(rows);
  if (sql === undefined) {
    const placeholders = `(${shape.columns.map(() => '?').join(', ')})`;
    const values = new Array<string>(rows).fill(placeholders).join(', ');
    sql = `INSERT INTO ${shape.table} (${shape.columns.join(', ')}) VALUES ${values} ${shape.onConflict}`;
    if (rows <= keptRowCounts) shape.sql.set(rows, sql);
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
