// The properties the 行政强制执行 proof asserts on every reachable abstract state: (a) a major decision rests on an
// independent approval of the very draft decided; (b) no decision before the 催告 period (and, for the court, the
// art 54 wait) is over, nor with a statement that holds unadopted (art 36); (c) no execution planned or carried
// out on a rest day without urgency (art 43), no 代履行 without the reminder three days before (art 51(2));
// (d) closed only concluded and, when major, filed. Dead ends are checked by `liveKeys`.
import type { ExecutionContext } from '../../../machines/execution/execution.context.js';
import { modelRestDays, type Snapshot, type Space } from './execution-model.js';

export { liveKeys, spaceCounts } from '../coercion/coercion-invariants.js';

/** A broken property and where. */
export interface Violation {
  property: string;
  key: string;
  detail: string;
}

const minus3 = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10);

function decisionViolations(c: ExecutionContext): { property: string; detail: string }[] {
  const out: { property: string; detail: string }[] = [];
  const d = c.decision;
  if (!d) return out;
  if (c.major.isMajor) {
    const r = c.review;
    if (r?.outcome !== 'approved' || r.draftHash !== d.draftHash)
      out.push({ property: 'a:decided-without-approval', detail: JSON.stringify(r) });
    if (r && r.reviewerId === c.handlerId) out.push({ property: 'a:self-reviewed', detail: r.reviewerId });
    if (c.reviewers.includes(d.by)) out.push({ property: 'a:reviewer-decided', detail: d.by });
  }
  if (d.draftHash !== c.draft.hash) out.push({ property: 'a:draft-changed-after-decision', detail: d.draftHash });
  if (d.by === c.handlerId) out.push({ property: 'a:handler-decided', detail: d.by });
  const until =
    c.notice && (d.route === 'court' && c.notice.courtWaitEndsOn > c.notice.endsOn ? c.notice.courtWaitEndsOn : c.notice.endsOn);
  if (!until || d.decidedOn <= until) out.push({ property: 'b:decided-during-notice', detail: JSON.stringify(c.notice) });
  if (c.statements.some((s) => s.holds && s.draftVersion >= c.draft.version)) out.push({ property: 'b:statement-not-adopted', detail: '' });
  if (d.route !== 'court' && c.draft.plannedOn && modelRestDays.has(c.draft.plannedOn) && !c.draft.urgent)
    out.push({ property: 'c:planned-on-rest-day', detail: c.draft.plannedOn });
  return out;
}

/** The properties of one snapshot. */
export function executionViolations(s: Snapshot): { property: string; detail: string }[] {
  const c = s.context as ExecutionContext;
  const out = decisionViolations(c);
  if (c.review?.outcome === 'approved' && c.review.failed.length > 0)
    out.push({ property: 'a:approved-with-failed-item', detail: c.review.failed.join(',') });
  if (!c.notice && !s.matches('awaitingNotice') && !s.matches('withdrawn'))
    out.push({ property: 'b:past-notice-without-notice', detail: String(s.value) });
  const k = c.conclusion;
  if (k?.result === 'executed' && modelRestDays.has(k.on) && !k.urgent) out.push({ property: 'c:carried-on-rest-day', detail: k.on });
  if (k?.result === 'executed' && c.draft.route === 'substitute' && !c.draft.urgent && !(c.reminder && c.reminder.servedOn <= minus3(k.on)))
    out.push({ property: 'c:substitute-without-reminder', detail: JSON.stringify(c.reminder) });
  if (k && ['executed', 'court_enforced', 'court_refused'].includes(k.result) && !c.decision)
    out.push({ property: 'c:executed-without-decision', detail: k.result });
  if (s.matches('closed') && (!k || (c.decision && c.duties.filingRequired && c.duties.filedAt === null)))
    out.push({ property: 'd:closed-with-duty-open', detail: JSON.stringify(c.duties) });
  if (c.major.isMajor !== c.duties.filingRequired) out.push({ property: 'd:filing-rule', detail: 'filing required iff major' });
  return out;
}

/** Every violation in the space. */
export function findExecutionViolations(space: Space): Violation[] {
  return Object.entries(space).flatMap(([key, node]) => executionViolations(node.state).map((v) => ({ ...v, key })));
}
