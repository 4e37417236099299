// The review desk's sub-app under /desk: stylesheet, then session, body guards and CSRF for every request,
// then the pages that work signed out (sign-in, language), then everything else behind a session.
import { Hono, type Context } from 'hono';
import type { Services } from '../services.js';
import type { SessionStore } from '../../db/users/session-store.js';
import { deskSession, requireCsrf, requireUser, type DeskEnv } from './session.js';
import { csrfRefusal, messagePage } from './render.js';
import { formBodies } from '../http/body-guards.js';
import { deskCss } from './desk-css.js';
import { counterJs } from './counter-js.js';
import { authRoutes } from './routes/auth.routes.js';
import { pageRoutes } from './routes/pages.routes.js';
import { caseRoutes } from './routes/case.routes.js';
import { documentDeskRoutes } from './routes/document.routes.js';
import { documentStyles } from '../documents/document-page.js';
import { auditDesk } from './audit/audit-desk.routes.js';
import { coercionDesk } from './coercion/coercion-desk.routes.js';
import { logCaseReads } from '../evidence/read-rule.js';
import { inboxRoutes } from './routes/inbox.routes.js';
import { staffRoutes } from './routes/staff.routes.js';

/** Options fixed at boot. */
export interface DeskOptions {
  /** Mark cookies Secure (production, behind HTTPS). */
  secure: boolean;
  /** Show the demo users on the sign-in page. */
  demo: boolean;
}

/**
 * Pages another module adds to the desk (e.g. the auditor's timeline). Each runs after the desk's own
 * routes, behind the same session, CSRF check and sign-in; push one at import time of your module.
 */
export type DeskExtension = (desk: Hono<DeskEnv>, services: Services) => void;
export const deskExtensions: DeskExtension[] = [auditDesk, coercionDesk];

/** The page for a form body refused before any route read it (400 malformed, 413 too large). */
function formRefusal(c: Context<DeskEnv>, status: 400 | 413, code: string): Promise<Response> {
  const { t } = c.var.desk;
  return messagePage(c, status, code, status === 413 ? t.errors.tooLarge : t.errors.validation);
}

/** Builds the /desk sub-app. */
export function deskRoutes(services: Services, sessions: SessionStore, options: DeskOptions) {
  const desk = new Hono<DeskEnv>();
  desk.get('/static/desk.css', (c) =>
    c.body(deskCss, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );
  desk.get('/static/counter.js', (c) =>
    c.body(counterJs, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );
  desk.get('/static/documents.css', (c) => c.body(documentStyles, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  desk.use('*', deskSession(sessions, { secure: options.secure }));
  // Before the CSRF check reads the form: a body too large or a form that does not parse is a refusal page.
  desk.use('*', ...formBodies((c, status, code) => formRefusal(c as Context<DeskEnv>, status, code)));
  desk.use('*', requireCsrf(csrfRefusal));
  desk.route('/', authRoutes(services, sessions, { demo: options.demo }));
  desk.use('*', requireUser());
  desk.use(
    '*',
    logCaseReads(services.readLog, {
      channel: 'desk',
      trustedProxyHops: services.policy.signIn.trustedProxyHops,
      userOf: (c) => c.var.desk.user,
    }),
  );
  desk.route('/', pageRoutes(services));
  desk.route('/cases', caseRoutes(services));
  desk.route('/cases', documentDeskRoutes(services));
  desk.route('/', inboxRoutes(services));
  desk.route('/', staffRoutes(services));
  for (const extend of deskExtensions) extend(desk, services);
  desk.all('*', (c) => messagePage(c, 404, 'page_not_found', c.var.desk.t.errors.pageNotFound));
  return desk;
}
