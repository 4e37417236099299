// /api/v1/cases: open cases, revise drafts, send events, read cases and their record.
// Each handler reads top to bottom: parse (400), call the case service, map the result.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { CaseCommandSchema } from '../../machines/case/case.events.js';
import { DraftContentSchema } from '../../machines/case/draft.schema.js';
import { IsoDateSchema } from '../../machines/case/legal-dates.js';
import type { AuthEnv } from '../http/auth.js';
import type { Services } from '../services.js';
import { problem, validationProblem } from '../http/problem.js';
import { parseBody, respond } from '../http/read-json.js';

export const CaseListQuerySchema = z.object({
  state: z.string().max(50).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const HeadersSchema = z.object({
  'if-match': z
    .string()
    .regex(/^"?\d+"?$/, 'If-Match must be the case version, an integer')
    .optional(),
  'idempotency-key': z.string().min(1).max(200).optional(),
});

function parseHeaders(c: Context) {
  return HeadersSchema.safeParse({ 'if-match': c.req.header('If-Match'), 'idempotency-key': c.req.header('Idempotency-Key') });
}

/** 立案: the first draft, and the 立案 date when it is earlier than today (a legal date entered later). */
export const OpenCaseSchema = DraftContentSchema.extend({ openedOn: IsoDateSchema.optional() });

/** The Idempotency-Key of a request, bound to its route and body (IETF draft: a key means one request). */
const keyed = (key: string | undefined, route: string, body: unknown) => (key ? { key, route, body } : undefined);

/** The case routes, mounted under /api/v1/cases behind bearer auth. */
export function caseRoutes(services: Services) {
  return new Hono<AuthEnv>()
    .post('/', async (c) => {
      const headers = parseHeaders(c);
      if (!headers.success) return validationProblem(c, headers.error.issues);
      const body = await parseBody(c, OpenCaseSchema);
      if (!body.ok) return body.response;
      const { openedOn, ...draft } = body.data;
      const key = keyed(headers.data['idempotency-key'], 'POST /cases', body.data);
      return respond(c, await services.cases.open(c.var.user, draft, key, openedOn), 201);
    })
    .get('/', async (c) => {
      const query = CaseListQuerySchema.safeParse(c.req.query());
      if (!query.success) return validationProblem(c, query.error.issues);
      const { state, mine, limit } = query.data;
      const me = c.var.user.id;
      const rows =
        mine === 'true'
          ? [
              ...(await services.store.list({ status: state, handlerId: me, limit })),
              ...(await services.store.list({ status: state, reviewerId: me, limit })),
            ]
          : await services.store.list({ status: state, limit });
      const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
      return c.json({ items: await services.cases.views(c.var.user, unique) });
    })
    .get('/:id', async (c) => respond(c, await services.cases.view(c.var.user, c.req.param('id'))))
    .put('/:id/draft', async (c) => {
      const headers = parseHeaders(c);
      if (!headers.success) return validationProblem(c, headers.error.issues);
      const body = await parseBody(c, DraftContentSchema);
      if (!body.ok) return body.response;
      const ifMatch = headers.data['if-match'];
      return respond(
        c,
        await services.cases.send(
          c.var.user,
          c.req.param('id'),
          { type: 'draft.revise', draft: body.data },
          {
            ifMatch: ifMatch === undefined ? undefined : Number(ifMatch.replace(/"/g, '')),
            idempotency: keyed(headers.data['idempotency-key'], 'PUT /cases/:id/draft', body.data),
          },
        ),
      );
    })
    .post('/:id/events', async (c) => {
      const headers = parseHeaders(c);
      if (!headers.success) return validationProblem(c, headers.error.issues);
      const body = await parseBody(c, CaseCommandSchema);
      if (!body.ok) return body.response;
      const ifMatch = headers.data['if-match'];
      return respond(
        c,
        await services.cases.send(c.var.user, c.req.param('id'), body.data, {
          ifMatch: ifMatch === undefined ? undefined : Number(ifMatch.replace(/"/g, '')),
          idempotency: keyed(headers.data['idempotency-key'], 'POST /cases/:id/events', body.data),
        }),
      );
    })
    .get('/:id/events', async (c) => {
      const found = await services.store.get(c.req.param('id'));
      if (!found) return problem(c, { kind: 'not_found', code: 'case_not_found', detail: `No case ${c.req.param('id')}.` });
      const includeRefused = c.req.query('include') === 'refused';
      return c.json({ items: await services.store.events(found.id, includeRefused) });
    })
    .get('/:id/drafts', async (c) => {
      const found = await services.store.get(c.req.param('id'));
      if (!found) return problem(c, { kind: 'not_found', code: 'case_not_found', detail: `No case ${c.req.param('id')}.` });
      return c.json({ items: await services.store.drafts(found.id) });
    });
}
