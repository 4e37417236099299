// The properties the 查封、扣押 proof asserts on every reachable abstract state: (a) a measure in force on a
// major case rests on an independent approval of the very draft decided; (b) the period is extended at most
// once and by at most 30 days (art 25); (c) a case closes only concluded and, when major, filed; (d) no dead ends.
import type { CoercionContext } from '../../../machines/coercion/coercion.context.js';
import type { Snapshot, Space } from './coercion-model.js';

/** A broken property and where. */
export interface Violation {
  property: string;
  key: string;
  detail: string;
}

/** The properties of one snapshot. */
export function coercionViolations(s: Snapshot): { property: string; detail: string }[] {
  const c = s.context as CoercionContext;
  const out: { property: string; detail: string }[] = [];
  const d = c.decision;
  if (c.review?.outcome === 'approved' && c.review.failed.length > 0)
    out.push({ property: 'a:approved-with-failed-item', detail: c.review.failed.join(',') });
  if (d && c.major.isMajor) {
    const r = c.review;
    if (r?.outcome !== 'approved' || r.draftHash !== d.draftHash)
      out.push({ property: 'a:decided-without-approval', detail: JSON.stringify(r) });
    if (r && r.reviewerId === c.handlerId) out.push({ property: 'a:self-reviewed', detail: r.reviewerId });
    if (c.reviewers.includes(d.by)) out.push({ property: 'a:reviewer-decided', detail: d.by });
  }
  if (d && d.draftHash !== c.draft.hash) out.push({ property: 'a:draft-changed-after-decision', detail: d.draftHash });
  if (d && d.by === c.handlerId) out.push({ property: 'a:handler-decided', detail: d.by });
  if ((s.matches('inForce') || s.matches('concluded') || s.matches('closed')) && !d)
    out.push({ property: 'a:in-force-without-decision', detail: String(s.value) });
  if (c.period?.extension && (c.period.extension.days > 30 || c.period.extension.noticeServedOn > c.period.endsOn)) {
    out.push({ property: 'b:extension-unlawful', detail: JSON.stringify(c.period.extension) });
  }
  if (s.matches('closed') && (!c.conclusion || (c.duties.filingRequired && c.duties.filedAt === null))) {
    out.push({ property: 'c:closed-with-duty-open', detail: JSON.stringify(c.duties) });
  }
  if (c.major.isMajor !== c.duties.filingRequired)
    out.push({ property: 'c:filing-rule', detail: 'filing required iff major (catalog files major measures)' });
  return out;
}

/** Every violation in the space. */
export function findCoercionViolations(space: Space): Violation[] {
  return Object.entries(space).flatMap(([key, node]) => coercionViolations(node.state).map((v) => ({ ...v, key })));
}

/** Keys from which a final state (closed, withdrawn) is reachable. */
export function liveKeys(space: Space, keyOf: (s: Snapshot) => string): Set<string> {
  const preds = new Map<string, Set<string>>();
  for (const [key, node] of Object.entries(space)) {
    for (const { state } of Object.values(node.transitions)) {
      const to = keyOf(state);
      if (!preds.has(to)) preds.set(to, new Set());
      preds.get(to)!.add(key);
    }
  }
  const live = new Set(Object.keys(space).filter((k) => space[k]!.state.status === 'done'));
  const queue = [...live];
  while (queue.length) {
    for (const p of preds.get(queue.pop()!) ?? []) {
      if (!live.has(p)) {
        live.add(p);
        queue.push(p);
      }
    }
  }
  return live;
}

/** Counts of a space: abstract states, edges (event × state) and accepted edges (the machine moved). */
export function spaceCounts(space: Space) {
  const edges = Object.values(space).flatMap((n) => Object.values(n.transitions).map((t) => t.state !== n.state));
  return { states: Object.keys(space).length, edges: edges.length, accepted: edges.filter(Boolean).length };
}
