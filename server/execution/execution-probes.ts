// Probe events of an execution case: content the content rules accept where the state allows it, so
// `snapshot.can(probe)` answers about state, person and (for `allowedEvents`) about time: a decision is not
// offered while the 催告 period runs. The service asks the state question with the content guards switched off.
import type { Actor } from '../../machines/case/case.events.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import type { ExecutionSnapshot } from '../../machines/execution/execution.machine.js';
import type { ExecutionDraft } from '../../machines/execution/execution.draft.js';
import { executionReviewItems, type ExecutionEvent, type ExecutionEventType } from '../../machines/execution/execution.events.js';
import { probeAssignee } from '../cases/case-probes.js';

/** A last day no clock reaches: probes never fail on the deadlines they stamp. */
const FAR = '2099-12-31';
const fine = { restDay: false, night: false };

/** The probe of `type` from `actor` at `at`. */
export function executionProbe(
  type: ExecutionEventType,
  actor: Actor,
  snapshot: ExecutionSnapshot,
  draft: ExecutionDraft,
  at: string,
): ExecutionEvent {
  const c = snapshot.context;
  const today = chinaDay(at);
  const base = { actor, at };
  switch (type) {
    case 'draft.revise':
      return { ...base, type, draft };
    case 'notice.serve':
      return {
        ...base,
        type,
        periodDays: 10,
        manner: 'probe',
        amountYuan: c.duty.amountYuan ?? 0,
        rightsStated: true,
        servedOn: today,
        endsOn: FAR,
        courtWaitEndsOn: FAR,
      };
    case 'statement.record':
      return { ...base, type, summary: 'probe', finding: 'probe', holds: false, heardOn: today };
    case 'review.submit':
      return { ...base, type, attestation: true };
    case 'review.assign': {
      const assignee = probeAssignee(actor);
      return { ...base, type, reviewerId: assignee.id, assignee };
    }
    case 'review.approve':
      return { ...base, type, draftHash: c.draft.hash, opinion: 'probe', items: executionReviewItems() };
    case 'review.return':
      return { ...base, type, opinion: 'probe', items: executionReviewItems({ factsEvidence: 'probe' }) };
    case 'decision.issue':
      return { ...base, type, draftHash: c.draft.hash, decidedOn: today, courtDeadline: FAR, planned: fine };
    case 'substitute.remind':
      return { ...base, type, servedOn: today };
    case 'execution.carry':
      return { ...base, type, carriedOn: today, carried: fine, costYuan: 0 };
    case 'court.rule':
      return { ...base, type, ruling: 'enforce', ruledOn: today };
    case 'execution.suspend':
      return { ...base, type, ground: 'other_lawful', reason: 'probe' };
    case 'execution.resume':
      return { ...base, type, reason: 'probe' };
    case 'execution.terminate':
      return { ...base, type, ground: 'other_lawful', reason: 'probe' };
    case 'duty.performed':
      return { ...base, type, note: 'probe', performedOn: today };
    case 'filing.submit':
      return { ...base, type, filedOn: today };
    case 'case.withdraw':
      return { ...base, type, reason: 'probe' };
    case 'case.close':
      return { ...base, type };
  }
}
