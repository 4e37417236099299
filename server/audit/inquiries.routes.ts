// Accountability routes: POST /cases/:id/outcomes records an adverse 复议/诉讼 outcome and opens an inquiry;
// /inquiries lists, shows and advances inquiries. Handlers read top to bottom: parse (400), call, map.
import { Hono } from 'hono';
import { z } from 'zod';
import { InquiryCommandSchema, OutcomeRecordSchema } from '../../machines/inquiry/inquiry.events.js';
import type { FaultRules } from '../../machines/inquiry/inquiry.rules.js';
import type { AuthEnv } from '../http/auth.js';
import type { Services } from '../services.js';
import { problem, validationProblem } from '../http/problem.js';
import { parseBody, respond } from '../http/read-json.js';
import { inquiryStream, type InquiryStore } from '../../db/audit/inquiry-store.js';
import type { InquiryService } from './inquiry-service.js';

const ListQuerySchema = z.object({
  caseId: z.string().max(100).optional(),
  state: z.enum(['open', 'determined', 'closed']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const IfMatchSchema = z
  .string()
  .regex(/^"?\d+"?$/, 'If-Match must be the inquiry version, an integer')
  .optional();

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

/** The accountability routes, mounted at /api/v1 behind bearer auth. */
export function inquiryRoutes(services: Services, deps: { inquiries: InquiryService; store: InquiryStore; rules: FaultRules }) {
  return new Hono<AuthEnv>()
    .post('/cases/:id/outcomes', async (c) => {
      const body = await parseBody(c, OutcomeRecordSchema);
      if (!body.ok) return body.response;
      return respond(c, await deps.inquiries.recordOutcome(c.var.user, c.req.param('id'), body.data), 201);
    })
    .get('/inquiries', async (c) => {
      const query = ListQuerySchema.safeParse(c.req.query());
      if (!query.success) return validationProblem(c, query.error.issues);
      const rows = await deps.store.list({ caseId: query.data.caseId, status: query.data.state, limit: query.data.limit });
      const views = await Promise.all(rows.map((r) => deps.inquiries.view(c.var.user, r.id)));
      return c.json({ items: views.flatMap((v) => (v.ok ? [v.value] : [])) });
    })
    .get('/inquiries/grounds', (c) =>
      c.json({ version: deps.rules.version, levels: deps.rules.levels, grounds: deps.rules.exemptionGrounds }),
    )
    .get('/inquiries/:id', async (c) => respond(c, await deps.inquiries.view(c.var.user, c.req.param('id'))))
    .post('/inquiries/:id/events', async (c) => {
      const ifMatch = IfMatchSchema.safeParse(c.req.header('If-Match'));
      if (!ifMatch.success) return validationProblem(c, ifMatch.error.issues);
      const body = await parseBody(c, InquiryCommandSchema);
      if (!body.ok) return body.response;
      const unknown = unknownGrounds(body.data, deps.rules);
      if (unknown.length > 0) {
        return problem(c, {
          kind: 'validation',
          code: 'unknown_ground',
          detail: `Not a configured exemption ground: ${unknown.join(', ')}. See GET /api/v1/inquiries/grounds.`,
        });
      }
      const version = ifMatch.data === undefined ? undefined : Number(ifMatch.data.replace(/"/g, ''));
      return respond(c, await deps.inquiries.send(c.var.user, c.req.param('id'), body.data, version));
    })
    .get('/inquiries/:id/events', async (c) => {
      const row = await deps.store.get(c.req.param('id'));
      if (!row) return problem(c, { kind: 'not_found', code: 'inquiry_not_found', detail: `No inquiry ${c.req.param('id')}.` });
      return c.json({ items: await services.store.events(inquiryStream(row.id), c.req.query('include') === 'refused') });
    });
}
