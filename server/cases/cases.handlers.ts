// The handlers of /api/v1/cases (contracts in cases.routes.ts). Each reads top to bottom: the validated
// request, the access rule or the case service, the answer. Writes go through `services.cases` only.
import type { Services } from '../services.js';
import { answerProblem, apiRouter, respond } from '../http/openapi.js';
import { versionOf } from '../http/params.js';
import { canReadCaseRecord } from '../access/access-rules.js';
import { lookupCase, readableCases } from '../access/case-lookup.js';
import { getCase, listCaseEvents, listCases, listDrafts, openCase, reviseDraft, sendEvent } from './cases.routes.js';

/** The Idempotency-Key of a request, bound to its route and body (IETF draft: a key means one request). */
const keyed = (key: string | undefined, route: string, body: unknown) => (key ? { key, route, body } : undefined);

/** The case API, mounted under /api/v1/cases behind bearer auth. */
export function caseApi(services: Services) {
  const { cases, store } = services;
  return apiRouter()
    .openapi(openCase, async (c) => {
      const draft = c.req.valid('json');
      const key = c.req.valid('header')['idempotency-key'];
      return respond(c, await cases.open(c.var.user, draft, keyed(key, 'POST /cases', draft)), 201);
    })
    .openapi(listCases, async (c) => {
      const { state, mine, limit } = c.req.valid('query');
      const me = c.var.user.id;
      const rows =
        mine === 'true'
          ? [
              ...(await store.list({ status: state, handlerId: me, limit })),
              ...(await store.list({ status: state, reviewerId: me, limit })),
            ]
          : await store.list({ status: state, limit });
      const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
      return c.json({ items: await cases.views(c.var.user, readableCases(c.var.user, unique)) }, 200);
    })
    .openapi(getCase, async (c) => {
      // The hottest read: the view comes from the case cache; the service asks canReadCase of the cached row.
      return respond(c, await cases.view(c.var.user, c.req.valid('param').id), 200);
    })
    .openapi(reviseDraft, async (c) => {
      const draft = c.req.valid('json');
      const headers = c.req.valid('header');
      const options = {
        ifMatch: versionOf(headers['if-match']),
        idempotency: keyed(headers['idempotency-key'], 'PUT /cases/:id/draft', draft),
      };
      return respond(c, await cases.send(c.var.user, c.req.valid('param').id, { type: 'draft.revise', draft }, options), 200);
    })
    .openapi(sendEvent, async (c) => {
      const command = c.req.valid('json');
      const headers = c.req.valid('header');
      const options = {
        ifMatch: versionOf(headers['if-match']),
        idempotency: keyed(headers['idempotency-key'], 'POST /cases/:id/events', command),
      };
      return respond(c, await cases.send(c.var.user, c.req.valid('param').id, command, options), 200);
    })
    .openapi(listCaseEvents, async (c) => {
      const withRefusals = c.req.valid('query').include === 'refused';
      const rule = (user: typeof c.var.user, subject: Parameters<typeof canReadCaseRecord>[1]) =>
        canReadCaseRecord(user, subject, withRefusals);
      const found = await lookupCase(store, c.var.user, c.req.valid('param').id, rule);
      if (!found.ok) return answerProblem(c, found.error);
      return c.json({ items: await store.events(found.value.id, withRefusals) }, 200);
    })
    .openapi(listDrafts, async (c) => {
      const found = await lookupCase(store, c.var.user, c.req.valid('param').id);
      if (!found.ok) return answerProblem(c, found.error);
      return c.json({ items: await store.drafts(found.value.id) }, 200);
    });
}
