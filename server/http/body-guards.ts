// What a request body must be before any route reads it. API: at most `maxBytes` (413), JSON if present
// (415), well-formed JSON (400). Desk forms: at most `maxBytes`, and a form that parses (400), so a
// malformed multipart body is a refusal page, never a thrown error. Every refusal is an answer, not a throw.
// No text may carry U+0000 (URL, JSON strings, form fields): PostgreSQL cannot store or compare it, so both
// backends refuse it here alike (400) instead of one of them failing deep in a query.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { problem, validationProblem } from './problem.js';

/** The largest body the API or the desk reads (1 MiB: a draft is at most a few hundred KB of text). */
export const maxBodyBytes = 1024 * 1024;

const jsonType = /^application\/([\w.-]+\+)?json\s*(;.*)?$/i;
const formType = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;
// Only GET and HEAD are read without their body; every other method (OPTIONS and DELETE included) is checked.
const bodiless = new Set(['GET', 'HEAD']);

/** Whether the path or query carries a NUL character (a raw one is percent-encoded by the URL parser). */
const nulInUrl = (c: Context): boolean => c.req.url.includes('%00');

/** Whether a string of `value` (parsed JSON or a form), or a key, holds U+0000; a loop, so no depth overflows the stack. */
export function containsNul(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\0')) return true;
    } else if (v !== null && typeof v === 'object' && !(v instanceof Blob)) {
      for (const [key, item] of Object.entries(v)) {
        if (key.includes('\0')) return true;
        stack.push(item);
      }
    }
  }
  return false;
}

const nulDetail = 'text must not contain the NUL character (U+0000)';

/** The JSON value each checked request carried, so the route's validation does not parse the text again. */
const parsedBodies = new WeakMap<Request, unknown>();

/** The JSON body `jsonBodies` parsed for this request, if it did. */
export function parsedJsonBody(c: Context): { found: true; value: unknown } | { found: false } {
  return parsedBodies.has(c.req.raw) ? { found: true, value: parsedBodies.get(c.req.raw) } : { found: false };
}

/** The 413 problem. */
function tooLarge(c: Context, maxBytes: number): Response {
  return problem(c, { kind: 'payload_too_large', code: 'payload_too_large', detail: `The body is larger than ${maxBytes} bytes.` });
}

/**
 * `bodyLimit`, answered from the `Content-Length` header when the request declares one: hono's middleware
 * reads `c.req.raw.body`, which makes @hono/node-server build a full fetch `Request` for every request
 * (about 9% of the server's CPU under load). Node's HTTP parser ends a body at its declared length, so the
 * header is a bound, not a claim; chunked bodies still go through hono's counting reader.
 */
function limitBody(maxBytes: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counting = bodyLimit({ maxSize: maxBytes, onError });
  return async (c, next) => {
    if (bodiless.has(c.req.method)) return next();
    const declared = c.req.header('Content-Length');
    if (declared === undefined || c.req.header('Transfer-Encoding') !== undefined) return counting(c, next);
    return Number.parseInt(declared, 10) > maxBytes ? onError(c) : next();
  };
}

/**
 * Refuses API bodies over `maxBytes` (413), of another media type than JSON (415), or not well-formed JSON
 * (400). Requests `streamed` names (file uploads) pass untouched: their route streams the body and enforces
 * its own limits, so it is never read into memory here.
 */
export function jsonBodies(streamed: (c: Context) => boolean = () => false, maxBytes = maxBodyBytes): MiddlewareHandler[] {
  const limiter = limitBody(maxBytes, (c) => tooLarge(c, maxBytes));
  const limit = createMiddleware(async (c, next) => (streamed(c) ? next() : limiter(c, next)));
  const shape = createMiddleware(async (c, next) => {
    if (nulInUrl(c)) return validationProblem(c, [{ path: [], message: nulDetail }]);
    if (bodiless.has(c.req.method) || streamed(c)) return next();
    const text = await c.req.text();
    if (text.length === 0) return next();
    const type = c.req.header('Content-Type') ?? '';
    if (!jsonType.test(type)) {
      const detail = `The body must be application/json, not ${type ? JSON.stringify(type.slice(0, 100)) : 'without a Content-Type'}.`;
      return problem(c, { kind: 'unsupported_media_type', code: 'unsupported_media_type', detail });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return validationProblem(c, [{ path: [], message: 'the body must be JSON' }]);
    }
    // JSON writes U+0000 only as the escape \u0000: walk the value only when that text appears.
    if (text.includes('u0000') && containsNul(parsed)) return validationProblem(c, [{ path: [], message: nulDetail }]);
    parsedBodies.set(c.req.raw, parsed);
    return next();
  });
  return [limit, shape];
}

/**
 * Refuses desk bodies over `maxBytes` and forms that do not parse, answering with `refuse(c, status, code)`
 * (the desk's refusal page). A parsed form stays cached on the request for the CSRF check and the route.
 */
export function formBodies(
  refuse: (c: Context, status: 400 | 413, code: string) => Response | Promise<Response>,
  maxBytes = maxBodyBytes,
): MiddlewareHandler[] {
  const limit = limitBody(maxBytes, (c) => refuse(c, 413, 'payload_too_large'));
  const parse = createMiddleware(async (c, next) => {
    if (nulInUrl(c)) return refuse(c, 400, 'malformed_form');
    if (bodiless.has(c.req.method) || !formType.test(c.req.header('Content-Type') ?? '')) return next();
    try {
      // File parts are bytes, not text: containsNul skips them.
      if (containsNul(await c.req.parseBody({ all: true }))) return refuse(c, 400, 'malformed_form');
    } catch {
      return refuse(c, 400, 'malformed_form');
    }
    return next();
  });
  return [limit, parse];
}
