// The supervision statistics of one month (DOMAIN §3, seed §14), read from the case projections:
// cases opened, reviews by outcome, decisions by outcome (transfers = 行刑衔接), overturned decisions, deadlines.
// Invariant: months are China months (UTC+8); every figure counts rows whose own time falls in the month,
// except overturned decisions, counted by the date of the 复议/诉讼 decision that overturned them.
import type { RangeCounts, ReportStore } from '../../db/reports/report-store.js';

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

/** The month after `YYYY-MM`. */
export const nextMonthOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** The UTC instants that bound China month `YYYY-MM`, as ISO strings [from, to). */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const at = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex, 1) - 8 * 3_600_000).toISOString();
  return { from: at(y, m - 1), to: at(y, m) };
}

/** The figures of China month `YYYY-MM`. */
export async function monthFigures(store: ReportStore, month: string): Promise<ReportFigures> {
  const { from, to } = monthBounds(month);
  const overturned = await store.overturnedBetween(`${month}-01`, `${nextMonthOf(month)}-01`);
  return toFigures(await store.rangeCounts(from, to), overturned);
}

/** The report figures of raw counts and the overturned decisions counted beside them. */
export function toFigures(c: RangeCounts, overturned: number): ReportFigures {
  const noPenalty = [...c.decisions].filter(([k]) => k !== 'penalty' && k !== 'transfer').reduce((n, [, v]) => n + v, 0);
  return {
    casesOpened: c.casesOpened,
    majorCasesOpened: c.majorCasesOpened,
    reviewsApproved: c.reviews.get('approved') ?? 0,
    reviewsReturned: c.reviews.get('returned') ?? 0,
    reviewsReferred: c.reviews.get('referred') ?? 0,
    decisionsPenalty: c.decisions.get('penalty') ?? 0,
    // Every outcome but 处罚 and 移送 is a kind of 不予处罚.
    decisionsNoPenalty: noPenalty,
    criminalTransfers: c.decisions.get('transfer') ?? 0,
    overturnedDecisions: overturned,
    deadlinesMet: c.closedDeadlines.get('met') ?? 0,
    deadlinesLate: c.closedDeadlines.get('late') ?? 0,
    hearingRightsLapsed: c.closedDeadlines.get('lapsed') ?? 0,
  };
}

/** Figures summed metric by metric. */
export function sumFigures(all: ReportFigures[]): ReportFigures {
  const total = Object.fromEntries(reportMetrics.map(([key]) => [key, 0])) as ReportFigures;
  for (const f of all) for (const [key] of reportMetrics) total[key] += f[key];
  return total;
}
