// Who sees which case (所属单位): handlers the cases of their unit; reviewers the cases sent for review to their
// 法制审核机构; heads and clerks their unit and its sub-units; auditors and admins all; and everyone the cases they
// handle or are assigned to review. Pure; a case out of reach is answered as if it did not exist (404). Reach is
// data (`reachOf`), read row by row here and as a WHERE clause by the queue store, so the two never disagree.
import type { CaseRow } from '../../db/cases/case-store.js';
import type { CaseReach } from '../../db/cases/case-queue-store.js';
import type { User, UserRole } from '../../db/users/user-store.js';

/** What the case rules look at: the case, its unit's place in the tree, its people and how far it went. */
export type CaseSubject = Pick<CaseRow, 'id' | 'unitPath' | 'handlerId' | 'reviewerId' | 'status' | 'snapshot'>;

const holds = (user: User, roles: readonly UserRole[]) => user.roles.some((r) => roles.includes(r));
/** Roles that see every case, whatever its unit (supervision and administration). */
const everywhere: readonly UserRole[] = ['auditor', 'admin'];
/** Roles that see their unit and every unit below it (the 负责人 answers for them; clerks serve their decisions). */
const downTheTree: readonly UserRole[] = ['head', 'clerk'];

/** The path of `path`'s parent unit (`/a/b/` → `/a/`); the root's parent is `/`. */
export function parentPath(path: string): string {
  return path.replace(/[^/]+\/$/, '');
}

/** Whether `path` is `ancestor` or lies below it. */
export function isWithin(path: string, ancestor: string): boolean {
  return path.startsWith(ancestor);
}

/**
 * Whether the case was ever sent to legal review (法制审核): it is in review, a reviewer is or was on it, or the
 * handler attested a draft for review. Read from the snapshot's context, which the machine keeps as JSON.
 */
export function wasSentForReview(subject: Pick<CaseSubject, 'status' | 'reviewerId' | 'snapshot'>): boolean {
  const context = subject.snapshot.context as { reviewRounds?: unknown; attestation?: unknown };
  return (
    subject.status === 'inReview' || subject.reviewerId !== null || Number(context.reviewRounds ?? 0) > 0 || context.attestation != null
  );
}

/** The units whose cases a reviewer's unit reviews: a 法制审核机构 serves the unit above it and its sub-units. */
export function reviewedTree(user: Pick<User, 'unitPath' | 'unitKind'>): string | null {
  if (!user.unitPath) return null;
  return user.unitKind === 'review' ? parentPath(user.unitPath) : user.unitPath;
}

/**
 * How far `user` reaches, as data: the one description of reach that both `reachesCase` (one row) and the
 * queue store's WHERE clause (db/cases/case-queue-store.ts) read, so a queue page holds exactly the rows the
 * user may read and is never short.
 */
export function reachOf(user: User): CaseReach {
  if (holds(user, everywhere)) return { all: true };
  const path = user.unitPath;
  const reviewed = holds(user, ['reviewer']) ? reviewedTree(user) : null;
  return {
    all: false,
    personId: user.id,
    trees: path && holds(user, downTheTree) ? [path] : [],
    units: path && holds(user, ['handler']) ? [path] : [],
    reviewedTrees: reviewed ? [reviewed] : [],
  };
}

/** Whether the case lies within `reach` (the row-by-row reading of what the store's SQL says). */
export function inReach(reach: CaseReach, subject: CaseSubject): boolean {
  if (reach.all) return true;
  if (subject.handlerId === reach.personId || subject.reviewerId === reach.personId) return true;
  const path = subject.unitPath;
  if (!path) return false;
  if (reach.units.includes(path) || reach.trees.some((tree) => isWithin(path, tree))) return true;
  return reach.reviewedTrees.some((tree) => isWithin(path, tree)) && wasSentForReview(subject);
}

/** Whether `user` may know of the case at all; the access rules answer 404 when not. */
export function reachesCase(user: User, subject: CaseSubject): boolean {
  return inReach(reachOf(user), subject);
}
