// The 查封、扣押 case page under /desk/coercion-cases: GET shows the case, POST …/events sends one command
// through `services.coercion.send` with the form's version as If-Match, the path `/api/v1/coercion-cases` takes,
// so the rules, statuses, problem codes and record are the API's. A refusal changes nothing.
import { Hono, type Context } from 'hono';
import type { Services } from '../../services.js';
import type { DeskExtension } from '../desk.routes.js';
import { signedIn, type DeskEnv } from '../session.js';
import { errorPage, renderPage } from '../render.js';
import { field, versionOf } from '../form-commands.js';
import { statusOf, problemType } from '../../http/problem.js';
import { problemEntry } from '../../http/problems/catalogue.js';
import type { DomainError } from '../../shared/result.js';
import { coercionEventTypes } from '../../../machines/coercion/coercion.events.js';
import { ProblemPage } from '../views/problem.page.js';
import type { HistoryType } from '../i18n/zh-CN.js';
import { loadCoercion } from './coercion-data.js';
import { coercionCommandFromForm } from './coercion-form.js';
import { CoercionPage } from './coercion.page.js';

/** The desk address of coercion case `id`. */
export const coercionHref = (id: string) => `/desk/coercion-cases/${encodeURIComponent(id)}`;

/** The flash after an accepted form (`?done=<event>`), only for a known event type. */
function doneNotice(c: Context<DeskEnv>): string | undefined {
  const done = c.req.query('done') ?? '';
  const { t } = c.var.desk;
  return (coercionEventTypes as readonly string[]).includes(done) ? t.flash.done(t.events[done as HistoryType]) : undefined;
}

/** The refusal page of a service answer: the problem's title, that nothing changed, the way back to the case. */
function refusalPage(c: Context<DeskEnv>, error: DomainError, caseId: string): Promise<Response> {
  const desk = c.var.desk;
  const title = problemEntry(error.code)?.[desk.lang].title ?? desk.t.errors.title;
  const back = error.kind === 'not_found' ? '/desk' : coercionHref(caseId);
  return renderPage(
    c,
    <ProblemPage
      desk={desk}
      message={desk.lang === 'en' ? `${title}.` : `${title}。`}
      lines={[desk.t.refusal.nothingChanged]}
      code={error.code}
      helpHref={problemType(error.code)}
      backHref={back}
      backLabel={error.kind === 'not_found' ? desk.t.errors.back : desk.t.refusal.openFresh}
    />,
    statusOf(error.kind),
  );
}

function coercionRoutes(services: Services) {
  return new Hono<DeskEnv>()
    .get('/:id', async (c) => {
      const loaded = await loadCoercion(services, signedIn(c), c.req.param('id'));
      if (!loaded.ok) return errorPage(c, loaded.error);
      return renderPage(c, <CoercionPage desk={c.var.desk} data={loaded.value} notice={doneNotice(c)} />);
    })
    .post('/:id/events', async (c) => {
      const id = c.req.param('id');
      const form = await c.req.parseBody({ all: true });
      const version = versionOf(form);
      if (version === null) return errorPage(c, { kind: 'validation', code: 'missing_version' });
      const command = coercionCommandFromForm(form, signedIn(c));
      if (!command.ok) {
        // A form with a blank or malformed field comes back open, the field marked; nothing is sent.
        const loaded = await loadCoercion(services, signedIn(c), id);
        if (!loaded.ok) return errorPage(c, loaded.error);
        const refused = { type: field(form, 'type'), errors: command.errors };
        return renderPage(c, <CoercionPage desk={c.var.desk} data={loaded.value} refused={refused} />, 400);
      }
      const result = await services.coercion.send(signedIn(c), id, command.value, { ifMatch: version });
      if (!result.ok) return refusalPage(c, result.error, id);
      return c.redirect(`${coercionHref(id)}?done=${encodeURIComponent(command.value.type)}`, 303);
    });
}

/** Adds /desk/coercion-cases to the desk, behind its session, CSRF check and sign-in. */
export const coercionDesk: DeskExtension = (desk, services) => {
  desk.route('/coercion-cases', coercionRoutes(services));
};
