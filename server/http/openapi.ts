// Contract-first API plumbing: every /api/v1 router is an OpenAPIHono whose routes are declared with
// `createRoute` (request and response schemas in zod, an operationId each), whose validation failures answer
// our RFC 9457 400 problem, and from whose registry /openapi.json is generated (OpenAPI 3.1.0).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import type { Env, Handler, MiddlewareHandler, TypedResponse } from 'hono';
import { requestValidation, type ValidationHook } from './request-validation.js';
import type { AuthEnv } from './auth.js';
import { problem, validationProblem, type Issue, type ProblemError } from './problem.js';
import { ProblemSchema } from './problem.schema.js';
import type { Result } from '../shared/result.js';

/** The API's answer to a request part its schema refuses: the 400 problem. */
const refuseInvalid: ValidationHook = (result, c) => {
  if (!result.success) return validationProblem(c, result.error.issues);
};

/**
 * A new router for API routes; invalid params, query, headers or body answer the 400 problem. `openapi()`
 * registers the contract as @hono/zod-openapi does and validates with one middleware (request-validation.ts).
 */
export function apiRouter<E extends Env = AuthEnv>() {
  const router = new OpenAPIHono<E>();
  const openapi: (...args: Parameters<typeof router.openapi>) => unknown = ({ middleware, hide, ...route }, handler, hook) => {
    if (!hide) router.openAPIRegistry.registerPath(route);
    const before = middleware === undefined ? [] : Array.isArray(middleware) ? middleware : [middleware];
    const validate = requestValidation(route, (hook as ValidationHook | undefined) ?? refuseInvalid);
    router.on(
      [route.method],
      [route.path.replaceAll(/\/{(.+?)}/g, '/:$1')],
      ...(before as MiddlewareHandler[]),
      validate,
      handler as Handler,
    );
    return router;
  };
  router.openapi = openapi as typeof router.openapi;
  return router;
}

/**
 * A problem response. Typed as fitting any declared problem status of the route (`never` brands), because
 * which one it is is decided at run time by the error kind; the declared responses list the possible ones.
 */
export type ProblemAnswer = Response & TypedResponse<never, never, 'json'>;

/** Answers with the problem for `error` (see problem.ts), typed for an OpenAPI handler. */
export const answerProblem = (c: Parameters<typeof problem>[0], error: ProblemError): ProblemAnswer => problem(c, error) as ProblemAnswer;

/** The 400 problem for `issues`, typed for an OpenAPI handler. */
export const answerValidation = (c: Parameters<typeof problem>[0], issues: Issue[]): ProblemAnswer =>
  validationProblem(c, issues) as ProblemAnswer;

type ProblemResponse = { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } };

const problemDescriptions: Record<number, string> = {
  400: 'Malformed request (`/problems/malformed-request`, with `errors`)',
  401: 'A valid bearer token is required',
  403: 'Refused: an access rule (server/access) or the machine refused this person',
  404: 'No such resource, or one the caller may not know of',
  409: 'Stale version or draft hash (`currentVersion`, `currentDraftHash`)',
  413: 'Body larger than the limit (`/problems/payload-too-large`)',
  415: 'Body not JSON (`/problems/unsupported-media-type`)',
  422: 'Not allowed in the current state (`allowedEvents`), or content refused (`reason`, `fields`)',
  423: 'Account locked (`retryAfterSeconds`)',
  429: 'Too many attempts (`retryAfterSeconds`)',
};

/** The declared problem responses for `statuses` (every API route also has 401 unless it is public). */
export function problems<S extends number>(...statuses: S[]): Record<S, ProblemResponse> {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: problemDescriptions[s] ?? 'RFC 9457 problem', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  ) as Record<S, ProblemResponse>;
}

/** A JSON response declaration. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body declaration. */
export const jsonBody = <T extends z.ZodType>(schema: T, required = true) => ({
  required,
  content: { 'application/json': { schema } },
});

/** The value as JSON with `status`, or the error as a problem. */
export function respond<T extends object, S extends 200 | 201>(c: Parameters<typeof problem>[0], result: Result<T>, status: S) {
  return result.ok ? c.json(result.value, status) : answerProblem(c, result.error);
}

/** The OpenAPI 3.1 document of `app` (the root app, so every path carries its /api/v1 prefix). */
export function openApiDocument(app: OpenAPIHono<Env>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Legal review engine (重大执法决定法制审核)',
      version: '1.0.0',
      description: 'Errors are RFC 9457 problems (`application/problem+json`); see docs/access.md for who may call what.',
    },
    security: [{ bearer: [] }],
  });
}
