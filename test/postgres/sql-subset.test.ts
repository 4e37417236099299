// The common SQL subset on PostgreSQL: `?` placeholders numbered outside quotes and comments, SQLite's
// json_quote and instr giving SQLite's results, integer booleans, and the schema derived from db/schema.
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sqliteSchema from '../../db/schema/index.js';
import * as pgSchema from '../../db/schema-pg/index.js';
import { createDb, type Database } from '../../db/core/client.js';
import { toPgPlaceholders } from '../../db/core/pg/pg-sql.js';
import { freshDatabase } from '../helpers/test-app.js';

let database: Database;
beforeAll(async () => {
  database = await createDb(await freshDatabase());
});
afterAll(async () => {
  await database.close();
});

describe('the common SQL subset on PostgreSQL', () => {
  it('numbers placeholders outside strings, quoted names, comments and dollar quotes', () => {
    expect(toPgPlaceholders("SELECT ?, '?', \"a?\", 'it''s ?', ? -- ?\n, /* ? */ ?, $$ ? $$, ?")).toBe(
      "SELECT $1, '?', \"a?\", 'it''s ?', $2 -- ?\n, /* ? */ $3, $$ ? $$, $4",
    );
  });

  it('quotes strings with json_quote exactly as JSON.stringify does', async () => {
    const samples = ['plain', '引号"与\\反斜杠', 'tab\tnew\nline\r', '\u0001\u001f\u007f', '😀 U+2028 \u2028', ''];
    for (const s of samples) {
      const rs = await database.client.execute({ sql: 'SELECT json_quote(?) AS q, json_quote(NULL) AS n', args: [s] });
      expect([rs.rows[0]!.q, rs.rows[0]!.n]).toEqual([JSON.stringify(s), 'null']);
    }
  });

  it('finds substrings with instr, binds booleans as 1/0 and reads counts as numbers', async () => {
    const rs = await database.client.execute({
      sql: "SELECT instr('立案审核', ?) AS at, CAST(? AS INTEGER) AS yes, count(*) AS n FROM users",
      args: ['审核', true],
    });
    expect(rs.rows[0]).toEqual({ at: 3, yes: 1, n: 0 });
  });

  it('has every table of db/schema, with the same columns', async () => {
    const tables = (Object.values(sqliteSchema) as unknown[]).filter(
      (t): t is SQLiteTable => typeof t === 'object' && t !== null && Symbol.for('drizzle:Name') in t,
    );
    expect(Object.keys(pgSchema).sort()).toEqual(Object.keys(sqliteSchema).sort());
    for (const table of tables) {
      const config = getTableConfig(table);
      const rs = await database.client.execute({
        sql: 'SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY column_name',
        args: [config.name],
      });
      expect([config.name, rs.rows.map((r) => r.column_name)]).toEqual([config.name, config.columns.map((c) => c.name).sort()]);
    }
  });
});
