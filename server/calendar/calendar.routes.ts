// /api/v1/calendar: working-day arithmetic for everyone; loading a new year's State Council notice and
// regional overrides for admins. Each handler: parse (400), check the role (403), call, answer.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../http/auth.js';
import type { Services } from '../services.js';
import { problem, validationProblem } from '../http/problem.js';
import { readJson } from '../http/read-json.js';

const IsoDate = z.iso.date();
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

export const AddWorkingDaysQuerySchema = z.object({
  from: IsoDate,
  days: z.coerce.number().int().min(-366).max(366),
  /** Region whose overrides apply; the deployment region when absent, '' for the national calendar only. */
  region: z.string().max(50).optional(),
});
export const CountWorkingDaysQuerySchema = z.object({ from: IsoDate, to: IsoDate, region: z.string().max(50).optional() });

/** A year's schedule as published in a State Council General Office notice. */
export const YearUploadSchema = z.object({
  source: z.url({ protocol: /^https?$/ }),
  version: z.string().trim().min(1).max(100).optional(),
  holidays: z.array(IsoDate).min(1).max(120),
  workdays: z.array(IsoDate).max(30),
});
export const OverrideUploadSchema = z.object({
  date: IsoDate,
  working: z.boolean(),
  region: z.string().trim().min(1).max(50).optional(),
  note: z.string().trim().min(1).max(500),
});

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

/** The calendar routes, mounted under /api/v1/calendar behind bearer auth. */
export function calendarRoutes(services: Services) {
  return new Hono<AuthEnv>()
    .get('/add-working-days', async (c) => {
      const q = AddWorkingDaysQuerySchema.safeParse(c.req.query());
      if (!q.success) return validationProblem(c, q.error.issues);
      const result = (await services.calendar.calendar(q.data.region)).addWorkingDays(q.data.from, q.data.days);
      return c.json({ from: q.data.from, days: q.data.days, region: q.data.region ?? services.calendar.region, ...result });
    })
    .get('/count-working-days', async (c) => {
      const q = CountWorkingDaysQuerySchema.safeParse(c.req.query());
      if (!q.success) return validationProblem(c, q.error.issues);
      const result = (await services.calendar.calendar(q.data.region)).countWorkingDays(q.data.from, q.data.to);
      return c.json({ from: q.data.from, to: q.data.to, region: q.data.region ?? services.calendar.region, ...result });
    })
    .get('/days/:date', async (c) => {
      const date = IsoDate.safeParse(c.req.param('date'));
      if (!date.success) return validationProblem(c, date.error.issues);
      return c.json({ date: date.data, region: services.calendar.region, ...(await services.calendar.calendar()).isWorkingDay(date.data) });
    })
    .get('/years', async (c) => c.json({ items: await services.calendar.years() }))
    .put('/years/:year', async (c) => {
      const year = z.coerce.number().int().min(2000).max(2100).safeParse(c.req.param('year'));
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
