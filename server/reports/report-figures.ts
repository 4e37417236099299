// The supervision statistics of one month (DOMAIN §3, seed §14), read from the case projections:
// cases opened, reviews by outcome, decisions by outcome (transfers = 行刑衔接), overturned decisions, deadlines.
// Invariant: months are China months (UTC+8); every figure counts rows whose own time falls in the month.
import type { Client } from '@libsql/client';

/** The metrics of a report, in CSV column order, with the Chinese label used on the supervision platform. */
export const reportMetrics = [
  ['casesOpened', '立案数'],
  ['majorCasesOpened', '其中重大案件'],
  ['reviewsApproved', '法制审核：同意'],
  ['reviewsReturned', '法制审核：退回补正'],
  ['reviewsReferred', '法制审核：建议移送'],
  ['decisionsPenalty', '决定：处罚'],
  ['decisionsNoPenalty', '决定：不予处罚'],
  ['criminalTransfers', '移送司法机关（行刑衔接）'],
  ['overturnedDecisions', '被撤销或变更的决定'],
  ['deadlinesMet', '期限内完成'],
  ['deadlinesLate', '逾期完成'],
  ['hearingRightsLapsed', '听证申请期满未申请'],
] as const;
export type ReportMetric = (typeof reportMetrics)[number][0];
export type ReportFigures = Record<ReportMetric, number>;

/**
 * Table the audit module is expected to fill with overturned decisions (复议/诉讼 撤销 or 变更), one row per
 * decision with its time in `at`. Until such a table exists the figure is 0 and the report says so.
 */
export const overturnedTable = 'overturned_decisions';

/** The UTC instants that bound China month `YYYY-MM`, as ISO strings [from, to). */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const at = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex, 1) - 8 * 3_600_000).toISOString();
  return { from: at(y, m - 1), to: at(y, m) };
}

async function count(client: Client, sql: string, args: string[]): Promise<number> {
  return Number((await client.execute({ sql, args })).rows[0]?.n ?? 0);
}

async function countBy(client: Client, sql: string, args: string[]): Promise<Map<string, number>> {
  const rs = await client.execute({ sql, args });
  return new Map(rs.rows.map((r) => [String(r.k), Number(r.n)]));
}

/** Whether the overturned-decisions table exists in this database. */
export async function hasOverturnedTable(client: Client): Promise<boolean> {
  return (await count(client, "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?", [overturnedTable])) > 0;
}

/** The figures of China month `YYYY-MM`. */
export async function monthFigures(client: Client, month: string): Promise<ReportFigures> {
  const { from, to } = monthBounds(month);
  const range = [from, to];
  const reviews = await countBy(client, 'SELECT outcome AS k, count(*) AS n FROM reviews WHERE at >= ? AND at < ? GROUP BY outcome', range);
  const decisions = await countBy(
    client,
    'SELECT outcome AS k, count(*) AS n FROM decisions WHERE at >= ? AND at < ? GROUP BY outcome',
    range,
  );
  const closed = await countBy(
    client,
    'SELECT outcome AS k, count(*) AS n FROM deadlines WHERE closed_at >= ? AND closed_at < ? GROUP BY outcome',
    range,
  );
  const overturned = (await hasOverturnedTable(client))
    ? await count(client, `SELECT count(*) AS n FROM ${overturnedTable} WHERE at >= ? AND at < ?`, range)
    : 0;
  return {
    casesOpened: await count(client, 'SELECT count(*) AS n FROM cases WHERE created_at >= ? AND created_at < ?', range),
    majorCasesOpened: await count(
      client,
      'SELECT count(*) AS n FROM cases WHERE is_major = 1 AND created_at >= ? AND created_at < ?',
      range,
    ),
    reviewsApproved: reviews.get('approved') ?? 0,
    reviewsReturned: reviews.get('returned') ?? 0,
    reviewsReferred: reviews.get('referred') ?? 0,
    decisionsPenalty: decisions.get('penalty') ?? 0,
    decisionsNoPenalty: decisions.get('no_penalty') ?? 0,
    criminalTransfers: decisions.get('transfer') ?? 0,
    overturnedDecisions: overturned,
    deadlinesMet: closed.get('met') ?? 0,
    deadlinesLate: closed.get('late') ?? 0,
    hearingRightsLapsed: closed.get('lapsed') ?? 0,
  };
}

/** Figures summed metric by metric. */
export function sumFigures(all: ReportFigures[]): ReportFigures {
  const total = Object.fromEntries(reportMetrics.map(([key]) => [key, 0])) as ReportFigures;
  for (const f of all) for (const [key] of reportMetrics) total[key] += f[key];
  return total;
}
