// Probe events for the criminal transfer (see case-view.ts): content every transfer rule accepts (a team of two
// certified strangers, a police answer dated the probe's day), so `can` answers about state and person alone.
import type { CaseContext } from '../../machines/case/case.context.js';
import type { CaseEventType } from '../../machines/case/case.events.js';
import { chinaDay } from '../../machines/case/legal-dates.js';

const team = [
  { id: '\u0000probe1', certified: true },
  { id: '\u0000probe2', certified: true },
];

/** The probe's content for a transfer event at `at` (without actor and time), or null for other events. */
export function transferProbe(type: CaseEventType, context: CaseContext, at: string): Record<string, unknown> | null {
  switch (type) {
    case 'transfer.report':
      return { type, officers: team.map((m) => m.id), report: 'probe', team };
    case 'transfer.approve':
      return { type };
    case 'transfer.refuse':
    case 'transfer.reconsider':
      return { type, reasons: 'probe', request: 'probe' };
    case 'transfer.send':
      return { type, recipient: 'probe', materials: ['probe'], seizedItems: [] };
    case 'transfer.answer': {
      // After a 不予立案 only a 立案 (ordered by the procuratorate) is still an answer the case can take.
      const status = context.transfer?.status;
      const result = status === 'declined' || status === 'upheld' ? 'filed' : 'not_filed';
      return { type, result, receivedOn: chinaDay(at) };
    }
    case 'transfer.supervise':
      return { type, result: 'requested', note: 'probe' };
    case 'transfer.resume':
      return { type, reason: 'probe' };
    case 'clue.transfer':
      return { type, recipient: 'probe', summary: 'probe' };
    default:
      return null;
  }
}
