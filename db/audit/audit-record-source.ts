// Where the verifier reads record rows from: pages through the shared @libsql/client connection, or a
// separate read-only native connection to the same file, which builds rows faster.
import type { SqlClient } from '../core/sql.js';
import Database from 'libsql';
import type { StoredEntryRow } from './audit-canonical.js';
import { pageSql, rowsFromRaw, storedTextPages, type CheckedPageReader } from './audit-verify-text-page.js';

/** Pages of record rows in id order, and the lookups used to name and classify broken entries. */
export interface RecordSource {
  /** Highest record id now (0 when empty). */
  top(): Promise<number>;
  /** Number of entries. */
  count(): Promise<number>;
  /** Up to `limit` rows with `afterId < id <= upTo`, ordered by id. */
  page(afterId: number, upTo: number, limit: number): Promise<StoredEntryRow[]>;
  /** Reads and checks a page in one step on the fast path, where the source has one (a native connection). */
  checkedPage?: CheckedPageReader;
  /** The id of another entry whose hash is `hash`, if any. */
  idOfHash(hash: string, notId: number): Promise<number | null>;
  /** Case (stream) and type of entry `id`, to name it in a report. */
  nameOf(id: number): Promise<{ caseId: string; type: string }>;
  close(): void;
}

const hashSql = 'SELECT id FROM case_events WHERE hash = ? AND id <> ? LIMIT 1';
const nameSql = 'SELECT case_id, type FROM case_events WHERE id = ?';
const topSql = 'SELECT coalesce(max(id), 0) AS top FROM case_events';
const countSql = 'SELECT count(*) AS n FROM case_events';

const named = (row: Record<string, unknown> | undefined) => ({ caseId: String(row?.case_id ?? '?'), type: String(row?.type ?? '?') });

/** Rows through an open @libsql/client `SqlClient` (works for any URL). */
export function clientRecordSource(client: SqlClient): RecordSource {
  const one = async (sql: string, args: (string | number)[] = []) =>
    (await client.execute({ sql, args })).rows[0] as Record<string, unknown> | undefined;
  return {
    top: async () => Number((await one(topSql))?.top ?? 0),
    count: async () => Number((await one(countSql))?.n ?? 0),
    page: async (afterId, upTo, limit) =>
      (await client.execute({ sql: pageSql, args: [afterId, upTo, limit] })).rows as unknown as StoredEntryRow[],
    idOfHash: async (hash, notId) => {
      const id = (await one(hashSql, [hash, notId]))?.id;
      return id == null ? null : Number(id);
    },
    nameOf: async (id) => named(await one(nameSql, [id])),
    close() {},
  };
}

/** A read-only native connection to the database file at `path`; close it when done. */
export function nativeRecordSource(path: string): RecordSource {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const [page, byHash, name, top, count] = [pageSql, hashSql, nameSql, topSql, countSql].map((sql) => db.prepare(sql));
  page!.raw(true);
  return {
    top: async () => Number((top!.get() as { top: number }).top),
    count: async () => Number((count!.get() as { n: number }).n),
    page: async (afterId, upTo, limit) => rowsFromRaw(page!.all(afterId, upTo, limit) as unknown[][]),
    checkedPage: storedTextPages(db),
    idOfHash: async (hash, notId) => {
      const row = byHash!.get(hash, notId) as { id: number } | undefined;
      return row ? Number(row.id) : null;
    },
    nameOf: async (id) => named(name!.get(id) as Record<string, unknown> | undefined),
    close: () => db.close(),
  };
}
