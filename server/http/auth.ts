// Bearer-token authentication for /api/v1: resolves the token to a user or answers 401 as a problem.
import { createMiddleware } from 'hono/factory';
import type { User, UserStore } from '../../db/users/user-store.js';
import { problem } from './problem.js';

export type AuthEnv = { Variables: { user: User } };

/** Requires `Authorization: Bearer <token>`; sets `c.var.user`. */
export function requireBearer(users: UserStore) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match ? await users.userForToken(match[1]!) : null;
    if (!user) {
      c.header('WWW-Authenticate', 'Bearer realm="legal-review"');
      return problem(c, { kind: 'unauthorized', code: 'unauthorized', detail: 'A valid bearer token is required.' });
    }
    c.set('user', user);
    await next();
  });
}
