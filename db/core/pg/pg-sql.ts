// The PostgreSQL side of the common SQL subset: `?` placeholders become `$1…$n` (never inside quotes or
// comments), and values are bound as PostgreSQL expects them (booleans as 1/0, bigints and bytes as such).
// Invariant: a statement that runs on libSQL runs here with the same meaning, or fails loudly.
import type { SqlValue } from '../sql.js';

const translated = new Map<string, string>();

/** Where a quoted span that starts at `i` ends (index after its closing quote). */
function skipQuoted(sql: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < sql.length) {
    if (sql[j] === quote) {
      if (sql[j + 1] === quote) j += 2;
      else return j + 1;
    } else j += 1;
  }
  return j;
}

/** Where a comment or dollar-quoted body that starts at `i` ends, or `i` when none starts there. */
function skipOther(sql: string, i: number): number {
  if (sql.startsWith('--', i)) {
    const end = sql.indexOf('\n', i);
    return end < 0 ? sql.length : end;
  }
  if (sql.startsWith('/*', i)) {
    const end = sql.indexOf('*/', i + 2);
    return end < 0 ? sql.length : end + 2;
  }
  const tag = sql[i] === '$' ? /^\$[A-Za-z_]*\$/.exec(sql.slice(i)) : null;
  if (tag) {
    const end = sql.indexOf(tag[0], i + tag[0].length);
    return end < 0 ? sql.length : end + tag[0].length;
  }
  return i;
}

/** `sql` with each `?` outside quotes and comments numbered `$1`, `$2`, … (cached per text). */
export function toPgPlaceholders(sql: string): string {
  const hit = translated.get(sql);
  if (hit !== undefined) return hit;
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const end = ch === "'" || ch === '"' ? skipQuoted(sql, i, ch) : skipOther(sql, i);
    if (end > i) {
      out += sql.slice(i, end);
      i = end;
    } else {
      out += ch === '?' ? `$${++n}` : ch;
      i += 1;
    }
  }
  // Statement texts repeat (the stores build a few hundred shapes); the bound keeps odd ones from piling up.
  if (translated.size > 5000) translated.clear();
  translated.set(sql, out);
  return out;
}

/** A value as node-postgres binds it. */
export function toPgValue(value: SqlValue | undefined): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return value ?? null;
}

/** The arguments of a statement, bound for node-postgres. */
export const toPgValues = (args: readonly SqlValue[]): unknown[] => args.map(toPgValue);
