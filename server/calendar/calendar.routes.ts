// /api/v1/calendar: working-day arithmetic for everyone; the loaded years for heads and admins; loading a new
// year's State Council notice and regional overrides for admins. Each handler: parse (400), check the role (403),
// call, answer. Every date that enters is inside the calendar's range, and so is every date that leaves.
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { AuthEnv } from '../http/auth.js';
import type { Services } from '../services.js';
import { problem, validationProblem } from '../http/problem.js';
import { readJson } from '../http/read-json.js';
import { chinaDate } from '../deadlines/deadline-rules.js';
import { addWorkingDays, countWorkingDays, dayStatus } from './calendar-queries.js';
import {
  AddWorkingDaysQuerySchema,
  CalendarDate,
  CountWorkingDaysQuerySchema,
  OverrideUploadSchema,
  YearNumber,
  YearUploadSchema,
} from './calendar.schemas.js';

// server/http/openapi-modules.ts builds the calendar's OpenAPI paths from these.
export { AddWorkingDaysQuerySchema, CountWorkingDaysQuerySchema, OverrideUploadSchema, YearUploadSchema };

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Problems in a year upload that zod's shapes cannot see: wrong year, duplicates, a 补班 on a weekday. */
function yearIssues(year: number, body: z.infer<typeof YearUploadSchema>): string[] {
  const all = [...body.holidays, ...body.workdays];
  return [
    ...all.filter((d) => Number(d.slice(0, 4)) !== year).map((d) => `${d} is not in ${year}`),
    ...all.filter((d, i) => all.indexOf(d) !== i).map((d) => `${d} is listed twice`),
    ...body.workdays.filter((d) => weekday(d) !== 0 && weekday(d) !== 6).map((d) => `${d} is a weekday, not a 补班 weekend day`),
  ];
}

const adminOnly = (c: Context) =>
  problem(c, { kind: 'forbidden', code: 'admin_only', detail: 'Only an administrator may change the calendar.' });
const yearReaders = ['admin', 'head'];

/** The calendar routes, mounted under /api/v1/calendar behind bearer auth. */
export function calendarRoutes(services: Services) {
  return new Hono<AuthEnv>()
    .get('/add-working-days', async (c) => {
      const q = AddWorkingDaysQuerySchema.safeParse(c.req.query());
      if (!q.success) return validationProblem(c, q.error.issues);
      const cal = await services.calendar.regionCalendar(q.data.region);
      if (!cal.ok) return problem(c, cal.error);
      const result = addWorkingDays(cal.value, q.data.from, q.data.days);
      if (!result.ok) return problem(c, result.error);
      return c.json({ from: q.data.from, days: q.data.days, region: q.data.region ?? services.calendar.region, ...result.value });
    })
    .get('/count-working-days', async (c) => {
      const q = CountWorkingDaysQuerySchema.safeParse(c.req.query());
      if (!q.success) return validationProblem(c, q.error.issues);
      const cal = await services.calendar.regionCalendar(q.data.region);
      if (!cal.ok) return problem(c, cal.error);
      const result = countWorkingDays(cal.value, q.data.from, q.data.to);
      if (!result.ok) return problem(c, result.error);
      return c.json({ from: q.data.from, to: q.data.to, region: q.data.region ?? services.calendar.region, ...result.value });
    })
    .get('/days/:date', async (c) => {
      const date = CalendarDate.safeParse(c.req.param('date'));
      if (!date.success)
        return validationProblem(
          c,
          date.error.issues.map((i) => ({ ...i, path: ['date'] })),
        );
      const result = dayStatus(await services.calendar.calendar(), date.data);
      if (!result.ok) return problem(c, result.error);
      return c.json({ date: date.data, region: services.calendar.region, ...result.value });
    })
    .get('/years', async (c) => {
      if (!c.var.user.roles.some((r) => yearReaders.includes(r)))
        return problem(c, { kind: 'forbidden', code: 'calendar_years_forbidden', detail: 'The loaded years are for heads and admins.' });
      const [items, nextYearNotice] = await Promise.all([
        services.calendar.years(),
        services.calendar.nextYearNoticeWarning(chinaDate(services.now())),
      ]);
      return c.json({ items, nextYearNotice });
    })
    .put('/years/:year', async (c) => {
      const year = YearNumber.safeParse(c.req.param('year'));
      if (!year.success)
        return validationProblem(
          c,
          year.error.issues.map((i) => ({ ...i, path: ['year'] })),
        );
      const body = await readJson(c);
      const parsed = body.ok ? YearUploadSchema.safeParse(body.value) : null;
      if (!parsed?.success) return validationProblem(c, parsed?.error.issues ?? [{ path: [], message: 'the body must be JSON' }]);
      const issues = yearIssues(year.data, parsed.data);
      if (issues.length)
        return validationProblem(
          c,
          issues.map((message) => ({ path: [], message })),
        );
      if (!c.var.user.roles.includes('admin')) return adminOnly(c);
      const { source, version, holidays, workdays } = parsed.data;
      const stored = await services.calendar.putYear(
        {
          year: year.data,
          sourceUrl: source,
          version: version ?? `admin-${services.now().toISOString().slice(0, 10)}`,
          holidays: [...holidays].sort(),
          workdays: [...workdays].sort(),
        },
        c.var.user.id,
      );
      return c.json({ ...stored, redated: await services.deadlines.redate() });
    })
    .get('/overrides', async (c) => c.json({ items: await services.calendar.overrides() }))
    .post('/overrides', async (c) => {
      const body = await readJson(c);
      const parsed = body.ok ? OverrideUploadSchema.safeParse(body.value) : null;
      if (!parsed?.success) return validationProblem(c, parsed?.error.issues ?? [{ path: [], message: 'the body must be JSON' }]);
      if (!c.var.user.roles.includes('admin')) return adminOnly(c);
      const stored = await services.calendar.putOverride(parsed.data, c.var.user.id);
      return c.json({ ...stored, redated: await services.deadlines.redate() }, 201);
    });
}
