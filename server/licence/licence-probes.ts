// Probe events of a 行政许可 (撤销 / 撤回) case: content every content rule accepts, so `snapshot.can(probe)`
// answers about state and person. A `neutral` probe of hearing.close is sent after the statements period,
// so the state question never answers with the period still running.
import type { Actor } from '../../machines/case/case.events.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import type { LicenceSnapshot } from '../../machines/licence/licence.machine.js';
import type { LicenceDraft } from '../../machines/licence/licence.draft.js';
import { licenceReviewItems, type LicenceEvent, type LicenceEventType } from '../../machines/licence/licence.events.js';
import { probeAssignee } from '../cases/case-probes.js';

/** A last day no period reaches: probes never fail on the period they stamp. */
const FAR = '2099-12-31';

/** The day after `date` at noon in China (UTC+8), as an instant. */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T04:00:00.000Z`) + 86_400_000).toISOString();

/** The probe of `type` from `actor` at `at`. */
export function licenceProbe(
  type: LicenceEventType,
  actor: Actor,
  snapshot: LicenceSnapshot,
  draft: LicenceDraft,
  at: string,
  neutral = false,
): LicenceEvent {
  const c = snapshot.context;
  const when = neutral && type === 'hearing.close' && c.hearing ? dayAfter(c.hearing.statementsDueOn) : at;
  const today = chinaDay(when);
  const base = { actor, at: when };
  switch (type) {
    case 'draft.revise':
      return { ...base, type, draft };
    case 'notice.serve':
      return { ...base, type, servedOn: today, statementsDueOn: FAR };
    case 'statement.record':
      return { ...base, type, waived: false, summary: 'probe', response: 'probe', receivedOn: today };
    case 'hearing.close':
    case 'case.close':
      return { ...base, type };
    case 'review.submit':
      return { ...base, type, attestation: true };
    case 'review.assign': {
      const assignee = probeAssignee(actor);
      return { ...base, type, reviewerId: assignee.id, assignee };
    }
    case 'review.approve':
      return { ...base, type, draftHash: c.draft.hash, opinion: 'probe', items: licenceReviewItems() };
    case 'review.return':
      return { ...base, type, opinion: 'probe', items: licenceReviewItems({ factsEvidence: 'probe' }) };
    case 'decision.issue':
      return { ...base, type, draftHash: c.draft.hash, decidedOn: today };
    case 'service.record':
      return { ...base, type, servedOn: today, method: 'probe' };
    case 'publication.record':
      return { ...base, type, publishedOn: today, channel: 'probe' };
    case 'filing.submit':
      return { ...base, type, filedOn: today };
    case 'case.withdraw':
      return { ...base, type, reason: 'probe' };
  }
}
