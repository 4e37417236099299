// Keeps signed checkpoints: reads the record's head, signs it and appends the checkpoint through the
// single writer (so it is ordered with record writes); lists them for export.
import type { SqlClient } from '../core/sql.js';
import type { KeyObject } from 'node:crypto';
import type { Writer } from '../core/writer.js';
import { signCheckpoint, type Checkpoint } from './audit-checkpoint-sign.js';

/** The latest record entry, or null when the record is empty. */
export async function recordHead(client: SqlClient): Promise<{ id: number; hash: string } | null> {
  const row = (await client.execute('SELECT id, hash FROM case_events ORDER BY id DESC LIMIT 1')).rows[0];
  return row ? { id: Number(row.id), hash: String(row.hash) } : null;
}

function toCheckpoint(r: Record<string, unknown>): Checkpoint {
  return {
    id: Number(r.id),
    sequence: Number(r.sequence),
    headHash: String(r.head_hash),
    at: String(r.at),
    signature: String(r.signature),
    publicKey: String(r.public_key),
    keySource: String(r.key_source),
    createdBy: String(r.created_by),
  };
}

/** The checkpoint store over the shared client (reads) and the single writer (appends). */
export function createCheckpointStore(client: SqlClient, writer: Writer) {
  return {
    /** Signs the current head; null when the record is empty (there is nothing to vouch for). */
    async create(key: KeyObject, keySource: string, createdBy: string, at: string): Promise<Checkpoint | null> {
      // Everything the writer committed before this point is in the head read below.
      await writer.drain();
      const head = await recordHead(client);
      if (!head) return null;
      const signed = { ...signCheckpoint({ sequence: head.id, headHash: head.hash, at }, key), keySource, createdBy };
      await writer.write({
        entries: [],
        statements: () => [
          {
            sql: 'INSERT INTO checkpoints (sequence, head_hash, at, signature, public_key, key_source, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
            args: [signed.sequence, signed.headHash, signed.at, signed.signature, signed.publicKey, keySource, createdBy],
          },
        ],
      });
      return (await this.latest())!;
    },
    async latest(): Promise<Checkpoint | null> {
      const row = (await client.execute('SELECT * FROM checkpoints ORDER BY id DESC LIMIT 1')).rows[0];
      return row ? toCheckpoint(row as Record<string, unknown>) : null;
    },
    /** Checkpoints with an id above `id`, oldest first (those not yet witnessed). */
    async since(id: number): Promise<Checkpoint[]> {
      const rs = await client.execute({ sql: 'SELECT * FROM checkpoints WHERE id > ? ORDER BY id', args: [id] });
      return rs.rows.map((r) => toCheckpoint(r as Record<string, unknown>));
    },
    async list(): Promise<Checkpoint[]> {
      const rs = await client.execute('SELECT * FROM checkpoints ORDER BY id');
      return rs.rows.map((r) => toCheckpoint(r as Record<string, unknown>));
    },
  };
}
export type CheckpointStore = ReturnType<typeof createCheckpointStore>;
