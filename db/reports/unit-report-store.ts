// The counts behind the reports per unit (seed §14, §27): the same counts as the bureau's report, grouped by the
// unit of each case (`cases.unit_id`; '' for cases opened before units existed). Counting only, in portable SQL.
import type { SqlClient } from '../core/sql.js';
import { decidedOnOf, type RangeCounts } from './report-store.js';

/** Inquiries read per query when counting overturned decisions: memory stays bounded however many there are. */
const overturnedPage = 200;

const empty = (): RangeCounts => ({
  casesOpened: 0,
  majorCasesOpened: 0,
  reviews: new Map(),
  decisions: new Map(),
  closedDeadlines: new Map(),
});

/** The unit report store over the shared read client. */
export function createUnitReportStore(client: SqlClient) {
  const rows = async (sql: string, args: string[]) => (await client.execute({ sql, args })).rows;
  return {
    /** Counts of [from, to) per case unit id. */
    async rangeCountsByUnit(from: string, to: string): Promise<Map<string, RangeCounts>> {
      const out = new Map<string, RangeCounts>();
      const of = (unit: unknown) => {
        const key = unit == null ? '' : String(unit);
        return out.get(key) ?? out.set(key, empty()).get(key)!;
      };
      const range = [from, to];
      for (const r of await rows(
        'SELECT unit_id AS u, count(*) AS n, sum(is_major) AS m FROM cases WHERE created_at >= ? AND created_at < ? GROUP BY unit_id',
        range,
      )) {
        of(r.u).casesOpened = Number(r.n);
        of(r.u).majorCasesOpened = Number(r.m ?? 0);
      }
      const grouped = async (table: string, time: string, key: keyof Pick<RangeCounts, 'reviews' | 'decisions' | 'closedDeadlines'>) => {
        for (const r of await rows(
          `SELECT c.unit_id AS u, t.outcome AS k, count(*) AS n FROM ${table} t LEFT JOIN cases c ON c.id = t.case_id
           WHERE t.${time} >= ? AND t.${time} < ? GROUP BY c.unit_id, t.outcome`,
          range,
        ))
          of(r.u)[key].set(String(r.k), Number(r.n));
      };
      await grouped('reviews', 'at', 'reviews');
      await grouped('decisions', 'at', 'decisions');
      await grouped('deadlines', 'closed_at', 'closedDeadlines');
      return out;
    },

    /**
     * Decisions overturned by a 复议/诉讼 decision dated in [fromDate, toDate), per case unit id: the bureau
     * report's count (`overturnedBetween`) grouped by unit, the date read from each inquiry's snapshot a page at a time.
     */
    async overturnedByUnit(fromDate: string, toDate: string): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (let after = ''; ; ) {
        const page = await rows(
          `SELECT i.id AS id, i.snapshot AS snapshot, c.unit_id AS u FROM inquiries i LEFT JOIN cases c ON c.id = i.case_id
           WHERE i.id > ? ORDER BY i.id LIMIT ${overturnedPage}`,
          [after],
        );
        for (const r of page) {
          const decidedOn = decidedOnOf(r.snapshot);
          const key = r.u == null ? '' : String(r.u);
          if (decidedOn !== null && decidedOn >= fromDate && decidedOn < toDate) out.set(key, (out.get(key) ?? 0) + 1);
        }
        if (page.length < overturnedPage) return out;
        after = String(page[page.length - 1]!.id);
      }
    },
  };
}
export type UnitReportStore = ReturnType<typeof createUnitReportStore>;
