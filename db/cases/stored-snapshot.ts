// The stored form of a case snapshot: what the case fixed when it opened (the major catalog and the review
// procedure) stays on the record's `case.open` entry, the one place replay reads it from, and is not copied
// into every `cases` row (issue 19). Invariant: a row read back carries exactly the snapshot that was written.

/** The context fields fixed at 立案 and kept on the opening record entry. */
const fixedAtOpening = ['catalog', 'procedure'] as const;

/** The record's `cases.snapshot` JSON, parsed. */
export interface StoredSnapshot {
  value: unknown;
  context: Record<string, unknown>;
  status: string;
}

/** The snapshot as stored: without the fields the opening entry holds. */
export function toStoredSnapshot(snapshot: StoredSnapshot): StoredSnapshot {
  const context = { ...snapshot.context };
  for (const field of fixedAtOpening) delete context[field];
  return { ...snapshot, context };
}

/**
 * The snapshot as the machine ran it: a stored form gets the catalog (and procedure, where the case has one)
 * back from `opening`, the JSON payload of its `case.open` entry. A row written before this form existed still
 * holds its catalog and is returned as it is.
 */
export function withOpening(stored: StoredSnapshot, opening: unknown): StoredSnapshot {
  if ('catalog' in stored.context) return stored;
  if (opening == null) throw new Error(`case snapshot without a catalog and no case.open entry to take it from`);
  const payload = JSON.parse(String(opening)) as Record<string, unknown>;
  if (!('catalog' in payload)) throw new Error('the case.open entry carries no catalog');
  const context = { ...stored.context };
  for (const field of fixedAtOpening) if (field in payload) context[field] = payload[field];
  return { ...stored, context };
}

/** The select-list item reading a `cases` row's opening payload, for `withOpening` (uses the (case_id, seq) index). */
export const openingSelect = '(SELECT e.payload FROM case_events e WHERE e.case_id = cases.id AND e.seq = 1) AS opening';
