// Reads and writes the calendar tables: published year schedules with source and version, and admin
// overrides. Writes go through the single writer; a year is always replaced whole, in one transaction.
import type { SqlClient, SqlStatement } from '../core/sql.js';
import type { Writer } from '../core/writer.js';

/** An admin's change to one day: working or not, everywhere or in one region. */
export type CalendarOverride = { date: string; working: boolean; region?: string; note?: string };

/** A stored year schedule: the pure calendar's year table plus where and when it was loaded. */
export interface StoredYear {
  year: number;
  source: string;
  sourceUrl: string | null;
  version: string;
  loadedAt: string;
  loadedBy: string;
  holidays: string[];
  workdays: string[];
}

/** A stored override; `region` is absent for a national one. */
export interface StoredOverride extends CalendarOverride {
  id: number;
  note: string;
  createdAt: string;
  createdBy: string;
}

/** The calendar store over one client (reads) and the process's single writer (writes). */
export function createCalendarStore(client: SqlClient, writer: Writer) {
  return {
    /** Every stored year with its special days, oldest first. */
    async years(): Promise<StoredYear[]> {
      const [years, days] = await Promise.all([
        client.execute('SELECT * FROM calendar_years ORDER BY year'),
        client.execute('SELECT date, year, working FROM calendar_days ORDER BY date'),
      ]);
      const byYear = new Map<number, StoredYear>();
      for (const r of years.rows) {
        byYear.set(Number(r.year), {
          year: Number(r.year),
          source: String(r.source),
          sourceUrl: r.source_url == null ? null : String(r.source_url),
          version: String(r.version),
          loadedAt: String(r.loaded_at),
          loadedBy: String(r.loaded_by),
          holidays: [],
          workdays: [],
        });
      }
      for (const r of days.rows) {
        const table = byYear.get(Number(r.year));
        if (table) (Number(r.working) === 1 ? table.workdays : table.holidays).push(String(r.date));
      }
      return [...byYear.values()];
    },

    /** Every override, in date order. */
    async overrides(): Promise<StoredOverride[]> {
      const rs = await client.execute('SELECT * FROM calendar_overrides ORDER BY date, region');
      return rs.rows.map((r) => ({
        id: Number(r.id),
        date: String(r.date),
        working: Number(r.working) === 1,
        ...(String(r.region) === '' ? {} : { region: String(r.region) }),
        note: String(r.note),
        createdAt: String(r.created_at),
        createdBy: String(r.created_by),
      }));
    },

    /** Replaces the given years whole (metadata and special days) in one transaction. */
    async putYears(years: StoredYear[], extra: SqlStatement[] = []): Promise<void> {
      const statements = years.flatMap(yearStatements);
      if (statements.length + extra.length === 0) return;
      await writer.write({ entries: [], statements: () => [...statements, ...extra] });
    },

    /** Inserts or replaces the override for (date, region). */
    async putOverride(o: Omit<StoredOverride, 'id'>): Promise<void> {
      await writer.write({
        entries: [],
        statements: () => [
          {
            sql: `INSERT INTO calendar_overrides (date, region, working, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (date, region) DO UPDATE SET working = excluded.working, note = excluded.note,
                created_at = excluded.created_at, created_by = excluded.created_by`,
            args: [o.date, o.region ?? '', o.working ? 1 : 0, o.note, o.createdAt, o.createdBy],
          },
        ],
      });
    },

    /** Runs further statements through the writer (deadline recomputation after a calendar change). */
    async write(statements: SqlStatement[]): Promise<void> {
      if (statements.length > 0) await writer.write({ entries: [], statements: () => statements });
    },
  };
}
export type CalendarStore = ReturnType<typeof createCalendarStore>;

function yearStatements(y: StoredYear): SqlStatement[] {
  return [
    { sql: 'DELETE FROM calendar_days WHERE year = ?', args: [y.year] },
    {
      sql: `INSERT INTO calendar_years (year, source, source_url, version, loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (year) DO UPDATE SET source = excluded.source, source_url = excluded.source_url,
            version = excluded.version, loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by`,
      args: [y.year, y.source, y.sourceUrl, y.version, y.loadedAt, y.loadedBy],
    },
    ...dayStatements(y),
  ];
}

/** The special days of a year as one multi-row INSERT (a year has well under 200 of them). */
function dayStatements(y: StoredYear): SqlStatement[] {
  const days = [...y.holidays.map((date) => [date, y.year, 0]), ...y.workdays.map((date) => [date, y.year, 1])];
  if (days.length === 0) return [];
  return [{ sql: `INSERT INTO calendar_days (date, year, working) VALUES ${days.map(() => '(?, ?, ?)').join(', ')}`, args: days.flat() }];
}
