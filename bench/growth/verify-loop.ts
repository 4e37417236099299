// The benchmark's own whole-chain check, used when the audit module's verifier is absent: reads the
// record in id order, page by page, and recomputes every hash with `entryHash`.
import type { SqlClient } from '../../db/core/sql.js';
import { entryHash, genesisHash } from '../../db/core/record-hash.js';
import { rowToEntry } from './clone-hash.js';

/** Recomputes the chain; `ok` is false at the first entry whose link or hash does not match. */
export async function verifyChain(
  client: SqlClient,
  pageSize = 5000,
): Promise<{ ok: boolean; entries: number; firstBroken: number | null }> {
  let prev = genesisHash;
  let lastId = 0;
  let entries = 0;
  for (;;) {
    const rs = await client.execute({ sql: 'SELECT * FROM case_events WHERE id > ? ORDER BY id LIMIT ?', args: [lastId, pageSize] });
    if (rs.rows.length === 0) return { ok: true, entries, firstBroken: null };
    for (const row of rs.rows) {
      const id = Number(row.id);
      const hash = entryHash(id, prev, rowToEntry(row as never));
      if (String(row.prev_hash) !== prev || String(row.hash) !== hash) return { ok: false, entries, firstBroken: id };
      prev = hash;
      lastId = id;
      entries += 1;
    }
  }
}
