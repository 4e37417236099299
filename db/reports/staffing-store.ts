// The counts behind the §27 staffing figure (seed §27: 法制审核人员 ≥ 5% of enforcement staff): active users
// holding a valid 执法证, and active reviewers holding a valid 法律职业资格, on one date. Counting only.
import type { SqlClient } from '../core/sql.js';

/** Staff counts on one date. */
export interface StaffCounts {
  /** Active users whose 执法证 is valid on the date (certified enforcement staff). */
  certifiedStaff: number;
  /** Active users with the reviewer role whose 法律职业资格 is valid on the date. */
  qualifiedReviewers: number;
}

/** The staffing store over the shared read client. */
export function createStaffingStore(client: SqlClient) {
  return {
    /** Counts on `date` (YYYY-MM-DD); a credential valid until that day still counts (as `isCredentialValid`). */
    async countsOn(date: string): Promise<StaffCounts> {
      const rs = await client.execute({
        sql: `SELECT
                coalesce(sum(CASE WHEN certificate_no IS NOT NULL AND certificate_valid_until >= ? THEN 1 ELSE 0 END), 0) AS staff,
                coalesce(sum(CASE WHEN qualification_no IS NOT NULL AND qualification_valid_until >= ?
                  AND instr(roles, ?) > 0 THEN 1 ELSE 0 END), 0) AS reviewers
              FROM users WHERE active = 1`,
        // roles is a JSON array of role names; the quoted name matches one whole element (portable SQL, no json_each).
        args: [date, date, JSON.stringify('reviewer')],
      });
      const r = rs.rows[0];
      return { certifiedStaff: Number(r?.staff ?? 0), qualifiedReviewers: Number(r?.reviewers ?? 0) };
    },
  };
}
export type StaffingStore = ReturnType<typeof createStaffingStore>;
