// /api/v1/auth, mounted before bearer auth: `POST /token` exchanges a name and password for an expiring
// bearer token through the throttled sign-in service; `POST /revoke` ends the presented token, or with
// `{all: true}` every token and desk session of its user. Refusals are problems with status and type.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.js';
import { bearerRefusal, bearerToken } from '../http/auth.js';
import { problem, validationProblem } from '../http/problem.js';
import { readJson } from '../http/read-json.js';
import type { DomainError } from '../shared/result.js';
import { clientAddress } from './client-address.js';

export const TokenRequestSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(500) });
/** Body of `POST /revoke`; an empty body revokes only the presented token. */
export const RevokeRequestSchema = z.strictObject({ all: z.boolean().optional() });

const HOUR_MS = 60 * 60 * 1000;

/** A refusal as a problem; throttle and lock refusals carry `Retry-After` in seconds. */
export function signInProblem(c: Context, error: DomainError): Response {
  if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
  return problem(c, error);
}

/** The JSON body of a revoke request: an empty body means `{}`. */
async function revokeBody(c: Context): Promise<{ ok: true; all: boolean } | { ok: false; response: Response }> {
  const text = await c.req.text();
  let value: unknown = {};
  try {
    if (text.trim() !== '') value = JSON.parse(text);
  } catch {
    return { ok: false, response: validationProblem(c, [{ path: [], message: 'the body must be JSON' }]) };
  }
  const parsed = RevokeRequestSchema.safeParse(value);
  if (!parsed.success) return { ok: false, response: validationProblem(c, parsed.error.issues) };
  return { ok: true, all: parsed.data.all === true };
}

/** The auth routes. */
export function authRoutes(services: Services) {
  const signIn = services.signIn;
  const policy = services.policy.signIn;
  return new Hono()
    .post('/token', async (c) => {
      const body = await readJson(c);
      const parsed = TokenRequestSchema.safeParse(body.ok ? body.value : undefined);
      if (!parsed.success) return validationProblem(c, parsed.error.issues);
      const result = await signIn.signIn({ ...parsed.data, address: clientAddress(c, policy.trustedProxyHops) });
      if (!result.ok) return signInProblem(c, result.error);
      const user = result.value;
      const { token, expiresAt } = await services.users.issue(user.id, policy.tokenTtlHours * HOUR_MS);
      return c.json({ token, expiresAt, user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles } });
    })
    .post('/revoke', async (c) => {
      const token = bearerToken(c.req.header('Authorization'));
      const user = token ? await services.users.userForToken(token) : null;
      if (!token || !user) return bearerRefusal(c);
      const body = await revokeBody(c);
      if (!body.ok) return body.response;
      const revoked = body.all ? await services.users.revokeAll(user.id) : { tokens: await services.users.revokeToken(token), sessions: 0 };
      return c.json({ revoked });
    });
}
