// The case pages and their forms. Every POST becomes one `services.cases.send` with the form's case
// version as If-Match: the same rules, statuses and record as the API, and a refusal changes nothing.
import { Hono, type Context } from 'hono';
import type { CaseEventType } from '../../../machines/case/case.events.js';
import type { Services } from '../../services.js';
import { signedIn, type DeskEnv } from '../session.js';
import { loadCase } from '../case-data.js';
import { lookupCase } from '../../access/case-lookup.js';
import { commandFromForm, contentErrors, field, reviewCommand, reviewValuesFromForm, versionOf, type FormBody } from '../form-commands.js';
import { errorPage, messagePage, renderPage } from '../render.js';
import { doneNotice } from './pages.routes.js';
import { CasePage } from '../views/case.page.js';
import { ReviewPage } from '../views/review.page.js';
import { DecidePage } from '../views/decide.page.js';
import { serveEvidence } from '../../evidence/serve-evidence.js';

const reviewEvents: CaseEventType[] = ['review.approve', 'review.return', 'review.refer'];
const decideEvents: CaseEventType[] = ['decision.issue', 'discussion.record'];
const backTargets: Record<string, string> = { clerk: '/desk/clerk', head: '/desk/head', queue: '/desk' };

/** Where to go after an accepted form: the page named by `back`, else the case page. */
function afterSuccess(c: Context<DeskEnv>, caseId: string, form: FormBody, type: string): Response {
  const base = backTargets[field(form, 'back')] ?? `/desk/cases/${encodeURIComponent(caseId)}`;
  return c.redirect(`${base}?done=${encodeURIComponent(type)}`, 303);
}

/** Routes under /desk/cases. */
export function caseRoutes(services: Services) {
  // The access module's case-read rule first (a case the user may not see is a 404, as a missing one).
  const load = async (c: Context<DeskEnv>) => {
    const found = await lookupCase(services.store, signedIn(c), c.req.param('id') ?? '');
    return found.ok ? loadCase(services, signedIn(c), found.value.id) : found;
  };
  return new Hono<DeskEnv>()
    .get('/:id', async (c) => {
      const loaded = await load(c);
      if (!loaded.ok) return errorPage(c, loaded.error);
      return renderPage(c, <CasePage desk={c.var.desk} data={loaded.value} notice={doneNotice(c)} />);
    })
    .get('/:id/review', async (c) => {
      const loaded = await load(c);
      if (!loaded.ok) return errorPage(c, loaded.error);
      if (!reviewEvents.some((e) => loaded.value.view.allowedEvents.includes(e))) {
        return messagePage(c, 403, 'no_review_form', c.var.desk.t.errors.noReviewForm, loaded.value.view.id);
      }
      return renderPage(c, <ReviewPage desk={c.var.desk} data={loaded.value} />);
    })
    .get('/:id/evidence/:evidenceId', async (c) => {
      const readable = await lookupCase(services.store, signedIn(c), c.req.param('id'));
      if (!readable.ok) return errorPage(c, readable.error);
      const found = await services.evidence.get(readable.value.id, c.req.param('evidenceId'));
      if (!found.ok) return errorPage(c, found.error, c.req.param('id'));
      const res = await serveEvidence(c, services.evidence.files, found.value);
      // Framed (PDF) and played (audio, video) by the desk's own pages only; never run as a document.
      res.headers.set('Content-Security-Policy', "frame-ancestors 'self'");
      return res;
    })
    .get('/:id/decide', async (c) => {
      const loaded = await load(c);
      if (!loaded.ok) return errorPage(c, loaded.error);
      if (!decideEvents.some((e) => loaded.value.view.allowedEvents.includes(e)))
        return errorPage(c, { kind: 'forbidden', code: 'no_decide_form' }, loaded.value.view.id);
      return renderPage(c, <DecidePage desk={c.var.desk} data={loaded.value} />);
    })
    .post('/:id/review', async (c) => {
      const id = c.req.param('id');
      const form = await c.req.parseBody({ all: true });
      const version = versionOf(form);
      if (version === null) return errorPage(c, { kind: 'validation', code: 'missing_version' }, id);
      const values = reviewValuesFromForm(form);
      const command = reviewCommand(values);
      if (!command.ok) {
        const loaded = await load(c);
        if (!loaded.ok) return errorPage(c, loaded.error);
        return renderPage(c, <ReviewPage desk={c.var.desk} data={loaded.value} values={values} errors={command.errors} />, 400);
      }
      const result = await services.cases.send(signedIn(c), id, command.value, { ifMatch: version });
      if (result.ok) return afterSuccess(c, id, form, command.value.type);
      // The machine's rule refused what the items say: show the form again with the fields it named.
      const errors = contentErrors(result.error);
      const loaded = errors ? await load(c) : null;
      if (!errors || !loaded?.ok) return errorPage(c, result.error, id);
      return renderPage(c, <ReviewPage desk={c.var.desk} data={loaded.value} values={values} errors={errors} />, 422);
    })
    .post('/:id/events', async (c) => {
      const id = c.req.param('id');
      const form = await c.req.parseBody({ all: true });
      const version = versionOf(form);
      if (version === null) return errorPage(c, { kind: 'validation', code: 'missing_version' }, id);
      const command = commandFromForm(form, signedIn(c));
      if (!command.ok) {
        if (field(form, 'type') !== 'discussion.record') return errorPage(c, { kind: 'validation', code: 'malformed_form' }, id);
        const loaded = await load(c);
        if (!loaded.ok) return errorPage(c, loaded.error);
        const values = Object.fromEntries(Object.keys(form).map((k) => [k, field(form, k)]));
        return renderPage(c, <DecidePage desk={c.var.desk} data={loaded.value} errors={command.errors} values={values} />, 400);
      }
      const result = await services.cases.send(signedIn(c), id, command.value, { ifMatch: version });
      return result.ok ? afterSuccess(c, id, form, command.value.type) : errorPage(c, result.error, id);
    });
}
