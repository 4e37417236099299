// Probe events of a 查封、扣押 case: content every content rule accepts, so `snapshot.can(probe)` answers about
// state and person (and, unless `neutral`, about time: an expired period refuses the extension probe).
import type { Actor } from '../../machines/case/case.events.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import type { CoercionSnapshot } from '../../machines/coercion/coercion.machine.js';
import type { CoercionDraft } from '../../machines/coercion/coercion.draft.js';
import { coercionReviewItems, type CoercionEvent, type CoercionEventType } from '../../machines/coercion/coercion.events.js';
import { probeAssignee } from '../cases/case-probes.js';

/** A last day no period reaches: probes never fail on the period they stamp. */
const FAR = '2099-12-31';

/**
 * The probe of `type` from `actor` at `at`. A `neutral` probe of the extension is sent on the day the measure
 * began, which lies inside its period, so the state question never answers with the period's expiry.
 */
export function coercionProbe(
  type: CoercionEventType,
  actor: Actor,
  snapshot: CoercionSnapshot,
  draft: CoercionDraft,
  at: string,
  neutral = false,
): CoercionEvent {
  const c = snapshot.context;
  const when = neutral && type === 'measure.extend' && c.period ? `${c.period.implementedOn}T04:00:00.000Z` : at;
  const today = chinaDay(when);
  const base = { actor, at: when };
  switch (type) {
    case 'draft.revise':
      return { ...base, type, draft };
    case 'review.submit':
      return { ...base, type, attestation: true };
    case 'review.assign': {
      const assignee = probeAssignee(actor);
      return { ...base, type, reviewerId: assignee.id, assignee };
    }
    case 'review.approve':
      return { ...base, type, draftHash: c.draft.hash, opinion: 'probe', items: coercionReviewItems() };
    case 'review.return':
      return { ...base, type, opinion: 'probe', items: coercionReviewItems({ factsEvidence: 'probe' }) };
    case 'decision.issue':
      return { ...base, type, draftHash: c.draft.hash, decidedOn: today, implementedOn: today, periodEndsOn: FAR };
    case 'measure.extend':
      return { ...base, type, days: 1, reason: 'probe', noticeServedOn: today, extendedEndsOn: FAR };
    case 'measure.conclude':
      return { ...base, type, result: 'released', reason: 'probe', concludedOn: today };
    case 'filing.submit':
      return { ...base, type, filedOn: today };
    case 'case.withdraw':
      return { ...base, type, reason: 'probe' };
    case 'case.close':
      return { ...base, type };
    case 'deadline.notify':
      return { ...base, type, deadlineId: 'probe', kind: 'coercionPeriod', status: 'warning', dueDate: today };
  }
}
