// Turns a signed-in user into the `Actor` an event carries: roles plus whether their 执法证 and
// 法律职业资格 are valid on the day of the event. The record keeps this, so later audits see what held then.
import type { Actor } from '../../machines/case/case.events.js';
import { isCredentialValid, type User } from '../../db/users/user-store.js';
import { fail, ok, type Result } from '../shared/result.js';

/** The actor for `user` at ISO time `at`. */
export function actorFor(user: User, at: string): Actor {
  return {
    id: user.id,
    roles: [...user.roles],
    certified: isCredentialValid(user.certificateNo, user.certificateValidUntil, at),
    qualified: isCredentialValid(user.qualificationNo, user.qualificationValidUntil, at),
  };
}

/** The deadline scheduler's actor: it may only record lapses and deadline events, never decide. */
export const systemActor: Actor = { id: 'system', roles: ['system'], certified: false, qualified: false };

/**
 * The reviewer a `review.assign` names, as the users table has them: qualified when their 法律职业资格 is valid
 * on that day and they hold the reviewer role (the machine's assignment rule reads it); 400 for an unknown id.
 */
export async function assigneeFor(
  users: { byId(id: string): Promise<User | null> },
  reviewerId: string,
  at: string,
): Promise<Result<{ id: string; qualified: boolean }>> {
  const assignee = await users.byId(reviewerId);
  if (!assignee) return fail({ kind: 'validation', code: 'unknown_reviewer', detail: `No user ${reviewerId}.` });
  return ok({ id: assignee.id, qualified: actorFor(assignee, at).qualified && assignee.roles.includes('reviewer') });
}
