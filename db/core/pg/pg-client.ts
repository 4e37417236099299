// The stores' SQL client over a node-postgres pool: the common subset's `?` statements, rows as plain
// objects, 64-bit integers and numerics read as JavaScript numbers (as libSQL reads them), one transaction
// per batch. Invariant: every connection taken from the pool goes back, also after an error.
import pg from 'pg';
import type { FirstRow } from '../prepared-reads.js';
import type { SqlClient, SqlInput, SqlResult, SqlValue } from '../sql.js';
import { statementOf } from '../sql.js';
import { toPgPlaceholders, toPgValues } from './pg-sql.js';

const INT8 = 20;
const NUMERIC = 1700;

/** Type parsers of every connection: counts, sums and bigint ids arrive as numbers, as on libSQL. */
export const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8 || oid === NUMERIC) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** Runs one statement of the common subset on a connection (or the pool). */
export async function runOn(target: pg.Pool | pg.PoolClient | pg.Client, input: SqlInput): Promise<SqlResult> {
  const { sql, args } = statementOf(input);
  const rs = await target.query({ text: toPgPlaceholders(sql), values: toPgValues(args) });
  return { rows: rs.rows as Record<string, unknown>[], rowsAffected: rs.rowCount ?? 0 };
}

/** Runs `work` in one transaction on a connection of its own, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  let broken: Error | undefined;
  try {
    await c.query('BEGIN');
    const out = await work(c);
    await c.query('COMMIT');
    return out;
  } catch (error) {
    await c.query('ROLLBACK').catch((e: Error) => {
      broken = e;
    });
    throw error;
  } finally {
    // A connection that could not even roll back is discarded, not reused.
    c.release(broken);
  }
}

/** The stores' interface over `pool`. */
export function pgSqlClient(pool: pg.Pool): SqlClient {
  return {
    execute: (statement) => runOn(pool, statement),
    async batch(statements) {
      return inTransaction(pool, async (c) => {
        const out: SqlResult[] = [];
        for (const s of statements) out.push(await runOn(c, s));
        return out;
      });
    },
    async hasTable(name) {
      const rs = await pool.query({ text: 'SELECT to_regclass($1) IS NOT NULL AS found', values: [name] });
      return rs.rows[0]?.found === true;
    },
  };
}

/** Distinct statements given a name (prepared once per pooled connection); others run unnamed. */
const MAX_NAMED = 64;

/**
 * The per-request reads (`Database.firstRow`) as named statements: PostgreSQL parses and plans each once per
 * pooled connection, as the libSQL backend keeps its prepared. A name is never reused for another text.
 */
export function pgFirstRow(pool: pg.Pool): FirstRow {
  const names = new Map<string, string>();
  return async (sql, args) => {
    let name = names.get(sql);
    if (name === undefined && names.size < MAX_NAMED) {
      name = `first_row_${names.size + 1}`;
      names.set(sql, name);
    }
    const rs = await pool.query({ name, text: toPgPlaceholders(sql), values: toPgValues(args as SqlValue[]) });
    return rs.rows[0] as Record<string, unknown> | undefined;
  };
}
