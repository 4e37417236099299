// Reports per unit (seed §14; §27): each unit's own figures and its figures rolled up with every unit below it,
// and the staffing ratio of 法制审核人员 to certified enforcement staff against the policy's floor (counted by
// the staffing store, the figure made by ./staffing.ts, as for the bureau report).
// Invariant: a unit's total is its own figures plus its children's totals, so units add up to their parent.
import type { Unit } from '../../db/units/unit-store.js';
import type { RangeCounts } from '../../db/reports/report-store.js';
import type { Services } from '../services.js';
import { unitStaffingOn, type StaffingFigure } from './staffing.js';
import { monthBounds, nextMonthOf, reportMetrics, sumFigures, toFigures, type ReportFigures } from './report-figures.js';

export interface UnitFigures {
  unitId: string;
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
  own: ReportFigures;
  total: ReportFigures;
  /** The §27 figure of the unit and its sub-units, on the period's last day (as the bureau report's). */
  staffing: StaffingFigure;
}

/** A report period: instants [from, to) for the projections, China dates [fromDate, toDate) for 复议/诉讼 dates. */
export interface ReportPeriod {
  from: string;
  to: string;
  fromDate: string;
  toDate: string;
}

/** The period's counts per unit, as figures; cases without a unit are under ''. */
async function ownFigures(services: Services, p: ReportPeriod): Promise<Map<string, ReportFigures>> {
  const counts: Map<string, RangeCounts> = await services.unitReports.rangeCountsByUnit(p.from, p.to);
  const overturned = await services.unitReports.overturnedByUnit(p.fromDate, p.toDate);
  const none: RangeCounts = { casesOpened: 0, majorCasesOpened: 0, reviews: new Map(), decisions: new Map(), closedDeadlines: new Map() };
  const units = new Set([...counts.keys(), ...overturned.keys()]);
  return new Map([...units].map((unit) => [unit, toFigures(counts.get(unit) ?? none, overturned.get(unit) ?? 0)]));
}

/** The China date before `date` (YYYY-MM-DD): a period's last day from its exclusive end. */
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The figures of every unit in `units` for [from, to), own and rolled up the tree. */
export async function unitFigures(services: Services, units: Unit[], period: ReportPeriod): Promise<UnitFigures[]> {
  const all = await services.units.list();
  const own = await ownFigures(services, period);
  const zero = sumFigures([]);
  const staffing = await unitStaffingOn(services, units, dayBefore(period.toDate));
  return units.map((unit) => {
    const tree = all.filter((u) => u.path.startsWith(unit.path));
    return {
      unitId: unit.id,
      name: unit.name,
      kind: unit.kind,
      parentId: unit.parentId,
      path: unit.path,
      own: own.get(unit.id) ?? zero,
      total: sumFigures(tree.map((u) => own.get(u.id) ?? zero)),
      staffing: staffing.get(unit.id)!,
    };
  });
}

/** The units a report reader sees: heads and clerks their unit and below, auditors and admins every unit. */
export async function reportUnits(services: Services, within: string | null): Promise<Unit[]> {
  const all = await services.units.list();
  return within === null ? all : all.filter((u) => u.path.startsWith(within));
}

/** The per-unit report of China month `YYYY-MM`. */
export async function monthlyUnitReport(services: Services, month: string, within: string | null) {
  const period = { ...monthBounds(month), fromDate: `${month}-01`, toDate: `${nextMonthOf(month)}-01` };
  const units = await unitFigures(services, await reportUnits(services, within), period);
  return { kind: 'monthly' as const, period: month, generatedAt: services.now().toISOString(), units };
}

/** The per-unit report of year `YYYY` (China time). */
export async function annualUnitReport(services: Services, year: number, within: string | null) {
  const period = {
    from: monthBounds(`${year}-01`).from,
    to: monthBounds(`${year + 1}-01`).from,
    fromDate: `${year}-01-01`,
    toDate: `${year + 1}-01-01`,
  };
  const units = await unitFigures(services, await reportUnits(services, within), period);
  return { kind: 'annual' as const, period: String(year), generatedAt: services.now().toISOString(), units };
}

const cell = (v: string | number | boolean | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A per-unit report as CSV: one row per unit with its rolled-up figures and its staffing (BOM for spreadsheets). */
export function unitReportCsv(report: { units: UnitFigures[] }): string {
  const keys = reportMetrics.map(([key]) => key);
  const head = ['unitId', 'name', 'parentId', ...keys, 'certifiedStaff', 'qualifiedReviewers', 'reviewerRatio', 'belowMinimum'];
  const rows = report.units.map((u) => [
    u.unitId,
    u.name,
    u.parentId,
    ...keys.map((k) => u.total[k]),
    u.staffing.certifiedStaff,
    u.staffing.qualifiedReviewers,
    u.staffing.ratio,
    u.staffing.belowMinimum,
  ]);
  return `\uFEFF${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
