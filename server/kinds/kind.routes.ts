// The contracts every major-decision kind's API shares (/api/v1/<kind>-cases): open a case, read it, send an
// event. Each kind passes its draft, command and view schemas and its texts; operationIds and schema ids keep
// the kind's name (openCoercionCase, CoercionCase, …), so the OpenAPI document is the kind's own.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IsoDateSchema } from '../../machines/case/legal-dates.js';
import { IdempotencyKeySchema, IdParamsSchema, IfMatchSchema } from '../http/params.js';
import { jsonBody, jsonResponse, problems } from '../http/openapi.js';

/** The fields every kind's case view carries before its own (`kind` is the kind's literal). */
export const kindViewFields = (kind: string) => ({
  id: z.string(),
  kind: z.literal(kind),
  machine: z.object({ kind: z.string(), version: z.number() }),
  title: z.string(),
  state: z.string(),
  stateValue: z.unknown(),
  version: z.number().int(),
  major: z.object({ isMajor: z.boolean(), reasons: z.array(z.string()) }),
  draft: z.object({ version: z.number().int(), hash: z.string() }).loose(),
  allowedEvents: z.array(z.string()),
  handlerId: z.string(),
  reviewerId: z.string().nullable(),
  review: z.unknown(),
  decision: z.unknown(),
});

/** One clock of a kind's case view; `kinds` are the kind's clock names. */
export const kindClockSchema = (kinds: [string, ...string[]]) =>
  z.object({
    kind: z.enum(kinds),
    startsOn: z.string(),
    dueOn: z.string(),
    provisional: z.boolean(),
    done: z.boolean(),
    overdue: z.boolean(),
    basis: z.string(),
  });

/** What a kind tells the shared contracts. */
export interface KindRouteSpec {
  /** The kind's name in operationIds and schema ids, e.g. `Coercion`. */
  name: string;
  draft: z.ZodObject;
  command: z.ZodType;
  view: z.ZodType;
  text: { answer: string; open: string; get: string; send: string };
}

/** The three contracts of a kind: open (201), read (200, 404 for another kind), send an event (200). */
export function createKindRoutes(spec: KindRouteSpec) {
  const { name, text } = spec;
  const opening = spec.draft
    .extend({ openedOn: IsoDateSchema.optional().meta({ description: 'The 立案 date (default today); never in the future' }) })
    .meta({ id: `Open${name}Case` });
  const command = spec.command.meta({ id: `${name}Command` });
  const ok = jsonResponse(spec.view, text.answer);
  const open = createRoute({
    method: 'post',
    path: '/',
    operationId: `open${name}Case`,
    summary: text.open,
    request: { headers: z.object({ 'idempotency-key': IdempotencyKeySchema }), body: jsonBody(opening) },
    responses: { 201: ok, ...problems(400, 401, 403, 413, 415, 422) },
  });
  const get = createRoute({
    method: 'get',
    path: '/{id}',
    operationId: `get${name}Case`,
    summary: text.get,
    request: { params: IdParamsSchema },
    responses: { 200: ok, ...problems(400, 401, 404) },
  });
  const send = createRoute({
    method: 'post',
    path: '/{id}/events',
    operationId: `send${name}Event`,
    summary: text.send,
    request: {
      params: IdParamsSchema,
      headers: z.object({ 'if-match': IfMatchSchema, 'idempotency-key': IdempotencyKeySchema }),
      body: jsonBody(command),
    },
    responses: { 200: ok, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
  });
  return { open, get, send };
}
export type KindRoutes = ReturnType<typeof createKindRoutes>;
