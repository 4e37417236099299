// Turns a signed-in user into the `Actor` an event carries: roles plus whether their 执法证 and
// 法律职业资格 are valid on the day of the event. The record keeps this, so later audits see what held then.
import type { Actor } from '../../machines/case/case.events.js';
import { isCredentialValid, type User } from '../../db/users/user-store.js';

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
