// The queue queries: cases filtered (state, person, major, deadline status, dates), searched through the
// `case_search` table (an FTS5 trigram index on libSQL, migration 0017; a plain table kept by triggers on
// PostgreSQL) and paged by keyset, never by offset, so page 1000 costs what page 1 costs.
// Invariant: a page and its cursor use the same order; the key of the last row is the cursor.
import type { JsonField, SqlClient, SqlValue } from '../core/sql.js';
import { caseSelect, toRow, type CaseRow } from './case-store.js';

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
  /** Cases someone else handles (the reviewed half of `involves`). */
  notHandlerId?: string;
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

/**
 * Which cases a reader may see (server/access/case-reach.ts `reachOf` builds it; `inReach` reads it row by row):
 * every case, or those the person handles or reviews, those of `units` (unit paths), those within `trees`
 * (a unit and its sub-units), and those within `reviewedTrees` that were sent for review.
 */
export type CaseReach =
  | { all: true }
  | { all: false; personId: string; units: readonly string[]; trees: readonly string[]; reviewedTrees: readonly string[] };

/** Where the next page starts: the sort key and id of the last row shown. */
export interface QueueCursor {
  order: QueueOrder;
  key: string;
  id: string;
}

const openDeadline = (cond: string) => `EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = cases.id AND ${cond})`;
/** Each filter's SQL and how many times it binds today's date. */
const deadlineSql: Record<DeadlineFilter, { sql: string; todays: number }> = {
  overdue: { sql: openDeadline("d.state = 'running' AND d.due_date < ?"), todays: 1 },
  'due-soon': {
    sql: openDeadline("d.state = 'running' AND d.due_date >= ? AND d.warn_date IS NOT NULL AND d.warn_date <= ?"),
    todays: 2,
  },
  paused: { sql: openDeadline("d.state = 'paused'"), todays: 0 },
  none: { sql: `NOT ${openDeadline("d.state != 'closed'")}`, todays: 0 },
};

const scanSearch =
  'cases.id IN (SELECT case_number FROM case_search WHERE instr(lower(title), ?) > 0 OR instr(lower(party), ?) > 0 OR instr(lower(case_number), ?) > 0)';

/**
 * The search clause and its arguments. With a full-text index (libSQL's FTS5 trigram), fragments of three
 * or more characters go through it; shorter ones, and every fragment where there is no such index, scan the
 * narrow case_search table (one row a case).
 */
function searchOf(q: string, fullText: boolean): { sql: string; args: SqlValue[] } {
  if (fullText && [...q].length >= 3)
    return { sql: 'cases.id IN (SELECT case_number FROM case_search WHERE case_search MATCH ?)', args: [`"${q.replace(/"/g, '""')}"`] };
  return { sql: scanSearch, args: [q, q, q] };
}

const unitPathIs = 'EXISTS (SELECT 1 FROM units u WHERE u.id = cases.unit_id AND u.path = ?)';
const unitWithin = 'EXISTS (SELECT 1 FROM units u WHERE u.id = cases.unit_id AND substr(u.path, 1, length(?)) = ?)';

/**
 * The reach clause: the SQL reading of `inReach` (server/access/case-reach.ts), term for term, with "sent for
 * review" read from the snapshot as `wasSentForReview` reads it (in review, a reviewer, a review round, or an
 * attestation). Null when the reader sees every case.
 */
function reachOf(reach: CaseReach, json: JsonField): { sql: string; args: SqlValue[] } | null {
  if (reach.all) return null;
  const terms = ['cases.handler_id = ?', 'cases.reviewer_id = ?'];
  const args: SqlValue[] = [reach.personId, reach.personId];
  for (const path of reach.units) terms.push(unitPathIs) && args.push(path);
  for (const tree of reach.trees) terms.push(unitWithin) && args.push(tree, tree);
  const sent = `(cases.status = 'inReview' OR cases.reviewer_id IS NOT NULL
    OR CAST(coalesce(${json('cases.snapshot', ['context', 'reviewRounds'])}, '0') AS INTEGER) > 0
    OR ${json('cases.snapshot', ['context', 'attestation'])} IS NOT NULL)`;
  for (const tree of reach.reviewedTrees) terms.push(`(${unitWithin} AND ${sent})`) && args.push(tree, tree);
  return { sql: `(${terms.join(' OR ')})`, args };
}

/** The China day `date` (YYYY-MM-DD) starts at this UTC instant. */
const chinaDayStart = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();

/** How this engine spells what the queue needs: full-text search, and fields of the JSON snapshot. */
export interface QueueDialect {
  /** Whether case_search is a full-text index (libSQL's FTS5) rather than a plain table (PostgreSQL). */
  fullText: boolean;
  jsonField: JsonField;
}

function whereOf(query: CaseQuery, reach: CaseReach, dialect: QueueDialect): { clauses: string[]; args: SqlValue[] } {
  const clauses: string[] = [];
  const args: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    clauses.push(sql);
    args.push(...values);
  };
  const reachClause = reachOf(reach, dialect.jsonField);
  if (reachClause) add(reachClause.sql, ...reachClause.args);
  const q = query.q?.trim().toLowerCase() ?? '';
  if (q) {
    const search = searchOf(q, dialect.fullText);
    add(search.sql, ...search.args);
  }
  if (query.states?.length) add(`cases.status IN (${query.states.map(() => '?').join(', ')})`, ...query.states);
  if (query.handlerId) add('cases.handler_id = ?', query.handlerId);
  if (query.notHandlerId) add('cases.handler_id <> ?', query.notHandlerId);
  if (query.reviewerId === null) add('cases.reviewer_id IS NULL');
  else if (query.reviewerId) add('cases.reviewer_id = ?', query.reviewerId);
  if (query.involves) add('(cases.handler_id = ? OR cases.reviewer_id = ?)', query.involves, query.involves);
  if (query.actedBy) add('cases.id IN (SELECT e.case_id FROM case_events e WHERE e.actor_id = ? AND e.accepted = 1)', query.actedBy);
  if (query.major !== undefined) add('cases.is_major = ?', query.major ? 1 : 0);
  if (query.deadline) {
    const d = deadlineSql[query.deadline];
    add(d.sql, ...Array.from({ length: d.todays }, () => query.today));
  }
  if (query.open) add("cases.status NOT IN ('closed', 'withdrawn')");
  if (query.from) add('cases.created_at >= ?', chinaDayStart(query.from));
  if (query.to) add('cases.created_at < ?', chinaDayStart(query.to, 1));
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

type SortKey = (typeof sortKeys)[QueueOrder];

/** The ids and sort keys of up to `take` cases of `query` after `cursor`, in the order's direction. */
function keysOf(query: CaseQuery, reach: CaseReach, dialect: QueueDialect, s: SortKey, take: number, cursor: QueueCursor | null) {
  const { clauses, args } = whereOf(query, reach, dialect);
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const after = cursor ? `WHERE sort_key ${s.after} ? OR (sort_key = ? AND id ${s.after} ?)` : '';
  return {
    sql: `SELECT * FROM (SELECT cases.id AS id, ${s.key} AS sort_key FROM cases ${where}) AS k ${after}
          ORDER BY sort_key ${s.dir}, id ${s.dir} LIMIT ?`,
    args: [...args, ...(cursor ? [cursor.key, cursor.key, cursor.id] : []), take],
  };
}

/**
 * The page's keys. "Cases I handle or review" is read as two disjoint halves, each in its own index's order
 * (handler_id, updated_at) and (reviewer_id, …), merged: one OR across two columns can use no index's order,
 * so the database would sort every case the person ever handled to show the first fifty.
 */
function pageKeys(query: CaseQuery, reach: CaseReach, dialect: QueueDialect, s: SortKey, take: number, cursor: QueueCursor | null) {
  const person = query.involves;
  if (!person) return keysOf(query, reach, dialect, s, take, cursor);
  const handled = keysOf({ ...query, involves: undefined, handlerId: person }, reach, dialect, s, take, cursor);
  const reviewed = keysOf({ ...query, involves: undefined, reviewerId: person, notHandlerId: person }, reach, dialect, s, take, cursor);
  return {
    sql: `SELECT * FROM (SELECT * FROM (${handled.sql}) AS h UNION ALL SELECT * FROM (${reviewed.sql}) AS r) AS both_halves
          ORDER BY sort_key ${s.dir}, id ${s.dir} LIMIT ?`,
    args: [...handled.args, ...reviewed.args, take],
  };
}

/**
 * Queue reads over the shared client, in the engine's `dialect`. Every read takes the reader's reach, so the
 * database returns only cases the reader may see and a page of `limit` is full whenever more exist.
 */
export function createCaseQueueStore(client: SqlClient, dialect: QueueDialect) {
  return {
    /** One page of `query` within `reach` in `order`, after `cursor`; `next` is null on the last page. */
    async page(query: CaseQuery, reach: CaseReach, order: QueueOrder, limit: number, cursor: QueueCursor | null) {
      const s = sortKeys[order];
      const keys = pageKeys(query, reach, dialect, s, limit + 1, cursor);
      // Late materialisation: the page's ids and keys are found and sorted first, and only its rows are read in
      // full (a snapshot and the opening entry each), so the sort never carries whole rows.
      const rs = await client.execute({
        sql: `SELECT ${caseSelect}, page.sort_key FROM (${keys.sql}) AS page JOIN cases ON cases.id = page.id
              ORDER BY page.sort_key ${s.dir}, page.id ${s.dir}`,
        args: keys.args,
      });
      const rows = rs.rows.slice(0, limit).map((r) => ({ row: toRow(r as Record<string, unknown>), key: String(r.sort_key) }));
      const last = rows.at(-1);
      const next: QueueCursor | null = rs.rows.length > limit && last ? { order, key: last.key, id: last.row.id } : null;
      return { rows: rows.map((r) => r.row) as CaseRow[], next };
    },

    /**
     * The audit desk's list: cases within `reach` matching `query` (a fragment of the title or the id; empty:
     * all), decided and closed first, then the most recently updated. `instr` rather than LIKE, so `%` and `_`
     * in a search are plain characters.
     */
    async auditSearch(query: string, reach: CaseReach, limit: number): Promise<CaseRow[]> {
      const q = query.trim().toLowerCase();
      const within = reachOf(reach, dialect.jsonField);
      const rs = await client.execute({
        sql: `SELECT ${caseSelect} FROM cases
              WHERE (? = '' OR instr(lower(title), ?) > 0 OR instr(lower(id), ?) > 0)${within ? ` AND ${within.sql}` : ''}
              ORDER BY CASE WHEN status IN ('decided', 'closed') THEN 0 ELSE 1 END, updated_at DESC, id LIMIT ?`,
        args: [q, q, q, ...(within?.args ?? []), limit],
      });
      return rs.rows.map((r) => toRow(r as Record<string, unknown>));
    },

    /** How many cases within `reach` match `query` (a tab's count). */
    async count(query: CaseQuery, reach: CaseReach): Promise<number> {
      const { clauses, args } = whereOf(query, reach, dialect);
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
      const rs = await client.execute({ sql: `SELECT count(*) AS n FROM cases ${where}`, args });
      return Number(rs.rows[0]?.n ?? 0);
    },
  };
}
export type CaseQueueStore = ReturnType<typeof createCaseQueueStore>;
