// The Hono application: every API resource and the review desk, mounted explicitly over one services
// object; security headers on every answer; body guards and bearer auth on /api/v1 (except signing in);
// RFC 9457 problems for every error. /openapi.json is generated from the routes mounted here.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Services } from './services.js';
import { requireBearer, type AuthEnv } from './http/auth.js';
import { jsonBodies } from './http/body-guards.js';
import { apiRouter, jsonResponse, openApiDocument } from './http/openapi.js';
import { problem, type ProblemError } from './http/problem.js';
import { securityHeaders } from './http/security-headers.js';
import { problemPages } from './http/problems/problem-pages.js';
import { revokeApi, tokenApi } from './users/auth.handlers.js';
import { caseApi } from './cases/cases.handlers.js';
import { coercionApi } from './coercion/coercion.handlers.js';
import { licenceApi } from './licence/licence.handlers.js';
import { executionApi } from './execution/execution.handlers.js';
import { machineApi } from './machines/machines.handlers.js';
import { documentApi } from './cases/documents.handlers.js';
import { calendarApi } from './calendar/calendar.handlers.js';
import { caseDeadlineApi, deadlineApi } from './deadlines/deadlines.handlers.js';
import { reportApi } from './reports/reports.handlers.js';
import { auditApi, auditCaseApi } from './audit/audit.handlers.js';
import { inquiryApi } from './audit/inquiries.handlers.js';
import { deskRoutes } from './desk/desk.routes.js';
import { apiReadLog, evidenceApi, isEvidenceUpload } from './evidence/evidence.handlers.js';
import { publicationPreviewApi, publicApi } from './public/public.handlers.js';
import { unitApi } from './units/units.handlers.js';
import { unitReportApi } from './reports/unit-reports.routes.js';
import { webhookApi } from './webhooks/webhooks.handlers.js';
import { registerWebhookDocs } from './webhooks/webhook-openapi.js';
import { notificationApi } from './notifications/notifications.routes.js';

/** The /api/v1 routes: body guards for all, then signing in, then bearer auth for everything else. */
function apiRoutes(services: Services) {
  const api = apiRouter<AuthEnv>();
  api.use('*', ...jsonBodies(isEvidenceUpload));
  api.route('/auth', tokenApi(services));
  api.use('*', requireBearer(services.users));
  api.use('*', apiReadLog(services));
  api.route('/', evidenceApi(services));
  api.route('/auth', revokeApi(services));
  api.route('/cases', caseApi(services));
  api.route('/cases', caseDeadlineApi(services));
  api.route('/cases', documentApi(services));
  api.route('/cases', publicationPreviewApi(services));
  api.route('/coercion-cases', coercionApi(services));
  api.route('/licence-cases', licenceApi(services));
  api.route('/execution-cases', executionApi(services));
  api.route('/', machineApi(services));
  api.route('/calendar', calendarApi(services));
  api.route('/deadlines', deadlineApi(services));
  api.route('/reports', reportApi(services));
  api.route('/reports', unitReportApi(services));
  api.route('/audit', auditApi(services, { signer: services.signer, checkpoints: services.checkpoints }));
  api.route('/', auditCaseApi(services));
  api.route('/', unitApi(services));
  api.route('/webhooks', webhookApi(services));
  api.route('/notifications', notificationApi(services));
  api.route('/', inquiryApi(services, { inquiries: services.inquiries, store: services.inquiryStore, rules: services.faultRules }));
  return api;
}

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'health',
  summary: 'Alive, and the database answers',
  security: [],
  responses: { 200: jsonResponse(z.object({ status: z.literal('ok') }), 'Alive') },
});

/** A thrown HTTPException (a library's refusal, e.g. a validator's) as our problem; anything else is a 500. */
function errorProblem(error: Error): ProblemError | null {
  if (!(error instanceof HTTPException)) return null;
  const kinds: Record<number, ProblemError['kind']> = { 413: 'payload_too_large', 415: 'unsupported_media_type' };
  const kind = kinds[error.status] ?? (error.status === 401 ? 'unauthorized' : 'validation');
  const code = kind === 'validation' ? 'malformed_request' : kind;
  return { kind, code, detail: error.message || 'The request was refused.' };
}

function internalError(c: Context, error: Error): Response {
  const known = errorProblem(error);
  if (known) return problem(c, known);
  console.error('unhandled error', error);
  return problem(c, {
    kind: 'internal',
    code: 'internal',
    detail: 'The server failed; nothing was changed by this request unless it was acknowledged.',
  });
}

/** Builds the app over `services`. Desk cookies are Secure in production, where the desk sits behind HTTPS. */
export function createApp(services: Services) {
  const app = new OpenAPIHono();
  app.use('*', securityHeaders());
  app.openapi(healthRoute, async (c) => {
    await services.database.ping();
    return c.json({ status: 'ok' as const }, 200);
  });
  app.get('/', (c) => c.redirect('/desk', 302));
  app.route('/problems', problemPages());
  app.route('/desk', deskRoutes(services, services.sessions, { secure: services.env.NODE_ENV === 'production', demo: services.env.DEMO }));
  app.route('/api/v1', apiRoutes(services));
  app.route('/public', publicApi(services));
  // Generated once, after every route above is mounted (mounting copies the routers' contracts into `app`).
  registerWebhookDocs(app);
  const document = openApiDocument(app);
  app.get('/openapi.json', (c) => c.json(document));

  app.notFound((c) =>
    problem(c, { kind: 'not_found', code: 'route_not_found', detail: `No route ${c.req.method} ${new URL(c.req.url).pathname}.` }),
  );
  app.onError((error, c) => internalError(c, error));
  return app;
}
