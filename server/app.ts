// The Hono application: one sub-app per resource, bearer auth on /api/v1, problems for every error.
import { Hono } from 'hono';
import type { Services } from './services.js';
import { requireBearer, type AuthEnv } from './http/auth.js';
import { authRoutes } from './users/auth.routes.js';
import { caseRoutes } from './cases/cases.routes.js';
import { openApiDocument } from './http/openapi.js';
import { problem } from './http/problem.js';

/**
 * Extra routes a module mounts (UI, deadlines, audit) without editing this file's core: `app` for
 * pages, `api` for /api/v1 routes that already sit behind bearer auth.
 */
export type Mount = (target: { app: Hono; api: Hono<AuthEnv> }, services: Services) => void;

/** Builds the app over `services`; `mounts` add further routes. */
export function createApp(services: Services, mounts: Mount[] = []) {
  const app = new Hono();
  const api = new Hono<AuthEnv>();
  api.route('/auth', authRoutes(services));
  api.use('*', requireBearer(services.users));
  api.route('/cases', caseRoutes(services));

  app.get('/healthz', async (c) => {
    await services.database.client.execute('SELECT 1');
    return c.json({ status: 'ok' });
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  for (const mount of mounts) mount({ app, api }, services);
  app.route('/api/v1', api);

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
