// Who may read a case's issued documents. Invariant: opinions (审核意见书) only to the case's handler, its
// reviewers (assigned, or who gave an opinion), heads and auditors; the 决定书 also to clerks, who serve it.
import type { CaseContext } from '../../machines/case/case.context.js';
import type { User } from '../../db/users/user-store.js';
import type { DocumentKind } from '../../db/documents/document-store.js';

/** Whether `user` may read documents of `kind` of the case whose context is `context`. */
export function mayReadDocuments(user: User, context: CaseContext, kind: DocumentKind): boolean {
  if (user.roles.includes('head') || user.roles.includes('auditor')) return true;
  if (kind === 'decision' && user.roles.includes('clerk')) return true;
  if (user.id === context.handlerId) return true;
  return user.id === context.reviewerId || (context.reviewers ?? []).includes(user.id);
}
