// How one record entry is hashed into the chain: SHA-256 over the canonical JSON of its fields and the
// previous entry's hash. The writer and the verifier both use this, so they can never disagree.
import { hash } from 'node:crypto';
import { canonicalJson, sha256Canonical } from '../../machines/shared/canonical-hash.js';

/** The chained fields of a `case_events` row, in API shape. */
export interface RecordEntry {
  caseId: string;
  seq: number | null;
  type: string;
  payload: unknown;
  actorId: string;
  actorRole: string | null;
  at: string;
  draftHash: string | null;
  accepted: boolean;
  refusal: unknown;
}

/** The hash before the first entry. */
export const genesisHash = '0'.repeat(64);

/** Hash of entry `id` chained to `prevHash`: the definition, which `storedEntry` computes faster. */
export function entryHash(id: number, prevHash: string, entry: RecordEntry): string {
  return sha256Canonical({ ...entry, id, prevHash });
}

/** What the writer stores for an entry: payload and refusal as canonical JSON text, and the entry's hash. */
export interface StoredEntryText {
  payload: string;
  refusal: string | null;
  hash: string;
}

/**
 * The entry as the writer stores it. Payload and refusal are kept in canonical JSON, the very text the hash
 * covers, so the verifier hashes the stored bytes without parsing them (db/audit/audit-canonical.ts). The
 * canonical text of the whole entry is laid out here by hand, in sorted key order; a property test holds it
 * to `entryHash`.
 */
export function storedEntry(id: number, prevHash: string, entry: RecordEntry): StoredEntryText {
  const payload = canonicalJson(entry.payload);
  const refusal = entry.refusal == null ? null : canonicalJson(entry.refusal);
  const q = JSON.stringify;
  const text =
    `{"accepted":${entry.accepted},"actorId":${q(entry.actorId)},"actorRole":${q(entry.actorRole)},"at":${q(entry.at)}` +
    `,"caseId":${q(entry.caseId)},"draftHash":${q(entry.draftHash)},"id":${id},"payload":${payload},"prevHash":${q(prevHash)}` +
    `,"refusal":${refusal ?? 'null'},"seq":${entry.seq === null ? 'null' : entry.seq},"type":${q(entry.type)}}`;
  return { payload, refusal, hash: hash('sha256', text, 'hex') };
}

/** The chained fields of a stored `case_events` row, in the shape the writer hashed. */
export function recordEntryOf(row: Record<string, unknown>): RecordEntry {
  return {
    caseId: String(row.case_id),
    seq: row.seq == null ? null : Number(row.seq),
    type: String(row.type),
    payload: JSON.parse(String(row.payload)) as unknown,
    actorId: String(row.actor_id),
    actorRole: row.actor_role == null ? null : String(row.actor_role),
    at: String(row.at),
    draftHash: row.draft_hash == null ? null : String(row.draft_hash),
    accepted: Number(row.accepted) === 1,
    refusal: row.refusal == null ? null : (JSON.parse(String(row.refusal)) as unknown),
  };
}
