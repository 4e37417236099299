// The read log (调阅记录, seed §9(2)): who read which case's record, drafts, documents or evidence, when and
// from where. Each entry is chained to the one before by SHA-256 like the record, in its own chain, so
// removing or altering a read shows. This file keeps the chain's hashing, rows and queries.
import type { SqlClient } from '../core/sql.js';
import { sha256Canonical } from '../../machines/shared/canonical-hash.js';
import { genesisHash } from '../core/record-hash.js';
import type { WriteItem } from '../core/writer.js';

/** One read, as the server saw it. */
export interface ReadEntry {
  userId: string;
  at: string;
  caseId: string;
  resource: string;
  target: string | null;
  channel: 'api' | 'desk';
  route: string;
  address: string;
}

/** A stored read with its place in the chain. */
export interface StoredRead extends ReadEntry {
  id: number;
  prevHash: string;
  hash: string;
}

/** Hash of read `id` chained to `prevHash` (the writer of the log and its verifier both use this). */
export function readHash(id: number, prevHash: string, entry: ReadEntry): string {
  return sha256Canonical({ ...entry, id, prevHash });
}

const columns = ['id', 'user_id', 'at', 'case_id', 'resource', 'target', 'channel', 'route', 'address', 'prev_hash', 'hash'] as const;

/** The chained fields of a stored row. */
export function storedRead(r: Record<string, unknown>): StoredRead {
  return {
    id: Number(r.id),
    userId: String(r.user_id),
    at: String(r.at),
    caseId: String(r.case_id),
    resource: String(r.resource),
    target: r.target == null ? null : String(r.target),
    channel: String(r.channel) as ReadEntry['channel'],
    route: String(r.route),
    address: String(r.address),
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  };
}

/** The read-log store over `client`. */
export function createReadLogStore(client: SqlClient) {
  return {
    /** The last stored read (the chain's head), or the genesis. */
    async head(): Promise<{ id: number; hash: string }> {
      const rs = await client.execute('SELECT id, hash FROM read_log ORDER BY id DESC LIMIT 1');
      const r = rs.rows[0];
      return r ? { id: Number(r.id), hash: String(r.hash) } : { id: 0, hash: genesisHash };
    },

    /** Chains `entries` after `head`: the write item and the new head. */
    chain(head: { id: number; hash: string }, entries: readonly ReadEntry[]): { item: WriteItem; head: { id: number; hash: string } } {
      let cursor = head;
      const rows = entries.map((e) => {
        const id = cursor.id + 1;
        const hash = readHash(id, cursor.hash, e);
        const row = [id, e.userId, e.at, e.caseId, e.resource, e.target, e.channel, e.route, e.address, cursor.hash, hash];
        cursor = { id, hash };
        return row;
      });
      return { item: { entries: [], rows: [{ table: 'read_log', columns, rows }] }, head: cursor };
    },

    /** Reads of one case in order, after read `after`, at most `limit`. */
    async ofCase(caseId: string, after: number, limit: number): Promise<StoredRead[]> {
      const rs = await client.execute({
        sql: 'SELECT * FROM read_log WHERE case_id = ? AND id > ? ORDER BY id LIMIT ?',
        args: [caseId, after, limit],
      });
      return rs.rows.map((r) => storedRead(r as Record<string, unknown>));
    },
  };
}
export type ReadLogStore = ReturnType<typeof createReadLogStore>;
