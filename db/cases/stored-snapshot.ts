// The stored form of a case snapshot (issue 19): what the case fixed when it opened (the major catalog and the
// review procedure) stays on the record's `case.open` entry, the one place replay reads it from, and values the
// row's own columns hold (id, handler, reviewer, current draft hash) are not repeated in its JSON. A value is
// left out only where it equals the column, and put back only where it is absent, so a row read back carries
// exactly the snapshot that was written; rows written before this form hold everything and load as they are.

/** The context fields fixed at 立案 and kept on the opening record entry. */
const fixedAtOpening = ['catalog', 'procedure'] as const;

/** The record's `cases.snapshot` JSON, parsed. */
export interface StoredSnapshot {
  value: unknown;
  context: Record<string, unknown>;
  status: string;
}

/** The `cases` columns a stored snapshot leans on. */
export interface SnapshotColumns {
  id: string;
  handlerId: string;
  reviewerId: string | null;
  draftHash: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Context fields equal to a column: [field, column]. */
const idFields = [
  ['caseId', 'id'],
  ['handlerId', 'handlerId'],
  ['reviewerId', 'reviewerId'],
] as const;
/** Nested objects whose `key` usually equals the current draft hash. */
const hashFields = [
  ['draft', 'hash'],
  ['attestation', 'draftHash'],
  ['review', 'draftHash'],
  ['decision', 'draftHash'],
  ['discussion', 'draftHash'],
] as const;

const fixed = new Set<string>(fixedAtOpening);
const idColumn = new Map<string, keyof SnapshotColumns>(idFields);
const hashKey = new Map<string, string>(hashFields);

/** The snapshot as stored: without the fields the opening entry holds, nor values equal to the row's columns. */
export function toStoredSnapshot(snapshot: StoredSnapshot, columns: SnapshotColumns): StoredSnapshot {
  // Built key by key in the snapshot's order rather than copied and deleted from: `delete` turns the copy into
  // a slow dictionary object, and every accepted event serialises this one.
  const context: Json = {};
  for (const field of Object.keys(snapshot.context)) {
    if (fixed.has(field)) continue;
    const value = snapshot.context[field];
    const column = idColumn.get(field);
    if (column !== undefined && value === columns[column]) continue;
    const key = hashKey.get(field);
    if (key !== undefined && isObject(value) && value[key] === columns.draftHash) {
      const { [key]: _same, ...rest } = value;
      context[field] = rest;
    } else context[field] = value;
  }
  return { ...snapshot, context };
}

/**
 * The snapshot as the machine ran it: a stored form gets the catalog (and procedure, where the case has one)
 * back from `opening`, the JSON payload of its `case.open` entry, and the column values back where absent. A row
 * written before this form still holds all of them and is returned as it is.
 */
export function withOpening(stored: StoredSnapshot, opening: unknown, columns: SnapshotColumns): StoredSnapshot {
  if ('catalog' in stored.context) return stored;
  if (opening == null) throw new Error('case snapshot without a catalog and no case.open entry to take it from');
  const payload = JSON.parse(String(opening)) as Json;
  if (!('catalog' in payload)) throw new Error('the case.open entry carries no catalog');
  // Copied key by key, never spread and then extended: on Node 20 a spread copy that gains a key takes V8's slow
  // path (microseconds an object), and every queue page rebuilds fifty of these.
  const context: Json = {};
  for (const field in stored.context) {
    const value = stored.context[field];
    const key = hashKey.get(field);
    context[field] = key !== undefined && isObject(value) && !(key in value) ? withField(value, key, columns.draftHash) : value;
  }
  for (const field of fixedAtOpening) if (field in payload) context[field] = payload[field];
  for (const [field, column] of idFields) if (!(field in context)) context[field] = columns[column];
  const snapshot = {} as Json;
  for (const field in stored) snapshot[field] = field === 'context' ? context : (stored as unknown as Json)[field];
  return snapshot as unknown as StoredSnapshot;
}

/** `object` with `field` set to `value`, after its own keys. */
function withField(object: Json, field: string, value: unknown): Json {
  const out: Json = {};
  for (const key in object) out[key] = object[key];
  out[field] = value;
  return out;
}

/** The select-list item reading a `cases` row's opening payload, for `withOpening` (uses the (case_id, seq) index). */
export const openingSelect = '(SELECT e.payload FROM case_events e WHERE e.case_id = cases.id AND e.seq = 1) AS opening';
