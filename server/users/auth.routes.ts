// POST /api/v1/auth/token: exchanges a username and password for a bearer token.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.js';
import { problem, validationProblem } from '../http/problem.js';
import { readJson } from '../http/read-json.js';

export const TokenRequestSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(500) });

/** The auth routes. */
export function authRoutes(services: Services) {
  return new Hono().post('/token', async (c) => {
    const body = await readJson(c);
    const parsed = TokenRequestSchema.safeParse(body.ok ? body.value : undefined);
    if (!parsed.success) return validationProblem(c, parsed.error.issues);
    const user = await services.users.authenticate(parsed.data.username, parsed.data.password);
    if (!user) return problem(c, { kind: 'unauthorized', code: 'bad_credentials', detail: 'Unknown user or wrong password.' });
    const token = await services.users.issueToken(user.id);
    return c.json({ token, user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles } });
  });
}
