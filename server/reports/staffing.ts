// The §27 staffing figure of a report (seed §27; DOMAIN §6.7): qualified reviewers (法制审核人员 with a valid
// 法律职业资格) against certified enforcement staff (valid 执法证), flagged below the policy's minimum [T].
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

/** The staffing figure on `onDate` (the last day of the report's period), from the users table as it is now. */
export async function staffingOn(services: Services, onDate: string): Promise<StaffingFigure> {
  const counts = await services.staffing.countsOn(onDate);
  const { minReviewerRatio, basis } = services.policy.staffing;
  const ratio = counts.certifiedStaff === 0 ? null : Math.round((counts.qualifiedReviewers / counts.certifiedStaff) * 10_000) / 10_000;
  return { onDate, ...counts, ratio, minRatio: minReviewerRatio, belowMinimum: ratio !== null && ratio < minReviewerRatio, basis };
}

/** The last day of month `YYYY-MM`. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
