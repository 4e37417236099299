// Builds the monthly statistics and the annual summary (seed §14; 国办发〔2018〕118号 (六)) as JSON and CSV.
// Invariant: a report is computed from the record when asked; nothing in it is stored or edited by hand.
import type { Services } from '../services.js';
import { overturnedSource } from '../../db/reports/report-store.js';
import { monthFigures, reportMetrics, sumFigures, type ReportFigures } from './report-figures.js';
import { reportDue, type ReportKind } from './report-due.js';
import { findSubmission } from './report-submissions.js';
import { lastDayOf, staffingOn } from './staffing.js';

async function header(services: Services, kind: ReportKind, period: string) {
  const calendar = await services.calendar.calendar();
  return {
    kind,
    period,
    generatedAt: services.now().toISOString(),
    due: reportDue(calendar, services.policy, kind, period),
    submission: await findSubmission(services, kind, period),
    overturnedSource,
    staffing: await staffingOn(services, kind === 'monthly' ? lastDayOf(period) : `${period}-12-31`),
  };
}

/** Statistics of China month `YYYY-MM`, due by the policy's monthly day of the next month. */
export async function monthlyReport(services: Services, month: string) {
  return { ...(await header(services, 'monthly', month)), figures: await monthFigures(services.reports, month) };
}

/** The year `YYYY` month by month, with totals, due by the policy's annual date of the next year. */
export async function annualReport(services: Services, year: number) {
  const months: (ReportFigures & { month: string })[] = [];
  for (let m = 1; m <= 12; m += 1) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    months.push({ month, ...(await monthFigures(services.reports, month)) });
  }
  return { ...(await header(services, 'annual', String(year))), months, totals: sumFigures(months) };
}

/** Quotes a CSV cell when it needs it (RFC 4180). */
const cell = (v: string | number): string => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const lines = (rows: (string | number)[][]): string => `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;

/** The §27 staffing rows of a CSV (seed §27), after the figures. */
const staffingRows = (s: Awaited<ReturnType<typeof monthlyReport>>['staffing']) => [
  ['certifiedStaff', '持证执法人员', s.certifiedStaff],
  ['qualifiedReviewers', '法制审核人员', s.qualifiedReviewers],
  ['reviewerRatio', `法制审核人员占比（不低于${s.minRatio * 100}%）`, s.ratio ?? ''],
  ['reviewerRatioBelowMinimum', '占比低于要求', s.belowMinimum ? 1 : 0],
];

/** The monthly report as CSV: one `metric,label,value` row per figure (BOM so spreadsheet tools read UTF-8). */
export function monthlyCsv(report: Awaited<ReturnType<typeof monthlyReport>>): string {
  return lines([
    ['metric', 'label', 'value'],
    ...reportMetrics.map(([key, label]) => [key, label, report.figures[key]]),
    ...staffingRows(report.staffing),
  ]);
}

/** The annual report as CSV: one row per month plus a `total` row, one column per figure. */
export function annualCsv(report: Awaited<ReturnType<typeof annualReport>>): string {
  const keys = reportMetrics.map(([key]) => key);
  return lines([
    ['month', ...keys],
    ...report.months.map((m) => [m.month, ...keys.map((k) => m[k])]),
    ['total', ...keys.map((k) => report.totals[k])],
  ]);
}
