// The contracts of /api/v1/auth, mounted before bearer auth: `POST /token` exchanges a name and password
// for an expiring bearer token; `POST /revoke` ends the presented token, or with `{all: true}` every token and
// desk session of its user. The handlers are in auth.handlers.ts.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { userRoles } from '../../db/users/user-store.js';
import { jsonBody, jsonResponse, problems } from '../http/openapi.js';

export const TokenRequestSchema = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(500) })
  .meta({ id: 'TokenRequest' });
/** Body of `POST /revoke`; no body revokes only the presented token. */
export const RevokeRequestSchema = z.strictObject({ all: z.boolean().optional() }).meta({ id: 'RevokeRequest' });

const TokenResponseSchema = z
  .object({
    token: z.string(),
    expiresAt: z.string().meta({ description: 'ISO time the token stops working' }),
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(z.enum(userRoles)) }),
  })
  .meta({ id: 'Token' });

const RevokedSchema = z.object({ revoked: z.object({ tokens: z.number().int(), sessions: z.number().int() }) }).meta({ id: 'Revoked' });

export const issueToken = createRoute({
  method: 'post',
  path: '/token',
  operationId: 'issueToken',
  summary: 'Sign in: a bearer token and its expiresAt (429 throttled, 423 account locked, both with Retry-After)',
  security: [],
  request: { body: jsonBody(TokenRequestSchema) },
  responses: { 200: jsonResponse(TokenResponseSchema, 'A bearer token'), ...problems(400, 401, 413, 415, 423, 429) },
});

export const revokeToken = createRoute({
  method: 'post',
  path: '/revoke',
  operationId: 'revokeToken',
  summary: 'Revoke the presented token, or with {all: true} every token and desk session of its user',
  request: { body: jsonBody(RevokeRequestSchema, false) },
  responses: { 200: jsonResponse(RevokedSchema, 'What was revoked'), ...problems(400, 401, 413, 415) },
});
