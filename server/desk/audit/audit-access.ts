// Who may open the auditor's desk pages: the roles the audit API lets read a case file (auditor, head,
// admin), and the narrower set it lets verify the whole record (auditor, admin). Same lists as the API.
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { User, UserRole } from '../../../db/users/user-store.js';
import type { DeskEnv } from '../session.js';
import { messagePage } from '../render.js';

/** Roles that may open /desk/audit and its case pages (as `caseReaders` in the audit routes). */
export const auditReaders: readonly UserRole[] = ['auditor', 'head', 'admin'];
/** Roles that may run the whole-record verification (as `auditors` in the audit routes). */
export const recordVerifiers: readonly UserRole[] = ['auditor', 'admin'];

/** True when `user` holds one of `roles`. */
export function holdsRole(user: User | null, roles: readonly UserRole[]): boolean {
  return user?.roles.some((r) => roles.includes(r)) ?? false;
}

/** Answers with the desk's 403 page (`wrong_role`) unless the signed-in user holds one of `roles`. */
export function requireRoles(
  roles: readonly UserRole[],
  message: (desk: DeskEnv['Variables']['desk']) => string,
): MiddlewareHandler<DeskEnv> {
  return createMiddleware<DeskEnv>(async (c, next) => {
    if (holdsRole(c.var.desk.user, roles)) return next();
    return messagePage(c, 403, 'wrong_role', message(c.var.desk));
  });
}
