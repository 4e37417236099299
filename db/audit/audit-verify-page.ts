// Checks one page of record rows in id order: consecutive ids, links to the predecessor's hash, and each
// row's hash against its content. Pure and synchronous, so the same code runs inline or in worker threads.
import { recomputeRowHash, type StoredEntryRow } from './audit-canonical.js';
import type { ChainIssue } from './audit-verify.js';

/** An issue found in a page, before the entry is named (case and type are looked up only for issues). */
export type PageIssue = Omit<ChainIssue, 'caseId' | 'type'>;

/** A broken link still to be classified (moved entry or altered link) by a lookup on the whole record. */
export interface LinkIssue {
  id: number;
  problem: 'link';
  prevHash: string;
  expected: { id: number; hash: string };
}

export type RowIssue = PageIssue | LinkIssue;

export interface PageResult {
  count: number;
  first: { id: number; prevHash: string } | null;
  last: { id: number; hash: string } | null;
  issues: RowIssue[];
  /** Stored hashes of the rows whose ids were asked for (checkpoint sequences). */
  hashes: [number, string][];
}

/** The gap or broken link between `row` and the entry before it, if any. */
export function linkIssue(row: { id: number; prevHash: string }, prev: { id: number; hash: string }): RowIssue | null {
  const missing = row.id - prev.id - 1;
  if (missing > 0)
    return {
      id: row.id,
      problem: 'gap',
      detail: `entries ${prev.id + 1}–${row.id - 1} are missing (${missing} removed) before entry ${row.id}`,
    };
  if (row.prevHash !== prev.hash) return { id: row.id, problem: 'link', prevHash: row.prevHash, expected: prev };
  return null;
}

/** The first problem of `row` given the entry before it; `prev` null skips the link checks (page start in a worker). */
export function checkRow(row: StoredEntryRow, prev: { id: number; hash: string } | null): RowIssue | null {
  const link = prev ? linkIssue({ id: row.id, prevHash: row.prev_hash }, prev) : null;
  return link ?? hashIssue(row);
}

/** The reference check of a row's own hash: its stored text, or else the canonical form of its parsed JSON. */
export function hashIssue(row: StoredEntryRow): PageIssue | null {
  const recomputed = recomputeRowHash(row);
  if (recomputed === row.hash) return null;
  const why =
    recomputed === null
      ? 'its payload or refusal is not valid JSON'
      : `stored ${row.hash.slice(0, 12)}…, recomputed ${recomputed.slice(0, 12)}…`;
  return {
    id: row.id,
    problem: 'hash_mismatch',
    detail: `entry ${row.id} content does not match its hash (${why}): the entry was altered`,
  };
}

/** Checks `rows` (one page, ascending ids), starting from `prev` (null: unknown, checked by the caller). */
export function checkPage(rows: StoredEntryRow[], prev: { id: number; hash: string } | null, wanted: ReadonlySet<number>): PageResult {
  const issues: RowIssue[] = [];
  const hashes: [number, string][] = [];
  let last = prev;
  for (const row of rows) {
    const issue = checkRow(row, last);
    if (issue) issues.push(issue);
    if (wanted.size > 0 && wanted.has(row.id)) hashes.push([row.id, row.hash]);
    last = { id: row.id, hash: row.hash };
  }
  const head = rows[0];
  return {
    count: rows.length,
    first: head ? { id: head.id, prevHash: head.prev_hash } : null,
    last: rows.length > 0 ? last : null,
    issues,
    hashes,
  };
}
