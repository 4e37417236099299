// The queries behind the supervision reports: counts over the case projections for one time range, and the
// record of reports handed in. Counting only; the report's shape and labels live in server/reports.
import type { SqlClient, SqlStatement } from '../core/sql.js';

/** Raw counts of one time range [from, to), as the report maps them to its figures. */
export interface RangeCounts {
  casesOpened: number;
  majorCasesOpened: number;
  reviews: Map<string, number>;
  decisions: Map<string, number>;
  closedDeadlines: Map<string, number>;
}

/** A recorded report submission. */
export interface SubmissionRow {
  kind: string;
  period: string;
  submittedAt: string;
  submittedBy: string;
}

/**
 * Where overturned decisions (复议/诉讼 变更, 撤销, 确认违法 or 无效) are recorded: each recorded outcome opens an
 * inquiry that keeps it, with the 复议机关's or court's decision date (`outcome.decidedOn`).
 */
export const overturnedSource = 'inquiries';

/** Inquiries read per query when counting overturned decisions: memory stays bounded however many there are. */
const overturnedPage = 200;

/** The 复议/诉讼 decision date an inquiry snapshot holds, or null. */
export function decidedOnOf(snapshot: unknown): string | null {
  const parsed = JSON.parse(String(snapshot)) as { context?: { outcome?: { decidedOn?: unknown } } };
  const decidedOn = parsed.context?.outcome?.decidedOn;
  return typeof decidedOn === 'string' ? decidedOn : null;
}

/** The report store over the shared read client. */
export function createReportStore(client: SqlClient) {
  const count = async (sql: string, args: string[]) => Number((await client.execute({ sql, args })).rows[0]?.n ?? 0);
  const countBy = async (sql: string, args: string[]) =>
    new Map((await client.execute({ sql, args })).rows.map((r) => [String(r.k), Number(r.n)]));
  return {
    /**
     * Decisions overturned by a 复议/诉讼 decision dated in [fromDate, toDate) (China dates, YYYY-MM-DD). The
     * date lives in the inquiry's JSON snapshot, read here a page at a time (portable SQL parses no JSON).
     */
    async overturnedBetween(fromDate: string, toDate: string): Promise<number> {
      let n = 0;
      let after = '';
      for (;;) {
        const rs = await client.execute({
          sql: 'SELECT id, snapshot FROM inquiries WHERE id > ? ORDER BY id LIMIT ?',
          args: [after, overturnedPage],
        });
        for (const r of rs.rows) {
          const decidedOn = decidedOnOf(r.snapshot);
          if (decidedOn !== null && decidedOn >= fromDate && decidedOn < toDate) n++;
        }
        if (rs.rows.length < overturnedPage) return n;
        after = String(rs.rows[rs.rows.length - 1]!.id);
      }
    },

    /** Counts of cases, reviews, decisions and closed deadlines whose own time falls in [from, to). */
    async rangeCounts(from: string, to: string): Promise<RangeCounts> {
      const range = [from, to];
      return {
        casesOpened: await count('SELECT count(*) AS n FROM cases WHERE created_at >= ? AND created_at < ?', range),
        majorCasesOpened: await count('SELECT count(*) AS n FROM cases WHERE is_major = 1 AND created_at >= ? AND created_at < ?', range),
        reviews: await countBy('SELECT outcome AS k, count(*) AS n FROM reviews WHERE at >= ? AND at < ? GROUP BY outcome', range),
        decisions: await countBy('SELECT outcome AS k, count(*) AS n FROM decisions WHERE at >= ? AND at < ? GROUP BY outcome', range),
        closedDeadlines: await countBy(
          'SELECT outcome AS k, count(*) AS n FROM deadlines WHERE closed_at >= ? AND closed_at < ? GROUP BY outcome',
          range,
        ),
      };
    },

    /** The submission of `kind` for `period`, if any. */
    async submission(kind: string, period: string): Promise<SubmissionRow | null> {
      const rs = await client.execute({
        sql: 'SELECT kind, period, submitted_at, submitted_by FROM report_submissions WHERE kind = ? AND period = ?',
        args: [kind, period],
      });
      const r = rs.rows[0];
      return r ? { kind, period, submittedAt: String(r.submitted_at), submittedBy: String(r.submitted_by) } : null;
    },

    /** The statement recording a submission; the first record wins. */
    submissionStatement(kind: string, period: string, at: string, by: string): SqlStatement {
      return {
        sql: 'INSERT INTO report_submissions (kind, period, submitted_at, submitted_by) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        args: [kind, period, at, by],
      };
    },
  };
}
export type ReportStore = ReturnType<typeof createReportStore>;
