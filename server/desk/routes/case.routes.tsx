// The case pages and their forms. Every POST becomes one `services.cases.send` with the form's case
// version as If-Match: the same rules, statuses and record as the API, and a refusal changes nothing.
import { Hono, type Context } from 'hono';
import type { CaseEventType } from '../../../machines/case/case.events.js';
import type { Services } from '../../services.js';
import { signedIn, type DeskEnv } from '../session.js';
import { loadCase } from '../case-data.js';
import { lookupCase } from '../../access/case-lookup.js';
import {
  commandFromForm,
  contentErrors,
  field,
  memberRows,
  reviewCommand,
  reviewValuesFromForm,
  versionOf,
  type FormBody,
} from '../form-commands.js';
import { errorPage, messagePage, renderPage } from '../render.js';
import { statusOf } from '../../http/problem.js';
import { doneNotice } from './pages.routes.js';
import { caseRefusal } from '../refusal.js';
import { stateLabel } from '../views/parts/case-table.js';
import { CasePage } from '../views/case.page.js';
import { DraftPage } from '../views/draft.page.js';
import { draftFromValues, valuesFromForm, valuesOfDraft } from '../draft-form.js';
import { ReviewPage } from '../views/review.page.js';
import { DecidePage } from '../views/decide.page.js';
import { serveEvidence } from '../../evidence/serve-evidence.js';
import { coercionKind } from '../../../machines/coercion/coercion.versions.js';
import { coercionHref } from '../coercion/coercion-desk.routes.js';

const reviewEvents: CaseEventType[] = ['review.approve', 'review.return', 'review.refer'];
const decideEvents: CaseEventType[] = ['decision.issue', 'discussion.record'];
const backTargets: Record<string, string> = { clerk: '/desk/clerk', head: '/desk/head', queue: '/desk' };

/** Where to go after an accepted form: the page named by `back`, else the case page. */
function afterSuccess(c: Context<DeskEnv>, caseId: string, form: FormBody, type: string): Response {
  const base = backTargets[field(form, 'back')] ?? `/desk/cases/${encodeURIComponent(caseId)}`;
  return c.redirect(`${base}?done=${encodeURIComponent(type)}`, 303);
}

/** To the case as it is now, saying the form opened is no longer available. */
const movedOn = (c: Context<DeskEnv>, caseId: string) => c.redirect(`/desk/cases/${encodeURIComponent(caseId)}?moved=1`, 303);

/** Routes under /desk/cases. */
export function caseRoutes(services: Services) {
  // The access module's case-read rule first (a case the user may not see is a 404, as a missing one).
  const load = async (c: Context<DeskEnv>) => {
    const found = await lookupCase(services.store, signedIn(c), c.req.param('id') ?? '');
    return found.ok ? loadCase(services, signedIn(c), found.value.id) : found;
  };
  return new Hono<DeskEnv>()
    .get('/new', (c) =>
      renderPage(c, <DraftPage desk={c.var.desk} title={c.var.desk.t.draftForm.openTitle} action="/desk/cases" values={{}} />),
    )
    .post('/', async (c) => {
      const values = valuesFromForm(await c.req.parseBody({ all: true }));
      const draft = draftFromValues(values);
      const title = c.var.desk.t.draftForm.openTitle;
      if (!draft.ok)
        return renderPage(c, <DraftPage desk={c.var.desk} title={title} action="/desk/cases" values={values} errors={draft.errors} />, 400);
      const opened = await services.cases.open(signedIn(c), draft.draft);
      if (!opened.ok) return errorPage(c, opened.error);
      return c.redirect(`/desk/cases/${encodeURIComponent(opened.value.id)}?done=draft.revise`, 303);
    })
    .get('/:id/draft', async (c) => {
      const loaded = await load(c);
      if (!loaded.ok) return errorPage(c, loaded.error);
      const { view } = loaded.value;
      if (!view.allowedEvents.includes('draft.revise')) {
        if (view.handlerId === signedIn(c).id) return movedOn(c, view.id);
        return errorPage(c, { kind: 'forbidden', code: 'not_handler' }, view.id);
      }
      const title = c.var.desk.t.draftForm.reviseTitle(view.title);
      const action = `/desk/cases/${encodeURIComponent(view.id)}/draft`;
      return renderPage(
        c,
        <DraftPage desk={c.var.desk} title={title} action={action} version={view.version} values={valuesOfDraft(loaded.value.draft)} />,
      );
    })
    .post('/:id/draft', async (c) => {
      const id = c.req.param('id');
      const form = await c.req.parseBody({ all: true });
      const version = versionOf(form);
      if (version === null) return errorPage(c, { kind: 'validation', code: 'missing_version' }, id);
      const values = valuesFromForm(form);
      const draft = draftFromValues(values);
      if (!draft.ok) {
        const loaded = await load(c);
        if (!loaded.ok) return errorPage(c, loaded.error);
        const title = c.var.desk.t.draftForm.reviseTitle(loaded.value.view.title);
        const action = `/desk/cases/${encodeURIComponent(id)}/draft`;
        return renderPage(
          c,
          <DraftPage desk={c.var.desk} title={title} action={action} version={version} values={values} errors={draft.errors} />,
          400,
        );
      }
      const result = await services.cases.send(signedIn(c), id, { type: 'draft.revise', draft: draft.draft }, { ifMatch: version });
      if (result.ok) return afterSuccess(c, id, form, 'draft.revise');
      return caseRefusal(c, services, result.error, id, { version });
    })
    .get('/:id', async (c) => {
      // A 查封扣押 case has its own page (queue rows and notifications link every kind here).
      const found = await lookupCase(services.store, signedIn(c), c.req.param('id'));
      if (found.ok && found.value.machineId === coercionKind) return c.redirect(coercionHref(found.value.id), 302);
      const loaded = await load(c);
      if (!loaded.ok) return errorPage(c, loaded.error);
      const moved =
        c.req.query('moved') === '1' ? c.var.desk.t.refusal.movedOn(stateLabel(c.var.desk, loaded.value.view.state)) : undefined;
      return renderPage(c, <CasePage desk={c.var.desk} data={loaded.value} notice={doneNotice(c) ?? moved} />);
    })
    .get('/:id/review', async (c) => {
      const loaded = await load(c);
      if (!loaded.ok) return errorPage(c, loaded.error);
      const { view } = loaded.value;
      if (!reviewEvents.some((e) => view.allowedEvents.includes(e))) {
        // Back after a submit, or the case moved on: the reviewer lands on the case as it is now.
        if (view.reviewerId === signedIn(c).id || (view.state !== 'inReview' && signedIn(c).roles.includes('reviewer')))
          return movedOn(c, view.id);
        return messagePage(c, 403, 'no_review_form', c.var.desk.t.errors.noReviewForm, view.id);
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
      if (!decideEvents.some((e) => loaded.value.view.allowedEvents.includes(e))) {
        if (signedIn(c).roles.includes('head')) return movedOn(c, loaded.value.view.id);
        return errorPage(c, { kind: 'forbidden', code: 'no_decide_form' }, loaded.value.view.id);
      }
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
      if (!errors || !loaded?.ok) return caseRefusal(c, services, result.error, id, { version, draftHash: field(form, 'draftHash') });
      return renderPage(c, <ReviewPage desk={c.var.desk} data={loaded.value} values={values} errors={errors} />, 422);
    })
    .post('/:id/events', async (c) => {
      const id = c.req.param('id');
      const form = await c.req.parseBody({ all: true });
      const version = versionOf(form);
      if (version === null) return errorPage(c, { kind: 'validation', code: 'missing_version' }, id);
      const command = commandFromForm(form, signedIn(c));
      const type = field(form, 'type');
      const values = Object.fromEntries(Object.keys(form).map((k) => [k, field(form, k)]));
      if (!command.ok) {
        // A content form missing a field comes back with the field marked; anything else malformed is refused.
        const onCase = command.errors.form === undefined && type !== 'discussion.record';
        if (type !== 'discussion.record' && !onCase) return errorPage(c, { kind: 'validation', code: 'malformed_form' }, id);
        const loaded = await load(c);
        if (!loaded.ok) return errorPage(c, loaded.error);
        if (onCase)
          return renderPage(c, <CasePage desk={c.var.desk} data={loaded.value} refused={{ type, errors: command.errors, values }} />, 400);
        return renderPage(c, <DecidePage desk={c.var.desk} data={loaded.value} errors={command.errors} values={values} />, 400);
      }
      const result = await services.cases.send(signedIn(c), id, command.value, { ifMatch: version });
      if (result.ok) return afterSuccess(c, id, form, command.value.type);
      // The machine refused what a decision or discussion says: the decide page again, the named fields marked.
      if (decideEvents.includes(command.value.type)) {
        const errors = contentErrors(result.error, memberRows(form));
        const loaded = errors ? await load(c) : null;
        if (errors && loaded?.ok)
          return renderPage(c, <DecidePage desk={c.var.desk} data={loaded.value} errors={errors} values={values} />, 422);
      } else {
        // The machine's content rule refused (a date out of order, the 7-day notice, a barred host): show the
        // form again, open, with the fields the rule named and what the user typed.
        const errors = contentErrors(result.error);
        const loaded = errors ? await load(c) : null;
        if (errors && loaded?.ok)
          return renderPage(
            c,
            <CasePage desk={c.var.desk} data={loaded.value} refused={{ type, errors, values }} />,
            statusOf(result.error.kind),
          );
      }
      // Otherwise explain the refusal by what changed (state, reviewer, draft), with a link to the fresh case.
      return caseRefusal(c, services, result.error, id, { version, draftHash: field(form, 'draftHash') || undefined });
    });
}
