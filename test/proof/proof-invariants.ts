// The properties the proof asserts on every reachable abstract state and every edge of the case machine:
// (a) decisions on major cases rest on an independent, qualified approval of the decided draft; (b) no
// duty before the decision and no decision without 告知 or waiver; (c) no dead ends, final states stay final;
// (d) the party's rights are not cut short: no lapse inside the request period, no heavier draft after 告知
// without a new notice, no hearing hosted or recorded by an investigator, statements heard until the decision;
// (e) the criminal transfer: no decision while it runs, no approval carried past a 不予立案, no team under two.
import type { AnyMachineSnapshot } from 'xstate';
import type { CaseContext } from '../../machines/case/case.context.js';
import { refuseActor } from '../../machines/case/case.rules.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import { heavierMeasures } from '../../machines/case/heavier-measures.js';
import { isReviewRequiredAfterTransfer, refuseTransferTeam } from '../../machines/case/transfer.rules.js';
import { proposedOutcome } from '../../machines/case/decision.rules.js';
import { isQualifiedIndependentReviewer } from './proof-actors.js';
import { machineEvent } from './proof-oracle.js';
import type { LabeledEvent } from './proof-alphabet.js';
import { abstractKey, isFrozen, type Space } from './proof-space.js';

/** A broken property: which one, and where: in state `key`, or on the edge `key --event-->` when `event` is set. */
export interface Violation {
  property: string;
  key: string;
  event?: string;
  detail: string;
}

/** (a) and (b) on one snapshot; answers the broken properties' names with details. */
export function stateViolations(s: AnyMachineSnapshot): { property: string; detail: string }[] {
  const c = s.context as CaseContext;
  const out: { property: string; detail: string }[] = [];
  const decided = c.decision !== null;
  if (s.matches('decided') && !decided) out.push({ property: 'b:decided-without-decision', detail: 'in decided with no decision' });
  if (c.review?.outcome === 'approved' && (c.review.failed ?? []).length > 0)
    out.push({ property: 'a:approved-with-failed-item', detail: `approved with ${c.review.failed!.join(', ')} not passed` });
  if (decided) {
    const d = c.decision!;
    const r = c.review;
    out.push(...decisionViolations(c));
    if (d.draftHash !== c.draft.hash)
      out.push({ property: 'a:draft-changed-after-decision', detail: 'the decided draft is not the current one' });
    if (d.by === c.handlerId) out.push({ property: 'a:handler-decided', detail: 'the handler decided their own case' });
    if (c.major.isMajor) {
      const passing = r !== null && (r.outcome === 'approved' || (r.outcome === 'referred' && d.outcome === 'transfer'));
      if (!passing) out.push({ property: 'a:no-passing-review', detail: `latest review ${r?.outcome ?? 'none'}, decision ${d.outcome}` });
      else if (r!.draftHash !== d.draftHash)
        out.push({ property: 'a:review-of-another-draft', detail: 'the approval judged another draft' });
      else if (!isQualifiedIndependentReviewer(r!.reviewerId))
        out.push({ property: 'a:reviewer-not-independent', detail: `approved by ${r!.reviewerId}` });
      if (c.major.discussionRequired && c.discussion?.draftHash !== d.draftHash)
        out.push({ property: 'a:no-discussion', detail: '集体讨论 required but not held on this draft' });
    }
    if (c.rights.noticedAt === null && !c.rights.waived)
      out.push({ property: 'b:decided-without-notice', detail: 'no 告知 and no waiver' });
    if (isReviewRequiredAfterTransfer(c) && !(r !== null && r.outcome === 'approved' && r.draftHash === d.draftHash))
      out.push({ property: 'e:decided-after-transfer-without-review', detail: `latest review ${r?.outcome ?? 'none'}` });
  }
  const dt = c.duties;
  if (!decided && (dt.servedAt ?? dt.publishedAt ?? dt.filedAt ?? dt.publicationWithdrawnAt) !== null) {
    out.push({ property: 'b:duty-before-decision', detail: '送达, 公示 or 备案 recorded before a decision' });
  }
  if (
    s.matches('closed') &&
    !(
      (!dt.serviceRequired || dt.servedAt !== null) &&
      (!dt.publicationRequired || dt.publishedAt !== null) &&
      (!dt.filingRequired || dt.filedAt !== null)
    )
  ) {
    out.push({ property: 'b:closed-with-duty-open', detail: 'closed before 送达, a required 公示 or a required 备案' });
  }
  return out;
}

const noPenalty = ['no_penalty', 'no_penalty_minor', 'no_penalty_unfounded'];
/** The decision agrees with the review and the draft, and was not made by anyone who reviewed the case. */
function decisionViolations(c: CaseContext): { property: string; detail: string }[] {
  const d = c.decision!;
  const out: { property: string; detail: string }[] = [];
  const proposed = proposedOutcome(c);
  const asProposed =
    d.outcome === proposed ||
    (noPenalty.includes(d.outcome) && noPenalty.includes(proposed) && [d.outcome, proposed].includes('no_penalty'));
  if (c.review?.outcome === 'referred' && d.outcome !== 'transfer') out.push({ property: 'a:penalty-after-referral', detail: d.outcome });
  if (c.review?.outcome !== 'referred' && !asProposed)
    out.push({ property: 'a:decision-not-as-proposed', detail: `${d.outcome} on a draft proposing ${proposed}` });
  if ((c.reviewers ?? []).includes(d.by)) out.push({ property: 'a:reviewer-decided', detail: `decided by ${d.by}, who reviewed the case` });
  return out;
}

/** Edge properties: the decision names the approved current draft; refusals change nothing; final and frozen stay so. */
export function edgeViolations(
  from: AnyMachineSnapshot,
  labeled: LabeledEvent,
  to: AnyMachineSnapshot,
): { property: string; detail: string }[] {
  const out: { property: string; detail: string }[] = [];
  const c = from.context as CaseContext;
  const event = machineEvent(labeled);
  const changed = to !== from;
  if (changed && refuseActor(c, event) !== null)
    out.push({ property: 'refused-person-changed-state', detail: refuseActor(c, event)!.code });
  if (from.status === 'done' && (changed || abstractKey(to) !== abstractKey(from)))
    out.push({ property: 'c:event-left-final-state', detail: String(from.value) });
  if (changed && event.type === 'decision.issue') {
    if (event.draftHash !== c.draft.hash)
      out.push({ property: 'a:decision-on-stale-or-forged-hash', detail: 'decision.issue named another hash' });
    if (c.major.isMajor && c.review?.draftHash !== event.draftHash)
      out.push({ property: 'a:decision-without-approval-of-named-hash', detail: 'no review of the named hash' });
  }
  const t = to.context as CaseContext;
  out.push(...rightsViolations(from, labeled, to), ...transferViolations(from, labeled, to));
  if (
    changed &&
    isFrozen(from) &&
    (t.draft.hash !== c.draft.hash || t.review !== c.review || t.reviewerId !== c.reviewerId || t.discussion !== c.discussion)
  ) {
    out.push({
      property: 'frozen-field-changed-after-decision',
      detail: 'draft, review, reviewer or discussion changed after the decision',
    });
  }
  return out;
}

/** (d) on one edge: the party's rights (交通 arts 70, 81–84; 行政处罚法 art 45). */
export function rightsViolations(
  from: AnyMachineSnapshot,
  labeled: LabeledEvent,
  to: AnyMachineSnapshot,
): { property: string; detail: string }[] {
  const out: { property: string; detail: string }[] = [];
  const c = from.context as CaseContext;
  const t = to.context as CaseContext;
  const event = machineEvent(labeled);
  const changed = to !== from;
  const window = c.rights.hearingWindow;
  if (changed && event.type === 'rights.lapse' && (!window || window.provisional || chinaDay(event.at) <= window.endsOn))
    out.push({ property: 'd:lapse-inside-request-period', detail: `lapsed on ${chinaDay(event.at)}, period ends ${window?.endsOn}` });
  const noticed = t.rights.noticedMeasures;
  if (changed && event.type !== 'notice.send' && noticed && heavierMeasures(noticed, t.draft.measures).length > 0)
    out.push({ property: 'd:heavier-after-notice', detail: `draft ${JSON.stringify(t.draft.measures)} over ${JSON.stringify(noticed)}` });
  const h = t.hearing;
  if (changed && event.type === 'hearing.schedule' && h && (t.investigators.includes(h.hostId) || t.investigators.includes(h.recorderId)))
    out.push({ property: 'd:hearing-staff-investigated', detail: `host ${h.hostId}, recorder ${h.recorderId}` });
  const open = from.status === 'active' && c.decision === null && c.rights.noticedAt !== null;
  if (!changed && open && event.type === 'statement.record' && refuseActor(c, event) === null)
    out.push({ property: 'd:statement-refused-before-decision', detail: `in ${JSON.stringify(from.value)}` });
  return out;
}

/** (e) on one edge: the criminal transfer (移送规定 arts 5–12; 行政处罚法 art 82). */
export function transferViolations(
  from: AnyMachineSnapshot,
  labeled: LabeledEvent,
  to: AnyMachineSnapshot,
): { property: string; detail: string }[] {
  const out: { property: string; detail: string }[] = [];
  const event = machineEvent(labeled);
  if (to === from) return out;
  if (event.type === 'decision.issue' && from.matches('transfer'))
    out.push({ property: 'e:decided-during-transfer', detail: 'a decision while the transfer runs (以罚代刑)' });
  if (event.type === 'transfer.resume' && (to.context as CaseContext).review !== null)
    out.push({ property: 'e:approval-carried-over-transfer', detail: 'an opinion from before the transfer survived the 不予立案' });
  if (event.type === 'transfer.report' && refuseTransferTeam(event.officers, event.team) !== null)
    out.push({ property: 'e:transfer-team-invalid', detail: JSON.stringify(event.officers) });
  return out;
}

/** Every violation of (a), (b) and the edge properties over the explored space, plus (c) liveness. */
export function findViolations(space: Space): Violation[] {
  const out: Violation[] = [];
  for (const [key, node] of Object.entries(space)) {
    out.push(...stateViolations(node.state).map((v) => ({ ...v, key })));
    for (const [label, { event, state }] of Object.entries(node.transitions)) {
      // Edge targets are further concrete states of their abstract keys; report them as `key --event-->`.
      out.push(...stateViolations(state).map((v) => ({ ...v, key, event: label })));
      out.push(...edgeViolations(node.state, event, state).map((v) => ({ ...v, key, event: label })));
    }
  }
  const live = canReachFinal(space);
  for (const [key, node] of Object.entries(space)) {
    if (node.state.status !== 'done' && !live.has(key)) out.push({ property: 'c:dead-end', key, detail: 'no final state reachable' });
  }
  return out;
}

/** Abstract states from which some final state is reachable (backwards search from the final ones). */
export function canReachFinal(space: Space): Set<string> {
  const preds = new Map<string, Set<string>>();
  for (const [key, node] of Object.entries(space)) {
    for (const { state } of Object.values(node.transitions)) {
      const to = abstractKey(state);
      if (!preds.has(to)) preds.set(to, new Set());
      preds.get(to)!.add(key);
    }
  }
  const live = new Set(Object.keys(space).filter((k) => space[k]!.state.status === 'done'));
  const queue = [...live];
  while (queue.length) {
    for (const p of preds.get(queue.pop()!) ?? [])
      if (!live.has(p)) {
        live.add(p);
        queue.push(p);
      }
  }
  return live;
}

/** Labels of a shortest path from the initial state to `key` (breadth-first over the space), for reports. */
export function pathTo(space: Space, initial: string, key: string): string[] {
  const parent = new Map<string, { from: string; label: string } | null>([[initial, null]]);
  const queue = [initial];
  while (queue.length && !parent.has(key)) {
    const at = queue.shift()!;
    for (const [label, { state }] of Object.entries(space[at]!.transitions)) {
      const to = abstractKey(state);
      if (!parent.has(to)) {
        parent.set(to, { from: at, label });
        queue.push(to);
      }
    }
  }
  const labels: string[] = [];
  for (let p = parent.get(key); p; p = parent.get(p.from)) labels.unshift(p.label);
  return labels;
}
