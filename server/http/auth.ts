// Bearer-token authentication for /api/v1: resolves the token to a user or answers 401 as a problem.
// Invariant: a token expired, revoked or deactivated through this server is refused on the very next request;
// one revoked by another process within AUTH_RECHECK_MS (the token cache, db/users/token-cache.ts).
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { User, UserStore } from '../../db/users/user-store.js';
import { problem } from './problem.js';

export type AuthEnv = { Variables: { user: User } };

/** The token in an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/** The 401 problem for a missing, unknown, expired or revoked bearer token. */
export function bearerRefusal(c: Context): Response {
  c.header('WWW-Authenticate', 'Bearer realm="legal-review"');
  return problem(c, { kind: 'unauthorized', code: 'unauthorized', detail: 'A valid bearer token is required.' });
}

/** Requires `Authorization: Bearer <token>`; sets `c.var.user`. */
export function requireBearer(users: UserStore) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    const user = token ? await users.userForToken(token) : null;
    if (!user) return bearerRefusal(c);
    c.set('user', user);
    await next();
  });
}
