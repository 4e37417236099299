// The commit thread keeps the writer's promise: a batch resolves only once committed, a failing batch
// rolls back whole and rejects, and a dead thread fails every batch instead of leaving requests waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../db/core/client.js';
import { startCommitThread, type CommitThread } from '../../db/core/commit-thread.js';
import { freshDbPath } from '../helpers/test-app.js';

let path: string;
let database: Database;
let thread: CommitThread;
beforeAll(async () => {
  path = freshDbPath();
  database = await createDb(`file:${path}`);
  await database.client.execute('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  thread = startCommitThread(path);
});
afterAll(() => database.close());

const count = async () => Number((await database.client.execute('SELECT count(*) AS n FROM t')).rows[0]!.n);

describe('the commit thread', () => {
  it('commits a batch that the main connection then reads', async () => {
    await thread.batch([{ sql: 'INSERT INTO t (k, v) VALUES (?, ?), (?, ?)', args: [1, 'a', 2, 'b'] }]);
    expect(await count()).toBe(2);
  });

  it('rolls a failing batch back whole and rejects with the database message', async () => {
    const batch = thread.batch([
      { sql: 'INSERT INTO t (k, v) VALUES (?, ?)', args: [3, 'c'] },
      { sql: 'INSERT INTO t (k, v) VALUES (?, ?)', args: [1, 'duplicate'] },
    ]);
    await expect(batch).rejects.toThrow(/UNIQUE/);
    expect(await count()).toBe(2);
  });

  it('runs a statement again whose first batch failed (the thread keeps the SQL it was sent)', async () => {
    const sql = 'INSERT INTO t (k, v) VALUES (?, ?) /* named after a failure */';
    await expect(thread.batch([{ sql, args: [1, 'duplicate'] }])).rejects.toThrow(/UNIQUE/);
    await thread.batch([{ sql, args: [10, 'j'] }]);
    expect(await count()).toBe(3);
  });

  it('keeps committing after more distinct statements than it names at once', async () => {
    await thread.batch(
      Array.from({ length: 2100 }, (_, i) => ({ sql: `INSERT INTO t (k, v) VALUES (?, ?) /* ${i} */`, args: [100 + i, 'x'] })),
    );
    await thread.batch([{ sql: 'INSERT INTO t (k, v) VALUES (?, ?) /* 0 */', args: [5000, 'again'] }]);
    expect(await count()).toBe(3 + 2100 + 1);
    await database.client.execute('DELETE FROM t WHERE k >= 10');
  });

  it('fails every batch once closed instead of hanging', async () => {
    await thread.close();
    await expect(thread.batch([{ sql: 'INSERT INTO t (k, v) VALUES (?, ?)', args: [4, 'd'] }])).rejects.toThrow(/exited/);
    expect(await count()).toBe(2);
  });
});
