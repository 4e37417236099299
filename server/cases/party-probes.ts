// Probe events for the party's rights and the duties (see case-view.ts): content every content rule accepts,
// with legal dates of the probe's day and people the case does not bar, so `can` answers about state and person.
import type { CaseContext } from '../../machines/case/case.context.js';
import type { CaseEventType } from '../../machines/case/case.events.js';
import { chinaDay } from '../../machines/case/legal-dates.js';

/** Stands for a person the case has never seen: not an investigator, not recused. */
const STRANGER = '\u0000probe';

/** The probe's content for a party-rights or duty event at `at` (without actor and time), or null for others. */
export function partyProbe(type: CaseEventType, context: CaseContext, at: string): Record<string, unknown> | null {
  const today = chinaDay(at);
  const window = { endsOn: today, provisional: false };
  const service = { method: 'direct', date: today, recipient: 'probe', receiptRef: 'probe' };
  switch (type) {
    case 'notice.send':
      return { type, service, hearingWindow: window };
    case 'notice.receipt':
      return { type, receivedOn: today, hearingWindow: window };
    case 'hearing.schedule':
      return { type, date: today, earliestOn: today, noticeServedOn: today, place: 'probe', hostId: STRANGER, recorderId: STRANGER };
    case 'hearing.adjourn':
      return { type, reason: 'probe' };
    case 'hearing.hold':
      return { type, transcript: 'probe', heldOn: today };
    case 'recusal.apply':
      return { type, againstId: STRANGER, reason: 'probe', appliedOn: today };
    case 'recusal.decide': {
      const pending = context.recusalApplications.find((a) => a.status === 'pending');
      return { type, applicationNo: pending?.no ?? 1, granted: false, reason: 'probe' };
    }
    case 'handler.assign':
      return { type, handlerId: STRANGER, assignee: { id: STRANGER, certified: true } };
    case 'decision.serve':
      return { type, service };
    case 'publication.publish':
      return { type, publishedOn: today, content: null };
    case 'publication.withdraw':
      return { type, reason: 'probe', withdrawnOn: today };
    case 'filing.submit':
      return { type, recipient: 'probe', reportNo: 'probe', filedOn: today };
    default:
      return null;
  }
}
