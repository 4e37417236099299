// The handlers of /api/v1/auth (contracts in auth.routes.ts): sign-in through the throttled sign-in service,
// and revocation. Refusals are problems with status and type; throttle and lock refusals carry Retry-After.
import type { Context } from 'hono';
import type { Services } from '../services.js';
import { bearerToken } from '../http/auth.js';
import { answerProblem, apiRouter, type ProblemAnswer } from '../http/openapi.js';
import type { DomainError } from '../shared/result.js';
import { clientAddress } from './client-address.js';
import { issueToken, revokeToken } from './auth.routes.js';

const HOUR_MS = 60 * 60 * 1000;

/** A refusal as a problem; throttle and lock refusals carry `Retry-After` in seconds. */
export function signInProblem(c: Context, error: DomainError): ProblemAnswer {
  if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
  return answerProblem(c, error);
}

/** `POST /token`, mounted at /api/v1/auth before bearer auth. */
export function tokenApi(services: Services) {
  const policy = services.policy.signIn;
  return apiRouter<{ Variables: object }>().openapi(issueToken, async (c) => {
    const result = await services.signIn.signIn({ ...c.req.valid('json'), address: clientAddress(c, policy.trustedProxyHops) });
    if (!result.ok) return signInProblem(c, result.error);
    const user = result.value;
    const { token, expiresAt } = await services.users.issue(user.id, policy.tokenTtlHours * HOUR_MS);
    return c.json(
      { token, expiresAt, user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles } },
      200,
    );
  });
}

/** `POST /revoke`, mounted at /api/v1/auth behind bearer auth (so a missing token is a 401 before anything else). */
export function revokeApi(services: Services) {
  return apiRouter().openapi(revokeToken, async (c) => {
    const token = bearerToken(c.req.header('Authorization'))!;
    const all = c.req.valid('json').all === true;
    const revoked = all ? await services.users.revokeAll(c.var.user.id) : { tokens: await services.users.revokeToken(token), sessions: 0 };
    return c.json({ revoked }, 200);
  });
}
