// Reads deadline rows and builds the statements that change them. Statements are returned, not run:
// the deadline hook commits them with the case event that caused them, through the single writer.
import type { SqlClient, SqlStatement } from '../core/sql.js';
import { rowGroupStatements, type RowGroup } from '../core/writer.js';
import type { DeadlineKind, DeadlineOutcome, NoticeLevel } from './deadline-values.js';

/** One deadline row. */
export interface DeadlineRow {
  id: string;
  caseId: string;
  kind: DeadlineKind;
  policyKey: string;
  basis: string;
  policyVersion: string;
  days: number;
  unit: 'working' | 'calendar' | 'natural';
  startedAt: string;
  startDate: string;
  segmentStart: string;
  usedDays: number;
  dueDate: string;
  warnDate: string | null;
  escalateDate: string | null;
  provisional: boolean;
  state: 'running' | 'paused' | 'closed';
  pausedSince: string | null;
  pausedDays: number;
  notice: NoticeLevel;
  closedAt: string | null;
  closedBy: string | null;
  outcome: DeadlineOutcome | null;
  createdAt: string;
}

const str = (v: unknown): string | null => (v == null ? null : String(v));

function toRow(r: Record<string, unknown>): DeadlineRow {
  return {
    id: String(r.id),
    caseId: String(r.case_id),
    kind: String(r.kind) as DeadlineKind,
    policyKey: String(r.policy_key),
    basis: String(r.basis),
    policyVersion: String(r.policy_version),
    days: Number(r.days),
    unit: String(r.unit) as DeadlineRow['unit'],
    startedAt: String(r.started_at),
    startDate: String(r.start_date),
    segmentStart: String(r.segment_start),
    usedDays: Number(r.used_days),
    dueDate: String(r.due_date),
    warnDate: str(r.warn_date),
    escalateDate: str(r.escalate_date),
    provisional: Number(r.provisional) === 1,
    state: String(r.state) as DeadlineRow['state'],
    pausedSince: str(r.paused_since),
    pausedDays: Number(r.paused_days),
    notice: String(r.notice) as NoticeLevel,
    closedAt: str(r.closed_at),
    closedBy: str(r.closed_by),
    outcome: str(r.outcome) as DeadlineOutcome | null,
    createdAt: String(r.created_at),
  };
}

/** The deadline store: reads over the client, writes as statements for the caller's transaction. */
export function createDeadlineStore(client: SqlClient) {
  const select = async (where: string, args: (string | number)[]): Promise<DeadlineRow[]> => {
    const rs = await client.execute({ sql: `SELECT * FROM deadlines WHERE ${where} ORDER BY due_date, created_at`, args });
    return rs.rows.map((r) => toRow(r as Record<string, unknown>));
  };
  return {
    byCase: (caseId: string) => select('case_id = ?', [caseId]),
    /** The rows of several cases in one read (a queue page's), each case's in `byCase` order. */
    async byCases(caseIds: readonly string[]): Promise<Map<string, DeadlineRow[]>> {
      const out = new Map<string, DeadlineRow[]>(caseIds.map((id) => [id, []]));
      if (caseIds.length === 0) return out;
      for (const row of await select(`case_id IN (${caseIds.map(() => '?').join(', ')})`, [...caseIds])) out.get(row.caseId)?.push(row);
      return out;
    },
    /** Every running row. */
    running: () => select("state = 'running'", []),
    /** Running rows that may call for a notice or a lapse on `today`. */
    attention: (today: string) =>
      select("state = 'running' AND ((warn_date IS NOT NULL AND warn_date <= ?) OR (warn_date IS NULL AND due_date < ?))", [today, today]),
    /** Not-closed rows (running or paused). */
    unclosed: () => select("state != 'closed'", []),
  };
}
export type DeadlineStore = ReturnType<typeof createDeadlineStore>;

/** Column of each row field, for inserts and for updates of changed fields only. */
const columns: Record<keyof DeadlineRow, string> = {
  id: 'id',
  caseId: 'case_id',
  kind: 'kind',
  policyKey: 'policy_key',
  basis: 'basis',
  policyVersion: 'policy_version',
  days: 'days',
  unit: 'unit',
  startedAt: 'started_at',
  startDate: 'start_date',
  segmentStart: 'segment_start',
  usedDays: 'used_days',
  dueDate: 'due_date',
  warnDate: 'warn_date',
  escalateDate: 'escalate_date',
  provisional: 'provisional',
  state: 'state',
  pausedSince: 'paused_since',
  pausedDays: 'paused_days',
  notice: 'notice',
  closedAt: 'closed_at',
  closedBy: 'closed_by',
  outcome: 'outcome',
  createdAt: 'created_at',
};
const fields = Object.keys(columns) as (keyof DeadlineRow)[];
const value = (v: DeadlineRow[keyof DeadlineRow]) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

const upsertTail = `ON CONFLICT (id) DO UPDATE SET ${fields
  .filter((f) => f !== 'id')
  .map((f) => `${columns[f]} = excluded.${columns[f]}`)
  .join(', ')}
  WHERE deadlines.state != 'closed'`;

/**
 * The statement that turns the stored rows `before` into `after`: one upsert of every new or changed row
 * (one statement per event: statement preparation dominates small transactions). Closed rows never
 * change; the upsert's WHERE leaves them alone and a trigger refuses any other attempt.
 */
export function deadlineWrites(before: DeadlineRow[], after: DeadlineRow[]): RowGroup[] {
  // A case has a handful of rows: a scan beats building a map; a redate of every running row does not.
  const byId = before.length > 16 ? new Map(before.map((row) => [row.id, row])) : null;
  const rows: (string | number | null)[][] = [];
  for (const row of after) {
    const prev = byId ? byId.get(row.id) : before.find((r) => r.id === row.id);
    // The same object is the same row: most clocks pass through a transition untouched.
    if (prev === row || (prev && (prev.state === 'closed' || !differs(prev, row)))) continue;
    rows.push(fields.map((f) => value(row[f])));
  }
  if (rows.length === 0) return [];
  return [{ table: 'deadlines', columns: fields.map((f) => columns[f]), rows, onConflict: upsertTail }];
}

function differs(a: DeadlineRow, b: DeadlineRow): boolean {
  for (const f of fields) if (a[f] !== b[f]) return true;
  return false;
}

/** A new running clock (for modules that start clocks outside case events, e.g. the audit module's withdrawal duty). */
export function insertDeadline(
  row: Omit<DeadlineRow, 'state' | 'pausedSince' | 'pausedDays' | 'notice' | 'closedAt' | 'closedBy' | 'outcome'>,
): SqlStatement {
  const full: DeadlineRow = {
    ...row,
    state: 'running',
    pausedSince: null,
    pausedDays: 0,
    notice: 'none',
    closedAt: null,
    closedBy: null,
    outcome: null,
  };
  return rowGroupStatements(deadlineWrites([], [full])[0]!)[0]!;
}

/** Closes the case's open `publicationWithdrawal` clock when the withdrawal is recorded: met or late by its date. */
export function closeWithdrawalStatement(caseId: string, at: string, withdrawnOn: string): SqlStatement {
  return {
    sql: `UPDATE deadlines SET state = 'closed', closed_at = ?, closed_by = 'withdrawal.record', paused_since = NULL,
          outcome = CASE WHEN ? <= due_date THEN 'met' ELSE 'late' END
          WHERE case_id = ? AND kind = 'publicationWithdrawal' AND state != 'closed'`,
    args: [at, withdrawnOn, caseId],
  };
}
