// The handlers of /api/v1/cases (contracts in cases.routes.ts). Each reads top to bottom: the validated
// request, the access rule or the case service, the answer. Writes go through `services.cases` only.
import type { Services } from '../services.js';
import { answerProblem, apiRouter, respond } from '../http/openapi.js';
import { versionOf } from '../http/params.js';
import { answerWrite } from '../http/prefer-answer.js';
import { representationOf } from '../http/prefer.js';
import { canReadCaseRecord } from '../access/access-rules.js';
import { lookupCase } from '../access/case-lookup.js';
import type { CaseQuery } from '../../db/cases/case-queue-store.js';
import { chinaDate } from '../deadlines/deadline-rules.js';
import { casePage } from './case-queue.js';
import type { z } from 'zod';
import {
  type CaseListQuerySchema,
  getCase,
  listCaseEvents,
  listCases,
  listDrafts,
  openCase,
  reviseDraft,
  sendEvent,
} from './cases.routes.js';

/** The Idempotency-Key of a request, bound to its route and body (IETF draft: a key means one request). */
const keyed = (key: string | undefined, route: string, body: unknown) => (key ? { key, route, body } : undefined);

/** The store query of the list's parameters, for the person `me` on the China date `today`. */
function caseQueryOf(p: z.infer<typeof CaseListQuerySchema>, me: string, today: string): CaseQuery {
  return {
    today,
    q: p.q,
    states: p.state?.split(','),
    deadline: p.deadline,
    major: p.major === undefined ? undefined : p.major === 'true',
    from: p.from,
    to: p.to,
    involves: p.mine === 'true' ? me : undefined,
    actedBy: p.history === 'true' ? me : undefined,
  };
}

/** The case API, mounted under /api/v1/cases behind bearer auth. */
export function caseApi(services: Services) {
  const { cases, store } = services;
  return apiRouter()
    .openapi(openCase, async (c) => {
      const body = c.req.valid('json');
      const { openedOn, ...draft } = body;
      const { 'idempotency-key': key, prefer } = c.req.valid('header');
      const representation = representationOf(prefer);
      const opened = await cases.open(c.var.user, draft, keyed(key, 'POST /cases', body), openedOn, representation);
      return answerWrite(c, opened, 201, prefer, representation);
    })
    .openapi(listCases, async (c) => {
      const params = c.req.valid('query');
      const page = await casePage({ queue: services.queue, views: (u, rows) => cases.views(u, rows) }, c.var.user, {
        query: caseQueryOf(params, c.var.user.id, chinaDate(services.now())),
        order: params.order ?? 'updated',
        limit: params.limit ?? 50,
        cursor: params.cursor,
      });
      if (!page.ok) return answerProblem(c, page.error);
      return c.json({ items: page.value.views, nextCursor: page.value.nextCursor }, 200);
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
        representation: representationOf(headers.prefer),
      };
      const sent = await cases.send(c.var.user, c.req.valid('param').id, { type: 'draft.revise', draft }, options);
      return answerWrite(c, sent, 200, headers.prefer, options.representation);
    })
    .openapi(sendEvent, async (c) => {
      const command = c.req.valid('json');
      const headers = c.req.valid('header');
      const options = {
        ifMatch: versionOf(headers['if-match']),
        idempotency: keyed(headers['idempotency-key'], 'POST /cases/:id/events', command),
        representation: representationOf(headers.prefer),
      };
      const sent = await cases.send(c.var.user, c.req.valid('param').id, command, options);
      return answerWrite(c, sent, 200, headers.prefer, options.representation);
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
