// Request schemas of /api/v1/calendar (also the source of its OpenAPI paths). Invariant: every date they accept
// lies in the calendar's range, and a count never spans more than MAX_SPAN_DAYS.
import { z } from 'zod';
import { FIRST_DATE, LAST_DATE, LAST_YEAR, MAX_SPAN_DAYS, MAX_WORKING_DAYS, isCalendarDate, parseDay } from './calendar-range.js';

/** A real date between 1949-10-01 and 2100-12-31. */
export const CalendarDate = z.iso.date().refine(isCalendarDate, `must be between ${FIRST_DATE} and ${LAST_DATE}`);
/** Region whose overrides apply; the deployment region when absent, '' for the national calendar only. */
const Region = z.string().max(50).optional();

export const AddWorkingDaysQuerySchema = z.object({
  from: CalendarDate,
  days: z.coerce.number().int().min(-MAX_WORKING_DAYS).max(MAX_WORKING_DAYS),
  region: Region,
});

const withinSpan = (a: number | null, b: number | null) => a === null || b === null || Math.abs(b - a) <= MAX_SPAN_DAYS;

export const CountWorkingDaysQuerySchema = z
  .object({ from: CalendarDate, to: CalendarDate, region: Region })
  // Runs even when a date failed its own check (zod v4 refines the object anyway), so it must not assume one.
  .refine(({ from, to }) => withinSpan(parseDay(from), parseDay(to)), {
    message: `from and to may be at most ${MAX_SPAN_DAYS} days apart`,
    path: ['to'],
  });

/** The year of a State Council notice an admin loads (notices of this form exist from 2000). */
export const YearNumber = z.coerce.number().int().min(2000).max(LAST_YEAR);

/** A year's schedule as published in a State Council General Office notice. */
export const YearUploadSchema = z.object({
  source: z.url({ protocol: /^https?$/ }),
  version: z.string().trim().min(1).max(100).optional(),
  holidays: z.array(CalendarDate).min(1).max(120),
  workdays: z.array(CalendarDate).max(30),
});

export const OverrideUploadSchema = z.object({
  date: CalendarDate,
  working: z.boolean(),
  region: z.string().trim().min(1).max(50).optional(),
  note: z.string().trim().min(1).max(500),
});
