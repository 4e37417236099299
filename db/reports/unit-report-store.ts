// The counts behind the reports per unit (seed §14, §27): the same counts as the bureau's report, grouped by the
// unit of each case (`cases.unit_id`; '' for cases opened before units existed). Counting only.
import type { Client } from '@libsql/client';
import type { RangeCounts } from './report-store.js';

const empty = (): RangeCounts => ({
  casesOpened: 0,
  majorCasesOpened: 0,
  reviews: new Map(),
  decisions: new Map(),
  closedDeadlines: new Map(),
  overturned: null,
});

/** The unit report store over the shared read client. */
export function createUnitReportStore(client: Client) {
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
  };
}
export type UnitReportStore = ReturnType<typeof createUnitReportStore>;
