// The §27 staffing figure of a report (seed §27; DOMAIN §6.7): qualified reviewers (法制审核人员 with a valid
// 法律职业资格) against certified enforcement staff (valid 执法证), flagged below the policy's minimum [T].
// The bureau's figure and each unit's (its own staff and its sub-units') come from the same counts and rule.
import type { StaffCounts } from '../../db/reports/staffing-store.js';
import type { Unit } from '../../db/units/unit-store.js';
import type { Services } from '../services.js';

/** The staffing figure on one date. */
export interface StaffingFigure {
  onDate: string;
  certifiedStaff: number;
  qualifiedReviewers: number;
  /** qualifiedReviewers / certifiedStaff, to 4 decimals; null without certified staff. */
  ratio: number | null;
  minRatio: number;
  belowMinimum: boolean;
  basis: string;
}

/** The figure of `counts` against the policy's minimum. */
function figureOf(services: Services, counts: StaffCounts, onDate: string): StaffingFigure {
  const { minReviewerRatio, basis } = services.policy.staffing;
  const ratio = counts.certifiedStaff === 0 ? null : Math.round((counts.qualifiedReviewers / counts.certifiedStaff) * 10_000) / 10_000;
  return { onDate, ...counts, ratio, minRatio: minReviewerRatio, belowMinimum: ratio !== null && ratio < minReviewerRatio, basis };
}

/** The bureau's staffing figure on `onDate` (the last day of the report's period), from the users table as it is now. */
export async function staffingOn(services: Services, onDate: string): Promise<StaffingFigure> {
  return figureOf(services, await services.staffing.countsOn(onDate), onDate);
}

/** Each unit's staffing figure on `onDate`: the staff of the unit and of every unit below it. */
export async function unitStaffingOn(services: Services, units: Unit[], onDate: string): Promise<Map<string, StaffingFigure>> {
  const own = await services.staffing.countsByUnitOn(onDate);
  const all = await services.units.list();
  return new Map(
    units.map((unit) => {
      const tree = all.filter((u) => u.path.startsWith(unit.path)).map((u) => own.get(u.id));
      const counts = {
        certifiedStaff: tree.reduce((n, c) => n + (c?.certifiedStaff ?? 0), 0),
        qualifiedReviewers: tree.reduce((n, c) => n + (c?.qualifiedReviewers ?? 0), 0),
      };
      return [unit.id, figureOf(services, counts, onDate)];
    }),
  );
}

/** The last day of month `YYYY-MM`. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
