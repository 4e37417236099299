// Re-computes the read log's hash chain (调阅记录) in id order: consecutive ids from 1, each entry linked to
// its predecessor's hash, each hash matching its content. Read-only, paged, so it runs on a suspect file.
import type { SqlClient } from '../core/sql.js';
import { genesisHash } from '../core/record-hash.js';
import { readHash, storedRead } from './read-log-store.js';

/** One broken read-log entry. */
export interface ReadLogIssue {
  id: number;
  problem: 'hash_mismatch' | 'prev_mismatch' | 'gap';
  detail: string;
}

export interface ReadLogReport {
  entries: number;
  issues: ReadLogIssue[];
  issueCount: number;
}

/** Walks the whole read log (empty report for a file without one). */
export async function verifyReadLog(client: SqlClient, options: { pageSize?: number; maxIssues?: number } = {}): Promise<ReadLogReport> {
  const report: ReadLogReport = { entries: 0, issues: [], issueCount: 0 };
  if (!(await client.hasTable('read_log'))) return report;
  const pageSize = options.pageSize ?? 5000;
  const note = (issue: ReadLogIssue) => {
    report.issueCount += 1;
    if (report.issues.length < (options.maxIssues ?? 100)) report.issues.push(issue);
  };
  let last = { id: 0, hash: genesisHash };
  for (;;) {
    const rs = await client.execute({ sql: 'SELECT * FROM read_log WHERE id > ? ORDER BY id LIMIT ?', args: [last.id, pageSize] });
    for (const raw of rs.rows) {
      const { id, prevHash, hash, ...entry } = storedRead(raw as Record<string, unknown>);
      if (id !== last.id + 1) note({ id, problem: 'gap', detail: `reads ${last.id + 1}..${id - 1} are missing` });
      if (prevHash !== last.hash) note({ id, problem: 'prev_mismatch', detail: `read ${id} is not chained to read ${last.id}` });
      if (readHash(id, prevHash, entry) !== hash) note({ id, problem: 'hash_mismatch', detail: `read ${id} was altered` });
      last = { id, hash };
      report.entries += 1;
    }
    if (rs.rows.length < pageSize) return report;
  }
}
