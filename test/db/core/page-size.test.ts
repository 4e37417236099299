// A new database file is created with 8 KB pages (a snapshot row or an issued document is about 2 KB, and a
// 4 KB page held only one); a file created before keeps its own page size and opens, migrates and writes as
// before, since SQLite cannot change the page size of a WAL file in place.
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { NEW_FILE_PAGE_SIZE, openLibsql } from '../../../db/core/libsql-database.js';
import { freshDbPath } from '../../helpers/test-app.js';

async function pageSizeOf(path: string): Promise<number> {
  const client = createClient({ url: `file:${path}` });
  try {
    return Number((await client.execute('PRAGMA page_size')).rows[0]![0]);
  } finally {
    client.close();
  }
}

describe('page size of a libSQL file', () => {
  it('creates a new file with 8 KB pages', async () => {
    const path = freshDbPath();
    const db = await openLibsql(`file:${path}`);
    db.close();
    expect(NEW_FILE_PAGE_SIZE).toBe(8192);
    expect(await pageSizeOf(path)).toBe(8192);
  });

  it('keeps the page size of a file created before, and still migrates and writes it', async () => {
    const path = freshDbPath();
    const old = createClient({ url: `file:${path}` });
    await old.execute('PRAGMA page_size = 4096');
    await old.execute('PRAGMA journal_mode = WAL');
    await old.execute('CREATE TABLE kept (n integer)');
    old.close();

    const db = await openLibsql(`file:${path}`);
    try {
      await db.client.execute({ sql: 'INSERT INTO kept (n) VALUES (?)', args: [1] });
      const tables = await db.client.execute({ sql: "SELECT count(*) AS n FROM sqlite_schema WHERE name = 'cases'", args: [] });
      expect(Number(tables.rows[0]!.n)).toBe(1);
    } finally {
      db.close();
    }
    expect(await pageSizeOf(path)).toBe(4096);
  });
});
