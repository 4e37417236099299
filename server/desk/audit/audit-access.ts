// The desk's way of applying an access rule (server/access) to a page: the rule decides, this answers with
// the desk's refusal page (status from the API's map, the rule's code, a message for people). No roles here.
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { User } from '../../../db/users/user-store.js';
import type { Access } from '../../access/access-rules.js';
import { statusOf } from '../../http/problem.js';
import type { DeskEnv } from '../session.js';
import { messagePage } from '../render.js';

type Desk = DeskEnv['Variables']['desk'];

/** Answers with the desk's refusal page for `access` (with `message`), or null when it allows. */
export function refusalPage(c: Parameters<typeof messagePage>[0], access: Access, message: string): Promise<Response> | null {
  return access.ok ? null : messagePage(c, statusOf(access.error.kind), access.error.code, message);
}

/** Lets the request through when `rule` allows the signed-in user; else the refusal page with `message`. */
export function requireAccess(rule: (user: User) => Access, message: (desk: Desk) => string): MiddlewareHandler<DeskEnv> {
  return createMiddleware<DeskEnv>(async (c, next) => {
    const user = c.var.desk.user;
    if (!user) return messagePage(c, 401, 'unauthorized', c.var.desk.t.signIn.required);
    return refusalPage(c, rule(user), message(c.var.desk)) ?? next();
  });
}
