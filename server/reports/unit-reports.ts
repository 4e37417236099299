// Reports per unit (seed §14; §27): each unit's own figures and its figures rolled up with every unit below it,
// and the staffing ratio of 法制审核人员 to certified enforcement staff against the policy's floor.
// Invariant: a unit's total is its own figures plus its children's totals, so units add up to their parent.
import type { Unit } from '../../db/units/unit-store.js';
import type { RangeCounts } from '../../db/reports/report-store.js';
import { isCredentialValid } from '../../db/users/user-store.js';
import type { Services } from '../services.js';
import { monthBounds, nextMonthOf, reportMetrics, sumFigures, toFigures, type ReportFigures } from './report-figures.js';

/** Certified staff of a unit and its sub-units, and the §27 ratio. */
export interface Staffing {
  /** Active users with a valid 执法证 (enforcement staff). */
  enforcementStaff: number;
  /** Active reviewers with a valid 法律职业资格 (法制审核人员). */
  reviewStaff: number;
  /** reviewStaff / enforcementStaff, or null without enforcement staff. */
  ratio: number | null;
  /** The policy's floor (0.05 = 5%). */
  required: number;
  /** Whether the ratio meets the floor (null when there is no enforcement staff to measure). */
  meetsFloor: boolean | null;
}

export interface UnitFigures {
  unitId: string;
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
  own: ReportFigures;
  total: ReportFigures;
  staffing: Staffing;
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

async function staffingOf(services: Services, units: Unit[], today: string): Promise<Map<string, Staffing>> {
  const staff = await services.units.staff();
  const required = services.policy.staff.reviewStaffRatio;
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  return new Map(
    units.map((unit) => {
      const inTree = staff.filter((s) => (pathOf.get(s.unitId) ?? '').startsWith(unit.path));
      const enforcementStaff = inTree.filter((s) => isCredentialValid(s.certificateNo, s.certificateValidUntil, today)).length;
      const reviewStaff = inTree.filter(
        (s) => s.roles.includes('reviewer') && isCredentialValid(s.qualificationNo, s.qualificationValidUntil, today),
      ).length;
      const ratio = enforcementStaff > 0 ? reviewStaff / enforcementStaff : null;
      return [unit.id, { enforcementStaff, reviewStaff, ratio, required, meetsFloor: ratio === null ? null : ratio >= required }];
    }),
  );
}

/** The figures of every unit in `units` for [from, to), own and rolled up the tree. */
export async function unitFigures(services: Services, units: Unit[], period: ReportPeriod): Promise<UnitFigures[]> {
  const all = await services.units.list();
  const own = await ownFigures(services, period);
  const zero = sumFigures([]);
  const staffing = await staffingOf(services, all, services.now().toISOString().slice(0, 10));
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
  const head = ['unitId', 'name', 'parentId', ...keys, 'enforcementStaff', 'reviewStaff', 'ratio', 'meetsFloor'];
  const rows = report.units.map((u) => [
    u.unitId,
    u.name,
    u.parentId,
    ...keys.map((k) => u.total[k]),
    u.staffing.enforcementStaff,
    u.staffing.reviewStaff,
    u.staffing.ratio === null ? null : Number(u.staffing.ratio.toFixed(4)),
    u.staffing.meetsFloor,
  ]);
  return `\uFEFF${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
