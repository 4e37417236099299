// Records the SQL a call issues on a SQL client and asks SQLite how it runs each statement
// (EXPLAIN QUERY PLAN), so the growth report can show whether a query searches an index or scans.
import type { SqlClient, SqlInput, SqlValue } from '../../db/core/sql.js';

/** A statement as traced. */
export interface SqlCall {
  sql: string;
  args: SqlValue[];
}

/** One traced statement and its plan lines. */
export interface TracedPlan {
  sql: string;
  plan: string[];
  scans: string[];
  tempSorts: string[];
}

/** Runs `call` while recording every `execute` on `client`; returns the distinct statements seen. */
export async function traceSql<T>(client: SqlClient, call: () => Promise<T>): Promise<{ result: T; statements: SqlCall[] }> {
  const original = client.execute.bind(client);
  const seen = new Map<string, SqlCall>();
  client.execute = (stmt: SqlInput) => {
    const s: SqlCall = typeof stmt === 'string' ? { sql: stmt, args: [] } : { sql: stmt.sql, args: stmt.args ?? [] };
    if (!seen.has(s.sql)) seen.set(s.sql, s);
    return original(stmt);
  };
  try {
    return { result: await call(), statements: [...seen.values()] };
  } finally {
    (client as { execute: unknown }).execute = original;
  }
}

/**
 * Plan lines that read a whole table or index ("SCAN x", other than the tiny driving loop of a json or
 * constant list) and sorts through a temporary B-tree, which grow with the data.
 */
export function classifyPlan(plan: string[]): { scans: string[]; tempSorts: string[] } {
  return {
    scans: plan.filter((l) => /\bSCAN\b/.test(l) && !/SCAN (CONSTANT ROW|json_each)/.test(l)),
    tempSorts: plan.filter((l) => /USE TEMP B-TREE/.test(l)),
  };
}

/** EXPLAIN QUERY PLAN for each statement (only reads: writes are skipped). */
export async function explain(client: SqlClient, statements: SqlCall[]): Promise<TracedPlan[]> {
  const out: TracedPlan[] = [];
  for (const s of statements) {
    if (!/^\s*(SELECT|WITH)\b/i.test(s.sql)) continue;
    const rs = await client.execute({ sql: `EXPLAIN QUERY PLAN ${s.sql}`, args: s.args });
    const plan = rs.rows.map((r) => String(r.detail));
    out.push({ sql: s.sql.replace(/\s+/g, ' ').trim(), plan, ...classifyPlan(plan) });
  }
  return out;
}
