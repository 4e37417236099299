// One middleware validates what a route declares (query, params, headers, JSON body) with the route's own zod
// schemas, in @hono/zod-openapi's order and with its answers. Why not its validators: they are one async
// middleware per part, each parsing asynchronously, the header one copying every header into an object, and the
// body one parsing the JSON text a second time after the body guard already did (a write through the router
// alone: 131 → 117 µs of CPU, docs/benchmark-notes.md). Invariant: the same schemas decide and the same hook
// answers; only the plumbing is shared.
import type { RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { parsedJsonBody } from './body-guards.js';

/** What a route's hook is handed, as @hono/zod-openapi hands it (its `Hook` type). */
type HookResult = { target: string; data: unknown } & ({ success: true } | { success: false; error: z.ZodError });
export type ValidationHook = (result: HookResult, c: Context) => Response | undefined | Promise<Response | undefined>;

type Part = { target: 'query' | 'param' | 'header' | 'json'; schema: z.ZodType; read: (c: Context) => unknown | Promise<unknown> };

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;
const mediaTypeOf = (contentType: string): string => contentType.split(';')[0]!.trim().toLowerCase();
const isZod = (schema: unknown): schema is z.ZodType => typeof schema === 'object' && schema !== null && '_zod' in schema;

/** The query as @hono/zod-openapi reads it: a repeated key becomes an array. */
function queryOf(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) out[key] = values.length === 1 ? values[0]! : values;
  return out;
}

/** Only the headers the schema declares, under the schema's own key (header names compare case-insensitively). */
function headerReader(schema: z.ZodType): (c: Context) => Record<string, string> {
  const names = Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? {});
  return (c) => {
    const out: Record<string, string> = {};
    for (const name of names) {
      const value = c.req.header(name);
      if (value !== undefined) out[name] = value;
    }
    return out;
  };
}

/** The JSON body: the value the body guard parsed, else the text parsed here; 400 when it is not JSON. */
async function jsonOf(c: Context): Promise<unknown> {
  const cached = parsedJsonBody(c);
  if (cached.found) return cached.value;
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw new HTTPException(400, { message: 'Malformed JSON in request body' });
  }
}

/** The parts `route` declares, in the order @hono/zod-openapi checks them; `json` also says whether it is required. */
function partsOf(route: RouteConfig): { parts: Part[]; body: { mediaTypes: string[]; json?: z.ZodType; required: boolean } | null } {
  const request = route.request;
  const parts: Part[] = [];
  if (request?.query) parts.push({ target: 'query', schema: request.query as z.ZodType, read: queryOf });
  if (request?.params) parts.push({ target: 'param', schema: request.params as z.ZodType, read: (c) => c.req.param() });
  if (request?.headers && isZod(request.headers))
    parts.push({ target: 'header', schema: request.headers, read: headerReader(request.headers) });
  const content = request?.body?.content;
  if (!content) return { parts, body: null };
  const mediaTypes = Object.keys(content);
  const schemaOf = (t: string): unknown => (content[t] as { schema?: unknown } | undefined)?.schema;
  const jsonType = mediaTypes.find((t) => jsonMediaType.test(t) && isZod(schemaOf(t)));
  if (!jsonType) return { parts, body: null };
  return { parts, body: { mediaTypes, json: schemaOf(jsonType) as z.ZodType, required: request?.body?.required === true } };
}

// @hono/zod-openapi's test of a request's Content-Type against a declared JSON media type.
const jsonRequestType = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/** Whether `contentType` is one of the declared media types. */
const declares = (mediaTypes: string[], contentType: string) =>
  mediaTypes.some((t) =>
    jsonMediaType.test(mediaTypeOf(t)) ? jsonRequestType.test(contentType) : mediaTypeOf(t) === mediaTypeOf(contentType),
  );

/**
 * The middleware validating `route`'s request; each valid part is handed to the handler as `c.req.valid(part)`.
 * The first invalid part goes to `hook` (the API's 400 problem), exactly as @hono/zod-openapi's validators would.
 */
export function requestValidation(route: RouteConfig, hook: ValidationHook): MiddlewareHandler {
  const { parts, body } = partsOf(route);
  const check = async (c: Context, target: Part['target'], schema: z.ZodType, value: unknown): Promise<Response | null> => {
    const result = schema.safeParse(value);
    const answer = await hook(
      result.success ? { target, data: value, success: true } : { target, data: value, success: false, error: result.error },
      c,
    );
    if (answer instanceof Response) return answer;
    if (!result.success) return c.json(result, 400);
    c.req.addValidatedData(target, result.data as object);
    return null;
  };
  return async (c, next) => {
    for (const part of parts) {
      const refused = await check(c, part.target, part.schema, await part.read(c));
      if (refused) return refused;
    }
    if (body) {
      const contentType = c.req.header('Content-Type');
      if (contentType !== undefined && !declares(body.mediaTypes, contentType))
        throw new HTTPException(415, { message: 'Unsupported Media Type' });
      if (contentType === undefined && (await c.req.text()).length > 0) throw new HTTPException(415, { message: 'Unsupported Media Type' });
      const isJson = contentType !== undefined && jsonMediaType.test(mediaTypeOf(contentType));
      if (isJson) {
        const refused = await check(c, 'json', body.json!, await jsonOf(c));
        if (refused) return refused;
      } else if (body.required) {
        // A required body sent without a JSON media type is validated as `{}`, as hono's validator does.
        const refused = await check(c, 'json', body.json!, {});
        if (refused) return refused;
      } else {
        c.req.addValidatedData('json', {});
      }
    }
    await next();
  };
}
