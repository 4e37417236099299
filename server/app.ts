// The Hono application: every API resource and the review desk, mounted explicitly over one services
// object; bearer auth on /api/v1 (except signing in); RFC 9457 problems for every error.
import { Hono } from 'hono';
import type { Services } from './services.js';
import { requireBearer, type AuthEnv } from './http/auth.js';
import { openApiDocument } from './http/openapi.js';
import { problem } from './http/problem.js';
import { authRoutes } from './users/auth.routes.js';
import { caseRoutes } from './cases/cases.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { caseDeadlineRoutes, deadlineRoutes } from './deadlines/deadlines.routes.js';
import { reportRoutes } from './reports/reports.routes.js';
import { auditCaseRoutes, auditRoutes } from './audit/audit.routes.js';
import { inquiryRoutes } from './audit/inquiries.routes.js';
import { deskRoutes } from './desk/desk.routes.js';
import { publicationPreviewRoutes, publicRoutes } from './public/public.routes.js';

/** The /api/v1 routes, behind bearer auth except `/auth`. */
function apiRoutes(services: Services) {
  const api = new Hono<AuthEnv>();
  api.route('/auth', authRoutes(services));
  api.use('*', requireBearer(services.users));
  api.route('/cases', caseRoutes(services));
  api.route('/cases', caseDeadlineRoutes(services));
  api.route('/cases', publicationPreviewRoutes(services));
  api.route('/calendar', calendarRoutes(services));
  api.route('/deadlines', deadlineRoutes(services));
  api.route('/reports', reportRoutes(services));
  api.route('/audit', auditRoutes(services, { signer: services.signer, checkpoints: services.checkpoints }));
  api.route('/', auditCaseRoutes(services));
  api.route('/', inquiryRoutes(services, { inquiries: services.inquiries, store: services.inquiryStore, rules: services.faultRules }));
  return api;
}

/** Builds the app over `services`. Desk cookies are Secure in production, where the desk sits behind HTTPS. */
export function createApp(services: Services) {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    await services.database.ping();
    return c.json({ status: 'ok' });
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/', (c) => c.redirect('/desk', 302));
  app.route('/desk', deskRoutes(services, services.sessions, { secure: services.env.NODE_ENV === 'production', demo: services.env.DEMO }));
  app.route('/api/v1', apiRoutes(services));
  app.route('/public', publicRoutes(services));

  app.notFound((c) =>
    problem(c, { kind: 'not_found', code: 'route_not_found', detail: `No route ${c.req.method} ${new URL(c.req.url).pathname}.` }),
  );
  app.onError((error, c) => {
    console.error('unhandled error', error);
    const body = {
      type: '/problems/internal',
      title: 'Internal error',
      status: 500,
      detail: 'The server failed; nothing was changed by this request unless it was acknowledged.',
    };
    return c.body(JSON.stringify(body), 500, { 'Content-Type': 'application/problem+json' });
  });
  return app;
}
