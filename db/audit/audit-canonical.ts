// The verifier's fast path to a record entry's hash, straight from a stored `case_events` row.
// Invariant: byte-for-byte the same canonical JSON as `entryHash` in record-hash.ts (a property test
// holds them together); it is only faster (no generic object walk for the entry's own fields).
import { hash } from 'node:crypto';

/**
 * The parts of a `case_events` row the verifier reads. SQLite builds the fixed fields' canonical JSON itself
 * (`head`, `tail`, with json_quote, which encodes every string exactly as JSON.stringify; PostgreSQL gets the
 * same function from db/migrations-pg):
 * fewer values cross into JavaScript per row, which is most of the cost of reading.
 */
export interface StoredEntryRow {
  id: number;
  /** `{"accepted":…,"actorId":…,"actorRole":…,"at":…,"caseId":…,"draftHash":…,"id":…,"payload":` */
  head: string;
  payload: string;
  refusal: string | null;
  prev_hash: string;
  /** `,"seq":…,"type":…}` */
  tail: string;
  hash: string;
}

/** SQL for the canonical JSON of the entry's fixed fields before the payload (`head`) and after the refusal (`tail`). */
function fixedParts(alias: string): { head: string; tail: string } {
  const c = (name: string) => `${alias}${name}`;
  return {
    head: `'{"accepted":' || (CASE ${c('accepted')} WHEN 1 THEN 'true' ELSE 'false' END) || ',"actorId":' || json_quote(${c('actor_id')})
    || ',"actorRole":' || json_quote(${c('actor_role')}) || ',"at":' || json_quote(${c('at')}) || ',"caseId":' || json_quote(${c('case_id')})
    || ',"draftHash":' || json_quote(${c('draft_hash')}) || ',"id":' || ${c('id')} || ',"payload":'`,
    tail: `',"seq":' || coalesce(CAST(${c('seq')} AS TEXT), 'null') || ',"type":' || json_quote(${c('type')}) || '}'`,
  };
}

/** The SELECT list producing a StoredEntryRow from `case_events` (optionally aliased as `e`). */
export function storedEntryColumns(alias = ''): string {
  const c = (name: string) => `${alias}${name}`;
  const { head, tail } = fixedParts(alias);
  return `${c('id')} AS id, ${head} AS head,
    ${c('payload')} AS payload, ${c('refusal')} AS refusal, ${c('prev_hash')} AS prev_hash,
    ${tail} AS tail, ${c('hash')} AS hash`;
}

/**
 * SQLite SQL (3.44+, for `concat`) for the whole stored text of an entry in one value: the string
 * `storedTextHash` hashes, absent payload or refusal read as `null` as a template literal writes them. No
 * argument is ever NULL, so `concat` equals `||` here, and builds the text in one copy instead of twenty.
 */
export function storedEntryTextColumn(): string {
  return `concat('{"accepted":', CASE accepted WHEN 1 THEN 'true' ELSE 'false' END, ',"actorId":', json_quote(actor_id),
    ',"actorRole":', json_quote(actor_role), ',"at":', json_quote(at), ',"caseId":', json_quote(case_id),
    ',"draftHash":', json_quote(draft_hash), ',"id":', id, ',"payload":', coalesce(payload, 'null'),
    ',"prevHash":', json_quote(prev_hash), ',"refusal":', coalesce(refusal, 'null'),
    ',"seq":', coalesce(CAST(seq AS TEXT), 'null'), ',"type":', json_quote(type), '}')`;
}

const quotedKeys = new Map<string, string>();
function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    // Keys repeat across rows (type, actor, roles...); a bounded cache spares re-quoting them.
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** Canonical JSON (sorted keys, undefined dropped), same output as machines/canonical-hash `canonicalJson`. */
export function fastCanonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined ? 'null' : fastCanonicalJson(item);
    }
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length > 1) keys.sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += quotedKey(key) + fastCanonicalJson(member);
  }
  return `${out}}`;
}

/** The canonical JSON that `entryHash(row.id, row.prev_hash, entry)` hashes, rebuilt from the row. */
export function canonicalEntryText(row: StoredEntryRow): string {
  const refusal = row.refusal === null ? 'null' : fastCanonicalJson(JSON.parse(row.refusal));
  return `${row.head}${fastCanonicalJson(JSON.parse(row.payload))},"prevHash":${JSON.stringify(row.prev_hash)},"refusal":${refusal}${row.tail}`;
}

/** The hash of the row's stored text as it is: the writer stores payload and refusal in canonical JSON. */
function storedTextHash(row: StoredEntryRow): string {
  return hash(
    'sha256',
    `${row.head}${row.payload},"prevHash":${JSON.stringify(row.prev_hash)},"refusal":${row.refusal ?? 'null'}${row.tail}`,
    'hex',
  );
}

/**
 * The hash the row should carry, from its own content and its stored `prev_hash`; null if its JSON is corrupt.
 * First over the stored bytes (no parsing: the writer stored canonical JSON, and a match proves those bytes
 * are what was chained); only when that differs, over the canonical form of the parsed JSON, which also
 * verifies entries an older writer stored as plain `JSON.stringify` text.
 */
export function recomputeRowHash(row: StoredEntryRow): string | null {
  const fast = storedTextHash(row);
  if (fast === row.hash) return fast;
  let text: string;
  try {
    text = canonicalEntryText(row);
  } catch {
    return null;
  }
  return hash('sha256', text, 'hex');
}
