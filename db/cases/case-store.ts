// Keeps cases: reads snapshots and the record, and turns an accepted event into one write item (record
// entry + snapshot compare-and-swap + projections) for the single writer.
import type { SqlClient, SqlStatement } from '../core/sql.js';
import { recordEntryOf, type RecordEntry } from '../core/record-hash.js';
import { splitEffects, type RowGroup, type WriteEffect, type WriteItem } from '../core/writer.js';
import { openingSelect, toStoredSnapshot, withOpening, type StoredSnapshot } from './stored-snapshot.js';

export type { StoredSnapshot } from './stored-snapshot.js';

export interface CaseRow {
  id: string;
  title: string;
  status: string;
  snapshot: StoredSnapshot;
  machineId: string;
  machineVersion: number;
  version: number;
  handlerId: string;
  reviewerId: string | null;
  isMajor: boolean;
  draftHash: string;
  createdAt: string;
  updatedAt: string;
  /** The opening handler's unit (所属单位), fixed at 立案; null for cases opened before units existed. */
  unitId: string | null;
  /** That unit's place in the tree (`/<root>/…/<unit>/`), read with the row for the access rules. */
  unitPath: string | null;
}

/** The select list of a `cases` row with its unit's path (for the access rules) and its opening entry's payload. */
export const caseSelect = `cases.*, (SELECT units.path FROM units WHERE units.id = cases.unit_id) AS unit_path, ${openingSelect}`;

/** What changes when an event is accepted; `row.version` is the version this event creates. */
export interface AcceptedWrite {
  row: CaseRow;
  entry: RecordEntry;
  draft?: { version: number; hash: string; content: unknown; authorId: string };
  review?: { reviewerId: string; outcome: 'approved' | 'returned' | 'referred'; opinion: string; items: unknown; draftHash: string };
  decision?: { headId: string; outcome: string; draftHash: string; isMajor: boolean };
  /** Further effects committed in the same transaction (deadline rows, credential snapshots, idempotent answers). */
  extra?: WriteEffect[];
}

/** A `cases` row as read (`SELECT ${caseSelect}`): the snapshot whole again (db/cases/stored-snapshot.ts). */
export function toRow(r: Record<string, unknown>): CaseRow {
  const id = String(r.id);
  const handlerId = String(r.handler_id);
  const reviewerId = r.reviewer_id == null ? null : String(r.reviewer_id);
  const draftHash = String(r.draft_hash);
  // One literal with every field (no spread of the columns then extended: Node 20's slow path for that).
  return {
    id,
    handlerId,
    reviewerId,
    draftHash,
    title: String(r.title),
    status: String(r.status),
    snapshot: withOpening(JSON.parse(String(r.snapshot)) as StoredSnapshot, r.opening, { id, handlerId, reviewerId, draftHash }),
    machineId: String(r.machine_id),
    machineVersion: Number(r.machine_version),
    version: Number(r.version),
    isMajor: Number(r.is_major) === 1,
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    unitId: r.unit_id == null ? null : String(r.unit_id),
    unitPath: r.unit_path == null ? null : String(r.unit_path),
  };
}

const caseColumns = [
  'id',
  'title',
  'status',
  'state_value',
  'snapshot',
  'machine_id',
  'machine_version',
  'version',
  'handler_id',
  'reviewer_id',
  'is_major',
  'draft_hash',
  'created_at',
  'updated_at',
  'unit_id',
] as const;
const fixedColumns = new Set<string>(['id', 'created_at', 'handler_id', 'machine_id', 'unit_id']);
const updatable = caseColumns.filter((c) => !fixedColumns.has(c));
// An upsert, so new and changed cases of one batch share one statement. The WHERE is a compare-and-swap
// backstop; the real one is the unique (case_id, seq) index on the record, inserted first in the batch.
const caseUpsert = `ON CONFLICT(id) DO UPDATE SET ${updatable.map((c) => `${c} = excluded.${c}`).join(', ')}
  WHERE cases.version = excluded.version - 1`;

function snapshotRows(w: AcceptedWrite): RowGroup {
  const r = w.row;
  return {
    table: 'cases',
    columns: caseColumns,
    onConflict: caseUpsert,
    rows: [
      [
        r.id,
        r.title,
        r.status,
        JSON.stringify(r.snapshot.value),
        JSON.stringify(toStoredSnapshot(r.snapshot, r)),
        r.machineId,
        r.machineVersion,
        r.version,
        r.handlerId,
        r.reviewerId,
        r.isMajor ? 1 : 0,
        r.draftHash,
        r.createdAt,
        r.updatedAt,
        r.unitId,
      ],
    ],
  };
}

function projectionStatements(w: AcceptedWrite, eventId: number): SqlStatement[] {
  const out: SqlStatement[] = [];
  const { caseId, at } = w.entry;
  if (w.draft) {
    out.push({
      sql: 'INSERT INTO draft_versions (case_id, version, hash, content, author_id, at) VALUES (?, ?, ?, ?, ?, ?)',
      args: [caseId, w.draft.version, w.draft.hash, JSON.stringify(w.draft.content), w.draft.authorId, at],
    });
  }
  if (w.review) {
    out.push({
      sql: 'INSERT INTO reviews (case_id, event_id, draft_hash, reviewer_id, outcome, opinion, items, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      args: [
        caseId,
        eventId,
        w.review.draftHash,
        w.review.reviewerId,
        w.review.outcome,
        w.review.opinion,
        JSON.stringify(w.review.items ?? null),
        at,
      ],
    });
  }
  if (w.decision) {
    out.push({
      sql: 'INSERT INTO decisions (case_id, event_id, draft_hash, head_id, outcome, is_major, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      args: [caseId, eventId, w.decision.draftHash, w.decision.headId, w.decision.outcome, w.decision.isMajor ? 1 : 0, at],
    });
  }
  return out;
}

/** The case store: reads over the shared client; writes are items for the process's single writer. */
export function createCaseStore(client: SqlClient) {
  return {
    async get(id: string): Promise<CaseRow | null> {
      const rs = await client.execute({ sql: `SELECT ${caseSelect} FROM cases WHERE id = ?`, args: [id] });
      return rs.rows[0] ? toRow(rs.rows[0] as Record<string, unknown>) : null;
    },

    /** The stored version of a case (null when there is none): a cheap check that a cached snapshot is current. */
    async version(id: string): Promise<number | null> {
      const rs = await client.execute({ sql: 'SELECT version FROM cases WHERE id = ?', args: [id] });
      return rs.rows[0] ? Number(rs.rows[0].version) : null;
    },

    /** The write item of an accepted event: record entry, snapshot compare-and-swap, projections and effects. */
    acceptedItem(w: AcceptedWrite): WriteItem {
      const extra = splitEffects(w.extra ?? []);
      return {
        entries: [w.entry],
        rows: [snapshotRows(w), ...extra.rows],
        statements: ([eventId]) => [...projectionStatements(w, eventId!), ...extra.statements],
      };
    },

    /** The case's review opinions in order, as the projection keeps them (items parsed). */
    async reviews(caseId: string) {
      const rs = await client.execute({
        sql: 'SELECT event_id, draft_hash, reviewer_id, outcome, opinion, items, at FROM reviews WHERE case_id = ? ORDER BY id',
        args: [caseId],
      });
      return rs.rows.map((r) => ({
        eventId: Number(r.event_id),
        draftHash: String(r.draft_hash),
        reviewerId: String(r.reviewer_id),
        outcome: String(r.outcome),
        opinion: String(r.opinion),
        items: r.items == null ? null : (JSON.parse(String(r.items)) as unknown),
        at: String(r.at),
      }));
    },

    /** The outcome of the case's decision, or null when undecided. */
    async decisionOutcome(caseId: string): Promise<string | null> {
      const rs = await client.execute({ sql: 'SELECT outcome FROM decisions WHERE case_id = ?', args: [caseId] });
      const outcome = rs.rows[0]?.outcome;
      return outcome == null ? null : String(outcome);
    },

    /** Every (machine, version) stored cases run under, with how many of those cases are still open. */
    async machinesInUse(): Promise<{ kind: string; version: number; cases: number; open: number }[]> {
      const rs = await client.execute(
        `SELECT machine_id, machine_version, COUNT(*) AS cases,
                SUM(CASE WHEN status IN ('closed', 'withdrawn') THEN 0 ELSE 1 END) AS open
         FROM cases GROUP BY machine_id, machine_version ORDER BY machine_id, machine_version`,
      );
      return rs.rows.map((r) => ({
        kind: String(r.machine_id),
        version: Number(r.machine_version),
        cases: Number(r.cases),
        open: Number(r.open),
      }));
    },

    /** The current (latest) draft of a case, read directly. */
    async lastDraft(caseId: string): Promise<{ version: number; hash: string; content: unknown } | null> {
      const rs = await client.execute({
        sql: 'SELECT version, hash, content FROM draft_versions WHERE case_id = ? ORDER BY version DESC LIMIT 1',
        args: [caseId],
      });
      const r = rs.rows[0];
      return r ? { version: Number(r.version), hash: String(r.hash), content: JSON.parse(String(r.content)) as unknown } : null;
    },

    async list(filter: { status?: string; handlerId?: string; reviewerId?: string; limit?: number }): Promise<CaseRow[]> {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (filter.status) {
        where.push('status = ?');
        args.push(filter.status);
      }
      if (filter.handlerId) {
        where.push('handler_id = ?');
        args.push(filter.handlerId);
      }
      if (filter.reviewerId) {
        where.push('reviewer_id = ?');
        args.push(filter.reviewerId);
      }
      args.push(filter.limit ?? 200);
      const sql = `SELECT ${caseSelect} FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC LIMIT ?`;
      const rs = await client.execute({ sql, args });
      return rs.rows.map((r) => toRow(r as Record<string, unknown>));
    },

    async events(caseId: string, includeRefused: boolean) {
      const rs = await client.execute({
        sql: `SELECT * FROM case_events WHERE case_id = ? ${includeRefused ? '' : 'AND accepted = 1'} ORDER BY id`,
        args: [caseId],
      });
      return rs.rows.map((r) => {
        const row = r as Record<string, unknown>;
        return { id: Number(row.id), ...recordEntryOf(row), hash: String(row.hash), prevHash: String(row.prev_hash) };
      });
    },

    async drafts(caseId: string) {
      const rs = await client.execute({
        sql: 'SELECT version, hash, content, author_id, at FROM draft_versions WHERE case_id = ? ORDER BY version',
        args: [caseId],
      });
      return rs.rows.map((r) => ({
        version: Number(r.version),
        hash: String(r.hash),
        content: JSON.parse(String(r.content)) as unknown,
        authorId: String(r.author_id),
        at: String(r.at),
      }));
    },
  };
}
export type CaseStore = ReturnType<typeof createCaseStore>;
