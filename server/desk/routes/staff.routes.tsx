// The admin's units and staff pages (/desk/admin/staff, `canOpenDeskPage(staff)`, the administration API's
// rule): the page, and its forms mapped onto the API's schemas and written by the same service
// (`services.unitAdmin`). A refused form answers the desk's problem page with the API's status and code.
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { Services } from '../../services.js';
import type { DeskEnv } from '../session.js';
import { renderPage } from '../render.js';
import { canOpenDeskPage } from '../../access/access-rules.js';
import { requireAccess } from '../audit/audit-access.js';
import { StaffPage } from '../views/staff.page.js';
import { ProblemPage } from '../views/problem.page.js';
import { statusOf } from '../../http/problem.js';
import { problemEntry } from '../../http/problems/catalogue.js';
import type { DomainError, Result } from '../../shared/result.js';
import { staffFromForm, staffPatchFromForm, unitFromForm, type FormBody } from '../staff-form.js';

const back = '/desk/admin/staff';

/** The problem page of a refused form: the problem's title, its detail, that nothing changed. */
function refused(c: Context<DeskEnv>, error: DomainError): Promise<Response> {
  const desk = c.var.desk;
  const title = problemEntry(error.code)?.[desk.lang].title ?? desk.t.errors.title;
  return renderPage(
    c,
    <ProblemPage
      desk={desk}
      message={desk.lang === 'en' ? `${title}.` : `${title}。`}
      lines={[error.detail, desk.t.refusal.nothingChanged]}
      code={error.code}
      backHref={back}
      backLabel={desk.t.errors.back}
    />,
    statusOf(error.kind),
  );
}

/** Runs `write` on a form the schema accepted; back to the page on success, the problem page otherwise. */
async function submit<T>(c: Context<DeskEnv>, parsed: z.ZodSafeParseResult<T>, write: (value: T) => Promise<Result<unknown>>) {
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(form)'}: ${i.message}`).join('; ');
    return refused(c, { kind: 'validation', code: 'malformed_request', detail });
  }
  const done = await write(parsed.data);
  return done.ok ? c.redirect(back, 303) : refused(c, done.error);
}

const formOf = async (c: Context<DeskEnv>) => (await c.req.parseBody({ all: true })) as FormBody;

/** GET /desk/admin/staff; POST …/units, …/users, …/users/:id, …/users/:id/deactivate. */
export function staffRoutes(services: Services) {
  const admin = services.unitAdmin;
  const requireStaff = requireAccess(
    (user) => canOpenDeskPage(user, 'staff'),
    (desk) => desk.t.errors.pageForbidden,
  );
  return new Hono<DeskEnv>()
    .use('/admin/staff', requireStaff)
    .use('/admin/staff/*', requireStaff)
    .get('/admin/staff', async (c) => {
      const [units, staff] = await Promise.all([services.units.list(), admin.listStaff()]);
      const days = services.policy.staff.certificateWarningDays;
      return renderPage(c, <StaffPage desk={c.var.desk} units={units} staff={staff} warningDays={days} />);
    })
    .post('/admin/staff/units', async (c) => submit(c, unitFromForm(await formOf(c)), (v) => admin.createUnit(v)))
    .post('/admin/staff/users', async (c) => submit(c, staffFromForm(await formOf(c)), (v) => admin.createStaff(v)))
    .post('/admin/staff/users/:id', async (c) =>
      submit(c, staffPatchFromForm(await formOf(c)), (v) => admin.updateStaff(c.req.param('id'), v)),
    )
    .post('/admin/staff/users/:id/deactivate', async (c) => {
      const done = await admin.deactivateStaff(c.req.param('id'));
      return done.ok ? c.redirect(back, 303) : refused(c, done.error);
    });
}
