// The chain walk's fast page check on a native connection. SQLite assembles every entry's stored text and
// hands the page over as one buffer; a page is clean when its ids are consecutive, every link holds and
// every text hashes to its stored hash. Any doubt sends the page through the reference check (`checkPage`),
// so every issue is found, and worded, exactly as there: this path only ever answers "clean".
import type Database from 'libsql';
import { hash } from 'node:crypto';
import { storedEntryColumns, storedEntryTextColumn, type StoredEntryRow } from './audit-canonical.js';
import { checkPage, type PageResult } from './audit-verify-page.js';

const range = 'FROM case_events WHERE id > ? AND id <= ? ORDER BY id LIMIT ?';

/** The reference page query (rows for `checkPage`). */
export const pageSql = `SELECT ${storedEntryColumns()} ${range}`;

// One row per page: the texts joined by byte 0x01, which canonical JSON never holds raw (control characters
// are escaped in JSON strings), and each entry's prev_hash and hash; `odd` counts hashes that are not text
// of exactly 64 characters (so the joined hashes split at fixed offsets into the very stored values).
// The LIMITed subquery is not flattened: it feeds the aggregate in id order.
/** The page query of the fast path: one CleanRow per page. */
export const cleanPageSql = `SELECT count(*), min(id), max(id), CAST(group_concat(t, char(1)) AS BLOB), group_concat(ph, ''),
  sum(odd) FROM (SELECT id, ${storedEntryTextColumn()} AS t, prev_hash || hash AS ph,
  typeof(prev_hash) <> 'text' OR typeof(hash) <> 'text' OR length(prev_hash) <> 64 OR length(hash) <> 64 AS odd ${range})`;

/** Rows of the page query in raw (array) mode, which the native driver builds faster than objects. */
export function rowsFromRaw(raw: unknown[][]): StoredEntryRow[] {
  return raw.map((r) => ({
    id: r[0] as number,
    head: r[1] as string,
    payload: r[2] as string,
    refusal: r[3] as string | null,
    prev_hash: r[4] as string,
    tail: r[5] as string,
    hash: r[6] as string,
  }));
}

/** Reads and checks up to `limit` rows with `afterId < id <= upTo`; `prev` null leaves the first link to the caller. */
export type CheckedPageReader = (
  afterId: number,
  upTo: number,
  limit: number,
  prev: { id: number; hash: string } | null,
  wanted: ReadonlySet<number>,
) => PageResult;

/** The fast page reader over an open native connection (the inline walk's, or a worker's own). */
export function storedTextPages(db: Database.Database): CheckedPageReader {
  const clean = db.prepare(cleanPageSql).raw(true);
  const reference = db.prepare(pageSql).raw(true);
  return (afterId, upTo, limit, prev, wanted) => {
    const row = (clean.all(afterId, upTo, limit) as unknown[][])[0]!;
    const fast = cleanPage(row as CleanRow, prev, wanted);
    return fast ?? checkPage(rowsFromRaw(reference.all(afterId, upTo, limit) as unknown[][]), prev, wanted);
  };
}

/** `[count, min id, max id, texts, prev_hash+hash of each, non-text hashes]` of one page. */
export type CleanRow = [number, number | null, number | null, Buffer | null, string | null, number | null];

/**
 * The result of a page every check passes, or null. Only 64-character text hashes qualify, so the joined
 * hashes split at fixed offsets; consecutive ids from `min` mean the k-th text is entry `min + k`.
 */
export function cleanPage(row: CleanRow, prev: { id: number; hash: string } | null, wanted: ReadonlySet<number>): PageResult | null {
  const [count, min, max, texts, hashes, odd] = row;
  if (count === 0) return { count: 0, first: null, last: null, issues: [], hashes: [] };
  if (odd !== 0 || min === null || max !== min + count - 1 || texts === null || hashes?.length !== 128 * count) return null;
  if (prev && (min !== prev.id + 1 || hashes.slice(0, 64) !== prev.hash)) return null;
  let at = 0;
  for (let k = 0; k < count; k++) {
    const end = texts.indexOf(1, at);
    // Exactly count - 1 separators: otherwise a stored text holds a raw 0x01 and the split would be wrong.
    if ((end === -1) !== (k === count - 1)) return null;
    const stored = hashes.slice(128 * k + 64, 128 * k + 128);
    if (hash('sha256', texts.subarray(at, end === -1 ? texts.length : end), 'hex') !== stored) return null;
    if (k > 0 && hashes.slice(128 * k, 128 * k + 64) !== hashes.slice(128 * k - 64, 128 * k)) return null;
    at = end + 1;
  }
  const picked: [number, string][] = [];
  for (let k = 0; wanted.size > 0 && k < count; k++)
    if (wanted.has(min + k)) picked.push([min + k, hashes.slice(128 * k + 64, 128 * k + 128)]);
  return {
    count,
    first: { id: min, prevHash: hashes.slice(0, 64) },
    last: { id: max, hash: hashes.slice(128 * count - 64) },
    issues: [],
    hashes: picked,
  };
}
