// The handlers of the accountability API (contracts in inquiries.routes.ts). Reads go through the case-read
// rule (an inquiry is part of its case's file); writes through the inquiry service, which decides the person.
import type { z } from 'zod';
import type { InquiryCommandSchema } from '../../machines/inquiry/inquiry.events.js';
import type { FaultRules } from '../../machines/inquiry/inquiry.rules.js';
import { inquiryStream, type InquiryStore } from '../../db/audit/inquiry-store.js';
import type { Services } from '../services.js';
import { answerProblem, apiRouter, respond } from '../http/openapi.js';
import { versionOf } from '../http/params.js';
import { canReadCaseRecord } from '../access/access-rules.js';
import { lookupCase, lookupInquiry, readableInquiries } from '../access/case-lookup.js';
import type { InquiryService } from './inquiry-service.js';
import {
  getInquiryRoute,
  groundsRoute,
  listInquiriesRoute,
  listInquiryEventsRoute,
  recordOutcomeRoute,
  sendInquiryEventRoute,
} from './inquiries.routes.js';

/** Grounds named in a command that the rules file does not define (a 400, checked before anything is loaded). */
function unknownGrounds(command: z.infer<typeof InquiryCommandSchema>, rules: FaultRules): string[] {
  const known = new Set(rules.exemptionGrounds.map((g) => g.code));
  const named =
    command.type === 'exemption.claim'
      ? command.grounds
      : command.type === 'inquiry.determine'
        ? command.allocations.flatMap((a) => a.grounds ?? [])
        : [];
  return named.filter((g) => !known.has(g));
}

/** The accountability API, mounted at /api/v1 behind bearer auth. */
export function inquiryApi(services: Services, deps: { inquiries: InquiryService; store: InquiryStore; rules: FaultRules }) {
  const stores = { cases: services.store, inquiries: deps.store };
  return apiRouter()
    .openapi(recordOutcomeRoute, async (c) => {
      const found = await lookupCase(services.store, c.var.user, c.req.valid('param').id);
      if (!found.ok) return answerProblem(c, found.error);
      return respond(c, await deps.inquiries.recordOutcome(c.var.user, found.value.id, c.req.valid('json')), 201);
    })
    .openapi(listInquiriesRoute, async (c) => {
      const q = c.req.valid('query');
      const rows = await readableInquiries(
        services.store,
        c.var.user,
        await deps.store.list({ caseId: q.caseId, status: q.state, limit: q.limit }),
      );
      const views = await Promise.all(rows.map((r) => deps.inquiries.view(c.var.user, r.id)));
      return c.json({ items: views.flatMap((v) => (v.ok ? [v.value] : [])) }, 200);
    })
    .openapi(groundsRoute, (c) =>
      c.json({ version: deps.rules.version, levels: deps.rules.levels, grounds: deps.rules.exemptionGrounds }, 200),
    )
    .openapi(getInquiryRoute, async (c) => {
      const found = await lookupInquiry(stores, c.var.user, c.req.valid('param').id);
      if (!found.ok) return answerProblem(c, found.error);
      return respond(c, await deps.inquiries.view(c.var.user, found.value.id), 200);
    })
    .openapi(sendInquiryEventRoute, async (c) => {
      const command = c.req.valid('json');
      const unknown = unknownGrounds(command, deps.rules);
      if (unknown.length > 0) {
        const detail = `Not a configured exemption ground: ${unknown.join(', ')}. See GET /api/v1/inquiries/grounds.`;
        return answerProblem(c, { kind: 'validation', code: 'unknown_ground', detail });
      }
      const found = await lookupInquiry(stores, c.var.user, c.req.valid('param').id);
      if (!found.ok) return answerProblem(c, found.error);
      return respond(c, await deps.inquiries.send(c.var.user, found.value.id, command, versionOf(c.req.valid('header')['if-match'])), 200);
    })
    .openapi(listInquiryEventsRoute, async (c) => {
      const withRefusals = c.req.valid('query').include === 'refused';
      const rule: Parameters<typeof lookupCase>[3] = (user, subject) => canReadCaseRecord(user, subject, withRefusals);
      const found = await lookupInquiry(stores, c.var.user, c.req.valid('param').id, rule);
      if (!found.ok) return answerProblem(c, found.error);
      return c.json({ items: await services.store.events(inquiryStream(found.value.id), withRefusals) }, 200);
    });
}
