// The queue queries: cases filtered (state, person, major, deadline status, dates), searched through the
// `case_search` FTS5 index (migration 0014) and paged by keyset, never by offset, so page 1000 costs what
// page 1 costs. Invariant: a page and its cursor use the same order; the key of the last row is the cursor.
import type { Client, InValue } from '@libsql/client';
import { toRow, type CaseRow } from './case-store.js';

/** Deadline status of a case's open clocks, as the deadline module counts it (displayStatus). */
export const deadlineFilters = ['overdue', 'due-soon', 'paused', 'none'] as const;
export type DeadlineFilter = (typeof deadlineFilters)[number];

/** Sort orders: most recently updated first, or the earliest open due date first (cases without one last). */
export const queueOrders = ['updated', 'due'] as const;
export type QueueOrder = (typeof queueOrders)[number];

/** What a queue asks for; every field narrows the set. */
export interface CaseQuery {
  /** A fragment of the title, the party's name or the case number. */
  q?: string;
  states?: readonly string[];
  handlerId?: string;
  /** A reviewer id, or null for unassigned cases. */
  reviewerId?: string | null;
  /** Cases this person handles or reviews. */
  involves?: string;
  /** Cases this person acted on (accepted record entries): "my history". */
  actedBy?: string;
  major?: boolean;
  deadline?: DeadlineFilter;
  /** Cases not yet closed or withdrawn. */
  open?: boolean;
  /** Opened on or after / on or before these China dates (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Today in China (YYYY-MM-DD), for the deadline filter. */
  today: string;
}

/** Where the next page starts: the sort key and id of the last row shown. */
export interface QueueCursor {
  order: QueueOrder;
  key: string;
  id: string;
}

const openDeadline = (cond: string) => `EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = cases.id AND ${cond})`;
const deadlineSql: Record<DeadlineFilter, string> = {
  overdue: openDeadline("d.state = 'running' AND d.due_date < :today"),
  'due-soon': openDeadline("d.state = 'running' AND d.due_date >= :today AND d.warn_date IS NOT NULL AND d.warn_date <= :today"),
  paused: openDeadline("d.state = 'paused'"),
  none: `NOT ${openDeadline("d.state != 'closed'")}`,
};

// Trigram search needs three characters; a shorter fragment scans the (small) index table instead.
const searchSql = (q: string) =>
  [...q].length >= 3
    ? 'cases.rowid IN (SELECT rowid FROM case_search WHERE case_search MATCH :match)'
    : 'cases.rowid IN (SELECT rowid FROM case_search WHERE instr(lower(title), :q) > 0 OR instr(lower(party), :q) > 0 OR instr(lower(case_number), :q) > 0)';

/** The China day `date` (YYYY-MM-DD) starts at this UTC instant. */
const chinaDayStart = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();

function whereOf(query: CaseQuery): { clauses: string[]; args: Record<string, InValue> } {
  const clauses: string[] = [];
  const args: Record<string, InValue> = { today: query.today };
  const q = query.q?.trim().toLowerCase() ?? '';
  if (q) {
    clauses.push(searchSql(q));
    Object.assign(args, { q, match: `"${q.replace(/"/g, '""')}"` });
  }
  if (query.states?.length) {
    clauses.push(`cases.status IN (${query.states.map((_, i) => `:s${i}`).join(', ')})`);
    for (const [i, s] of query.states.entries()) args[`s${i}`] = s;
  }
  const add = (sql: string, name: string, value: InValue) => {
    clauses.push(sql);
    args[name] = value;
  };
  if (query.handlerId) add('cases.handler_id = :handler', 'handler', query.handlerId);
  if (query.reviewerId === null) clauses.push('cases.reviewer_id IS NULL');
  else if (query.reviewerId) add('cases.reviewer_id = :reviewer', 'reviewer', query.reviewerId);
  if (query.involves) add('(cases.handler_id = :me OR cases.reviewer_id = :me)', 'me', query.involves);
  if (query.actedBy)
    add('cases.id IN (SELECT e.case_id FROM case_events e WHERE e.actor_id = :actor AND e.accepted = 1)', 'actor', query.actedBy);
  if (query.major !== undefined) add('cases.is_major = :major', 'major', query.major ? 1 : 0);
  if (query.deadline) clauses.push(deadlineSql[query.deadline]);
  if (query.open) clauses.push("cases.status NOT IN ('closed', 'withdrawn')");
  if (query.from) add('cases.created_at >= :from', 'from', chinaDayStart(query.from));
  if (query.to) add('cases.created_at < :to', 'to', chinaDayStart(query.to, 1));
  return { clauses, args };
}

// The due order's key: the earliest open due date, else 'Z' + the opening time, so cases without a clock
// follow every dated one ('Z' sorts after digits), oldest first.
const sortKeys: Record<QueueOrder, { key: string; dir: 'ASC' | 'DESC'; after: '>' | '<' }> = {
  updated: { key: 'cases.updated_at', dir: 'DESC', after: '<' },
  due: {
    key: "COALESCE((SELECT min(d.due_date) FROM deadlines d WHERE d.case_id = cases.id AND d.state != 'closed'), 'Z' || cases.created_at)",
    dir: 'ASC',
    after: '>',
  },
};

/** Queue reads over the shared client. */
export function createCaseQueueStore(client: Client) {
  return {
    /** One page of `query` in `order`, after `cursor`; `next` is null on the last page. */
    async page(query: CaseQuery, order: QueueOrder, limit: number, cursor: QueueCursor | null) {
      const { clauses, args } = whereOf(query);
      const s = sortKeys[order];
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
      const after = cursor ? `WHERE sort_key ${s.after} :ck OR (sort_key = :ck AND id ${s.after} :cid)` : '';
      if (cursor) Object.assign(args, { ck: cursor.key, cid: cursor.id });
      const rs = await client.execute({
        sql: `SELECT * FROM (SELECT cases.*, ${s.key} AS sort_key FROM cases ${where}) ${after}
              ORDER BY sort_key ${s.dir}, id ${s.dir} LIMIT :limit`,
        args: { ...args, limit: limit + 1 },
      });
      const rows = rs.rows.slice(0, limit).map((r) => ({ row: toRow(r as Record<string, unknown>), key: String(r.sort_key) }));
      const last = rows.at(-1);
      const next: QueueCursor | null = rs.rows.length > limit && last ? { order, key: last.key, id: last.row.id } : null;
      return { rows: rows.map((r) => r.row) as CaseRow[], next };
    },

    /** How many cases match `query` (a tab's count). */
    async count(query: CaseQuery): Promise<number> {
      const { clauses, args } = whereOf(query);
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
      const rs = await client.execute({ sql: `SELECT count(*) AS n FROM cases ${where}`, args });
      return Number(rs.rows[0]?.n ?? 0);
    },
  };
}
export type CaseQueueStore = ReturnType<typeof createCaseQueueStore>;
