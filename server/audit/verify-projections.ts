// The projection check: every `cases` row (snapshot included), draft version, review and decision must be
// exactly what the record rebuilds. A direct SQL edit of any of them is named by table, key and field.
import { canonicalJson } from '../../machines/shared/canonical-hash.js';
import { toStoredSnapshot } from '../../db/cases/stored-snapshot.js';
import type { ProjectionBatch, ProjectionSource } from '../../db/audit/audit-projection-source.js';
import type { MachineRegistry } from '../../machines/shared/machine-versions.js';
import { createProjectionReplay, type ExpectedCase, type ReplayRow } from './projection-replay.js';

/** One stored value that differs from what the record says. */
export interface ProjectionIssue {
  table: 'cases' | 'draft_versions' | 'reviews' | 'decisions' | 'case_events';
  /** Which row: the case id, plus the draft version or the review's record entry. */
  key: string;
  /** The column, or `(row)` for a missing or extra row. */
  field: string;
  detail: string;
}

export interface ProjectionReport {
  /** Cases rebuilt from the record and compared. */
  checked: number;
  issueCount: number;
  /** Up to `maxIssues` of them. */
  issues: ProjectionIssue[];
}

type Row = Record<string, unknown>;
/** A column: its stored value, what the record says, and whether the stored value is JSON text. */
type Field = [column: string, stored: unknown, expected: unknown, json?: 'json'];

const parse = (text: unknown) => (text == null ? null : (JSON.parse(String(text)) as unknown));
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
/** Stored JSON text against a value: the service wrote JSON.stringify of the same object, so equal text is the fast path. */
const sameJson = (text: unknown, value: unknown) =>
  (text == null && value == null) || (text != null && (String(text) === JSON.stringify(value) || same(parse(text), value)));
const show = (v: unknown) => {
  const text = typeof v === 'string' ? v : canonicalJson(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** Paths (up to 3) where two JSON values differ, e.g. `context.review.outcome`. */
export function differingPaths(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 3 || same(a, b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) differingPaths((a as Row)[k], (b as Row)[k], path ? `${path}.${k}` : k, out);
  } else out.push(path || '(value)');
  return out;
}

function compareFields(table: ProjectionIssue['table'], key: string, fields: Field[], report: (i: ProjectionIssue) => void): void {
  for (const [field, raw, expected, kind] of fields) {
    if (kind === 'json' ? sameJson(raw, expected) : (raw ?? null) === (expected ?? null)) continue;
    const stored = kind === 'json' ? parse(raw) : raw;
    const where = field === 'snapshot' || field === 'state_value' ? ` at ${differingPaths(stored, expected).join(', ')}` : '';
    report({ table, key, field, detail: `${table}.${field} of ${key} is ${show(stored)} but the record says ${show(expected)}${where}` });
  }
}

/**
 * The snapshot the row should hold: the stored form (db/cases/stored-snapshot.ts), or, for a row written before
 * that form, the whole snapshot. A catalog the row does hold must be the record's.
 */
function expectedSnapshot(stored: Row, e: ExpectedCase): unknown {
  const whole = e.row.snapshot;
  const held = stored.snapshot == null ? null : (parse(stored.snapshot) as { context?: object } | null);
  return held?.context && 'catalog' in held.context ? whole : toStoredSnapshot(whole, e.row);
}

function caseFields(stored: Row, e: ExpectedCase): Field[] {
  const r = e.row;
  return [
    ['title', stored.title, r.title],
    ['status', stored.status, r.status],
    ['state_value', stored.state_value, r.snapshot.value, 'json'],
    ['snapshot', stored.snapshot, expectedSnapshot(stored, e), 'json'],
    ['machine_id', stored.machine_id, r.machineId],
    ['machine_version', Number(stored.machine_version), r.machineVersion],
    ['version', Number(stored.version), r.version],
    ['handler_id', stored.handler_id, r.handlerId],
    ['unit_id', stored.unit_id ?? null, r.unitId],
    ['reviewer_id', stored.reviewer_id, r.reviewerId],
    ['is_major', Number(stored.is_major) === 1, r.isMajor],
    ['draft_hash', stored.draft_hash, r.draftHash],
    ['created_at', stored.created_at, r.createdAt],
    ['updated_at', stored.updated_at, r.updatedAt],
  ];
}

/** Matches stored rows to expected ones by key; reports missing and extra rows, then compares fields. */
function compareRows<E>(
  table: ProjectionIssue['table'],
  stored: Row[],
  expected: E[],
  keys: { stored: (r: Row) => string; expected: (e: E) => string },
  fields: (s: Row, e: E) => Field[],
  report: (i: ProjectionIssue) => void,
): void {
  const byKey = new Map(stored.map((r) => [keys.stored(r), r]));
  for (const e of expected) {
    const key = keys.expected(e);
    const s = byKey.get(key);
    byKey.delete(key);
    if (s) compareFields(table, key, fields(s, e), report);
    else report({ table, key, field: '(row)', detail: `${table} has no row for ${key}, which the record holds` });
  }
  for (const key of byKey.keys())
    report({ table, key, field: '(row)', detail: `${table} holds a row for ${key} that the record does not` });
}

function compareCase(id: string, batch: ProjectionBatch, e: ExpectedCase, report: (i: ProjectionIssue) => void): void {
  compareFields('cases', id, caseFields(batch.cases.get(id)!, e), report);
  compareRows(
    'draft_versions',
    batch.drafts.get(id) ?? [],
    e.drafts,
    { stored: (r) => `${id} v${String(r.version)}`, expected: (d) => `${id} v${d.version}` },
    (s, d) => [
      ['hash', s.hash, d.hash],
      ['content', s.content, d.content, 'json'],
      ['author_id', s.author_id, d.authorId],
      ['at', s.at, d.at],
    ],
    report,
  );
  compareRows(
    'reviews',
    batch.reviews.get(id) ?? [],
    e.reviews,
    { stored: (r) => `${id} entry ${String(r.event_id)}`, expected: (v) => `${id} entry ${v.eventId}` },
    (s, v) => [
      ['draft_hash', s.draft_hash, v.draftHash],
      ['reviewer_id', s.reviewer_id, v.reviewerId],
      ['outcome', s.outcome, v.outcome],
      ['opinion', s.opinion, v.opinion],
      ['items', s.items, v.items, 'json'],
      ['at', s.at, v.at],
    ],
    report,
  );
  compareRows(
    'decisions',
    batch.decisions.get(id) ?? [],
    e.decision ? [e.decision] : [],
    { stored: () => id, expected: () => id },
    (s, d) => [
      ['event_id', Number(s.event_id), d.eventId],
      ['draft_hash', s.draft_hash, d.draftHash],
      ['head_id', s.head_id, d.headId],
      ['outcome', s.outcome, d.outcome],
      ['is_major', Number(s.is_major) === 1, d.isMajor],
      ['at', s.at, d.at],
    ],
    report,
  );
}

const toReplayRow = (r: Row): ReplayRow => ({
  id: Number(r.id),
  type: String(r.type),
  payload: JSON.parse(String(r.payload)) as Record<string, unknown>,
  actorId: String(r.actor_id),
  at: String(r.at),
});

/** Rebuilds every case from the record and compares it with what is stored, a batch of cases at a time. */
export async function verifyProjections(
  source: ProjectionSource,
  opts: { maxIssues?: number; batchSize?: number; registry?: MachineRegistry } = {},
): Promise<ProjectionReport> {
  const replay = createProjectionReplay(opts.registry);
  const out: ProjectionReport = { checked: 0, issueCount: 0, issues: [] };
  const report = (issue: ProjectionIssue) => {
    out.issueCount += 1;
    if (out.issues.length < (opts.maxIssues ?? 100)) out.issues.push(issue);
  };
  for (const id of await source.orphanStreams())
    report({ table: 'cases', key: id, field: '(row)', detail: `the record holds case ${id} but the cases table has no row for it` });
  for (let after = ''; ; ) {
    const ids = await source.caseIds(after, opts.batchSize ?? 500);
    if (ids.length === 0) return out;
    const batch = await source.batch(ids);
    for (const id of ids) {
      const rows = (batch.entries.get(id) ?? []).map(toReplayRow);
      // A case row without a record is the stream check's `missing_tail`; nothing to rebuild here.
      if (rows.length === 0) continue;
      const rebuilt = replay(id, rows);
      if (rebuilt.ok) compareCase(id, batch, rebuilt.expected, report);
      else report({ table: 'case_events', key: id, field: '(replay)', detail: rebuilt.detail });
      out.checked += 1;
    }
    after = ids[ids.length - 1]!;
    // Rebuilding is CPU work on this thread: let waiting requests run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
