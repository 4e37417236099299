// The handlers of /api/v1/calendar (contracts in calendar.routes.ts): validated request, access rule,
// call, answer. Every date that enters is inside the calendar's range, and so is every date that leaves.
import type { z } from 'zod';
import type { Services } from '../services.js';
import { answerProblem, answerValidation, apiRouter } from '../http/openapi.js';
import { canAdministerCalendar, canReadCalendarYears } from '../access/access-rules.js';
import { chinaDate } from '../deadlines/deadline-rules.js';
import { addWorkingDays, countWorkingDays, dayStatus } from './calendar-queries.js';
import type { YearUploadSchema } from './calendar.schemas.js';
import {
  addOverrideRoute,
  addWorkingDaysRoute,
  countWorkingDaysRoute,
  dayRoute,
  listOverridesRoute,
  putYearRoute,
  yearsRoute,
} from './calendar.routes.js';

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

/** The calendar API, mounted under /api/v1/calendar behind bearer auth. */
export function calendarApi(services: Services) {
  const { calendar } = services;
  return apiRouter()
    .openapi(addWorkingDaysRoute, async (c) => {
      const q = c.req.valid('query');
      const cal = await calendar.regionCalendar(q.region);
      if (!cal.ok) return answerProblem(c, cal.error);
      const result = addWorkingDays(cal.value, q.from, q.days);
      if (!result.ok) return answerProblem(c, result.error);
      return c.json({ from: q.from, days: q.days, region: q.region ?? calendar.region, ...result.value }, 200);
    })
    .openapi(countWorkingDaysRoute, async (c) => {
      const q = c.req.valid('query');
      const cal = await calendar.regionCalendar(q.region);
      if (!cal.ok) return answerProblem(c, cal.error);
      const result = countWorkingDays(cal.value, q.from, q.to);
      if (!result.ok) return answerProblem(c, result.error);
      return c.json({ from: q.from, to: q.to, region: q.region ?? calendar.region, ...result.value }, 200);
    })
    .openapi(dayRoute, async (c) => {
      const { date } = c.req.valid('param');
      const result = dayStatus(await calendar.calendar(), date);
      if (!result.ok) return answerProblem(c, result.error);
      return c.json({ date, region: calendar.region, ...result.value }, 200);
    })
    .openapi(yearsRoute, async (c) => {
      const access = canReadCalendarYears(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      const [items, nextYearNotice] = await Promise.all([calendar.years(), calendar.nextYearNoticeWarning(chinaDate(services.now()))]);
      return c.json({ items, nextYearNotice }, 200);
    })
    .openapi(putYearRoute, async (c) => {
      const { year } = c.req.valid('param');
      const upload = c.req.valid('json');
      const issues = yearIssues(year, upload);
      if (issues.length)
        return answerValidation(
          c,
          issues.map((message) => ({ path: [], message })),
        );
      const access = canAdministerCalendar(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      const { source, version, holidays, workdays } = upload;
      const stored = await calendar.putYear(
        {
          year,
          sourceUrl: source,
          version: version ?? `admin-${services.now().toISOString().slice(0, 10)}`,
          holidays: [...holidays].sort(),
          workdays: [...workdays].sort(),
        },
        c.var.user.id,
      );
      return c.json({ ...stored, redated: await services.deadlines.redate() }, 200);
    })
    .openapi(listOverridesRoute, async (c) => c.json({ items: await calendar.overrides() }, 200))
    .openapi(addOverrideRoute, async (c) => {
      const access = canAdministerCalendar(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      const stored = await calendar.putOverride(c.req.valid('json'), c.var.user.id);
      return c.json({ ...stored, redated: await services.deadlines.redate() }, 201);
    });
}
