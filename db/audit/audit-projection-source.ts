// Reads what the projection check compares, a batch of cases at a time: each case's row, its accepted
// record entries, and its draft_versions, reviews and decisions rows. Read-only; memory bounded by the batch.
import type { SqlClient, SqlValue } from '../core/sql.js';
import Database from 'libsql';

/** Runs one read query; answers plain rows. */
export type ReadQuery = (sql: string, args: SqlValue[]) => Promise<Record<string, unknown>[]>;

/** One batch of cases with everything stored about them, grouped by case id. */
export interface ProjectionBatch {
  ids: string[];
  cases: Map<string, Record<string, unknown>>;
  entries: Map<string, Record<string, unknown>[]>;
  drafts: Map<string, Record<string, unknown>[]>;
  reviews: Map<string, Record<string, unknown>[]>;
  decisions: Map<string, Record<string, unknown>[]>;
}

export interface ProjectionSource {
  /** Case ids after `afterId`, in order, at most `limit`. */
  caseIds(afterId: string, limit: number): Promise<string[]>;
  /** Streams in the record (not inquiries) that have no `cases` row. */
  orphanStreams(): Promise<string[]>;
  batch(ids: string[]): Promise<ProjectionBatch>;
  close(): void;
}

function groupBy(rows: Record<string, unknown>[]): Map<string, Record<string, unknown>[]> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const key = String(row.case_id);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

/** The projection source over any read query function. */
export function projectionSource(query: ReadQuery, close: () => void = () => {}): ProjectionSource {
  return {
    async caseIds(afterId, limit) {
      return (await query('SELECT id FROM cases WHERE id > ? ORDER BY id LIMIT ?', [afterId, limit])).map((r) => String(r.id));
    },
    async orphanStreams() {
      const rows = await query(
        `SELECT DISTINCT e.case_id FROM case_events e WHERE e.accepted = 1 AND e.case_id NOT LIKE 'inquiry:%'
           AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id) ORDER BY e.case_id LIMIT 1000`,
        [],
      );
      return rows.map((r) => String(r.case_id));
    },
    async batch(ids) {
      const marks = ids.map(() => '?').join(', ');
      const [cases, entries, drafts, reviews, decisions] = await Promise.all([
        query(`SELECT * FROM cases WHERE id IN (${marks})`, ids),
        query(
          `SELECT id, case_id, seq, type, payload, actor_id, at, draft_hash FROM case_events
             WHERE case_id IN (${marks}) AND accepted = 1 ORDER BY case_id, id`,
          ids,
        ),
        query(`SELECT * FROM draft_versions WHERE case_id IN (${marks}) ORDER BY case_id, version`, ids),
        query(`SELECT * FROM reviews WHERE case_id IN (${marks}) ORDER BY case_id, id`, ids),
        query(`SELECT * FROM decisions WHERE case_id IN (${marks})`, ids),
      ]);
      return {
        ids,
        cases: new Map(cases.map((r) => [String(r.id), r])),
        entries: groupBy(entries),
        drafts: groupBy(drafts),
        reviews: groupBy(reviews),
        decisions: groupBy(decisions),
      };
    },
    close,
  };
}

/** Through an open @libsql/client `SqlClient` (any URL). */
export function clientProjectionSource(client: SqlClient): ProjectionSource {
  return projectionSource(async (sql, args) => (await client.execute({ sql, args })).rows as unknown as Record<string, unknown>[]);
}

/** Through a read-only native connection to the database file at `path`; closes it with the source. */
export function nativeProjectionSource(path: string): ProjectionSource {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  return projectionSource(
    async (sql, args) => db.prepare(sql).all(...(args as unknown[])) as Record<string, unknown>[],
    () => db.close(),
  );
}
