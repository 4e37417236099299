// Request and response helpers shared by the JSON routes: a malformed body is a 400, never a 500,
// and a domain result becomes either the value or an RFC 9457 problem.
import type { Context } from 'hono';
import type { z } from 'zod';
import { problem, validationProblem } from './problem.js';
import type { Result } from '../shared/result.js';

/** `{ok: true, value}` for a JSON body, `{ok: false}` when it is missing or not JSON. */
export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false };
  }
}

/** Reads and validates a JSON body; the failure carries the 400 problem response. */
export async function parseBody<T>(c: Context, schema: z.ZodType<T>): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  const body = await readJson(c);
  if (!body.ok) return { ok: false, response: validationProblem(c, [{ path: [], message: 'the body must be JSON' }]) };
  const parsed = schema.safeParse(body.value);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: validationProblem(c, parsed.error.issues) };
}

/** The value as JSON (200 or 201), or the error as a problem. */
export function respond<T>(c: Context, result: Result<T>, status: 200 | 201 = 200): Response {
  return result.ok ? c.json(result.value as object, status) : problem(c, result.error);
}
