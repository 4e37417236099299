// The counts behind the §27 staffing figure (seed §27: 法制审核人员 ≥ 5% of enforcement staff): active users
// holding a valid 执法证, and active reviewers holding a valid 法律职业资格, on one date, for the bureau and per
// unit. The one place staff are counted; server/reports/staffing.ts turns counts into the figure.
import type { SqlClient } from '../core/sql.js';

/** Staff counts on one date. */
export interface StaffCounts {
  /** Active users whose 执法证 is valid on the date (certified enforcement staff). */
  certifiedStaff: number;
  /** Active users with the reviewer role whose 法律职业资格 is valid on the date. */
  qualifiedReviewers: number;
}

// A credential valid until the date still counts (as `isCredentialValid`). roles is a JSON array of role
// names; the quoted name matches one whole element (portable SQL, no json_each).
const countColumns = `coalesce(sum(CASE WHEN certificate_no IS NOT NULL AND certificate_valid_until >= ? THEN 1 ELSE 0 END), 0) AS staff,
  coalesce(sum(CASE WHEN qualification_no IS NOT NULL AND qualification_valid_until >= ?
    AND instr(roles, ?) > 0 THEN 1 ELSE 0 END), 0) AS reviewers`;
const countArgs = (date: string) => [date, date, JSON.stringify('reviewer')];
const toCounts = (r: Record<string, unknown> | undefined): StaffCounts => ({
  certifiedStaff: Number(r?.staff ?? 0),
  qualifiedReviewers: Number(r?.reviewers ?? 0),
});

/** The staffing store over the shared read client. */
export function createStaffingStore(client: SqlClient) {
  return {
    /** The bureau's counts on `date` (YYYY-MM-DD): every active user, placed in a unit or not. */
    async countsOn(date: string): Promise<StaffCounts> {
      const rs = await client.execute({ sql: `SELECT ${countColumns} FROM users WHERE active = 1`, args: countArgs(date) });
      return toCounts(rs.rows[0]);
    },
    /** Each unit's own counts on `date` (its users, not its sub-units'); units without staff are absent. */
    async countsByUnitOn(date: string): Promise<Map<string, StaffCounts>> {
      const rs = await client.execute({
        sql: `SELECT unit_id, ${countColumns} FROM users WHERE active = 1 AND unit_id IS NOT NULL GROUP BY unit_id`,
        args: countArgs(date),
      });
      return new Map(rs.rows.map((r) => [String(r.unit_id), toCounts(r)]));
    },
  };
}
export type StaffingStore = ReturnType<typeof createStaffingStore>;
