// Record-entry hashing for cloned cases: a template entry's canonical JSON is split once around its
// case id, record id and previous hash, so a clone's hash is one string join and one SHA-256.
// `entryHash` from db/record-hash.ts stays the reference: the generator checks every chunk against it.
import { hash as digest } from 'node:crypto';
import type { SqlValue } from '../../db/core/sql.js';
import { canonicalJson } from '../../machines/shared/canonical-hash.js';
import { entryHash, recordEntryOf, type RecordEntry } from '../../db/core/record-hash.js';
import { fillRow, splitText, token } from './row-text.js';

/** The chained fields of a stored `case_events` row (the store's own mapping). */
export const rowToEntry = (row: Record<string, SqlValue>): RecordEntry => recordEntryOf(row);

/** A hasher for clones of one template entry: `(caseId, id, prevHash) => hash`. */
export function cloneHasher(template: RecordEntry): (caseId: string, id: number, prevHash: string) => string {
  const text = splitText(canonicalJson({ ...template, id: token('ID'), prevHash: token('PREV') }), template.caseId, ['ID']);
  return (caseId, id, prevHash) => {
    const filled = fillRow(text, caseId, (name) => (name === 'ID' ? String(id) : prevHash));
    return digest('sha256', filled, 'hex');
  };
}

/** Throws unless `row` (a cloned `case_events` row) carries the hash `entryHash` gives it. */
export function assertRowHash(row: Record<string, SqlValue>): void {
  const expected = entryHash(Number(row.id), String(row.prev_hash), rowToEntry(row));
  if (row.hash !== expected) throw new Error(`clone hash of ${String(row.type)} #${String(row.id)} disagrees with entryHash`);
}
