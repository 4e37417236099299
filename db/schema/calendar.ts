// The working-day calendar in the database: one row per published year (with its source and version),
// its special days, and admin overrides per region. Invariant: a date appears at most once per year table.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A published year schedule (State Council notice), as loaded from a data set or by an admin. */
export const calendarYears = sqliteTable('calendar_years', {
  year: integer('year').primaryKey(),
  /** Data set or loader: `chinese-days` for the bundled package, `admin` for an API upload. */
  source: text('source').notNull(),
  /** The State Council General Office notice the schedule comes from, when known. */
  sourceUrl: text('source_url'),
  /** Version of the data set (package version) or of the admin upload. */
  version: text('version').notNull(),
  loadedAt: text('loaded_at').notNull(),
  loadedBy: text('loaded_by').notNull(),
});

/** Special days of a published year: rest days (休, including 调休 weekdays) and 补班 weekend days. */
export const calendarDays = sqliteTable(
  'calendar_days',
  {
    date: text('date').primaryKey(),
    year: integer('year').notNull(),
    working: integer('working', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);

/** Admin decisions about single dates; `region` '' applies everywhere, otherwise only to that region. */
export const calendarOverrides = sqliteTable(
  'calendar_overrides',
  {
    id: integer('id').primaryKey(),
    date: text('date').notNull(),
    region: text('region').notNull().default(''),
    working: integer('working', { mode: 'boolean' }).notNull(),
    note: text('note').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('calendar_overrides_date_region_uq').on(t.date, t.region)],
);
