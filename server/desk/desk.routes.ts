// The review desk's sub-app under /desk: stylesheet, then session and CSRF for every request, then the
// pages that work signed out (sign-in, language), then everything else behind a session.
import { Hono } from 'hono';
import type { Services } from '../services.js';
import type { SessionStore } from '../../db/users/session-store.js';
import { deskSession, requireCsrf, requireUser, type DeskEnv } from './session.js';
import { csrfRefusal, messagePage } from './render.js';
import { deskCss } from './desk-css.js';
import { authRoutes } from './routes/auth.routes.js';
import { pageRoutes } from './routes/pages.routes.js';
import { caseRoutes } from './routes/case.routes.js';
import { documentDeskRoutes } from './routes/document.routes.js';
import { documentStyles } from '../documents/document-page.js';
import { auditDesk } from './audit/audit-desk.routes.js';

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
export const deskExtensions: DeskExtension[] = [auditDesk];

/** Builds the /desk sub-app. */
export function deskRoutes(services: Services, sessions: SessionStore, options: DeskOptions) {
  const desk = new Hono<DeskEnv>();
  desk.get('/static/desk.css', (c) =>
    c.body(deskCss, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );
  desk.get('/static/documents.css', (c) => c.body(documentStyles, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  desk.use('*', deskSession(sessions, { secure: options.secure }));
  desk.use('*', requireCsrf(csrfRefusal));
  desk.route('/', authRoutes(services, sessions, { demo: options.demo }));
  desk.use('*', requireUser());
  desk.route('/', pageRoutes(services));
  desk.route('/cases', caseRoutes(services));
  desk.route('/cases', documentDeskRoutes(services));
  for (const extend of deskExtensions) extend(desk, services);
  desk.all('*', (c) => messagePage(c, 404, 'page_not_found', c.var.desk.t.errors.pageNotFound));
  return desk;
}
