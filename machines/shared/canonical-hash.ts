// Content hashes of drafts and record entries: SHA-256 over canonical JSON (sorted keys, no whitespace).
// The same value must hash the same in every process, so key order and `undefined` members never matter.
import { createHash } from 'node:crypto';

/** `keys` sorted in place by code unit; small arrays by insertion, which allocates nothing (`sort` copies). */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as `Array.prototype.sort` orders strings),
 * undefined members dropped, undefined array items written as null, no insignificant whitespace. Built with
 * one string and one key array per object: every record entry and idempotent request passes through here.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out += (i === 0 ? '' : ',') + canonicalJson(item === undefined ? null : item);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = sortKeys(Object.keys(record));
  let out = '{';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    out += (out.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(member);
  }
  return `${out}}`;
}

/** Hex SHA-256 of the canonical JSON of `value`. */
export function sha256Canonical(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
