// allowedEvents computed once per (snapshot, caller, legal date) instead of on every view: probing every event
// type with `snapshot.can` is the case view's largest cost. Invariant: the cached answer is the one
// `allowedEvents` gives for the same arguments (test/server/cases/allowed-events-cache.test.ts compares them).
import type { CaseSnapshot } from '../../machines/case/case.machine.js';
import type { Actor, CaseEventType } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import { allowedEvents } from './case-probes.js';

/** Callers remembered per snapshot; beyond this the snapshot's answers are dropped and asked again. */
const MAX_CALLERS_PER_SNAPSHOT = 64;

/**
 * Answers per snapshot object: a snapshot is immutable, and one that is no longer held (the case moved on,
 * or left the case cache) is collected with its answers.
 */
const answers = new WeakMap<CaseSnapshot, Map<string, readonly CaseEventType[]>>();

/**
 * What the answer can depend on besides the snapshot: every field of the actor (who they are, their roles,
 * their credentials on that day), and the time only through the legal dates the probes and the rules read
 * (the China day; the UTC day of the scheduler's notice probe). Two calls with the same key get the same answer.
 */
function callerKey(actor: Actor, at: string): string {
  return `${actor.id}\u0000${actor.roles.join(',')}\u0000${actor.certified}\u0000${actor.qualified}\u0000${chinaDay(at)}\u0000${at.slice(0, 10)}`;
}

/**
 * `allowedEvents(snapshot, actor, draft, at)`, remembered. `draft` must be the snapshot's own current draft
 * (as in a loaded case), so it adds nothing to the key.
 */
export function cachedAllowedEvents(snapshot: CaseSnapshot, actor: Actor, draft: DraftContent, at: string): CaseEventType[] {
  let bySnapshot = answers.get(snapshot);
  if (!bySnapshot) {
    bySnapshot = new Map();
    answers.set(snapshot, bySnapshot);
  }
  const key = callerKey(actor, at);
  let found = bySnapshot.get(key);
  if (!found) {
    if (bySnapshot.size >= MAX_CALLERS_PER_SNAPSHOT) bySnapshot.clear();
    found = allowedEvents(snapshot, actor, draft, at);
    bySnapshot.set(key, found);
  }
  // A copy: the answer goes into a view that its caller owns.
  return [...found];
}
