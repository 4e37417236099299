// Maps one accepted 查封、扣押 transition to what the case store writes: the record entry, the new draft version,
// and the `reviews` and `decisions` projections the database trigger checks (the row is `nextCaseRow`'s). Pure.
import type { CoercionSnapshot } from '../../machines/coercion/coercion.machine.js';
import type { CoercionDraft } from '../../machines/coercion/coercion.draft.js';
import type { CoercionEvent } from '../../machines/coercion/coercion.events.js';
import { coercionActingRole } from '../../machines/coercion/coercion.rules.js';
import type { AcceptedWrite, CaseRow } from '../../db/cases/case-store.js';
import type { RecordEntry } from '../../db/core/record-hash.js';
import { payloadOf } from '../cases/case-write.js';

/** The store write of an accepted event: entry, row, and the draft, review and decision projections. */
export function coercionWrite(
  row: CaseRow,
  event: CoercionEvent | ({ type: 'case.open' } & Omit<CoercionEvent, 'type'>),
  before: CoercionSnapshot | null,
  after: CoercionSnapshot,
  draft: CoercionDraft,
): AcceptedWrite {
  const c = after.context;
  const type = event.type;
  const role = type === 'case.open' ? 'handler' : coercionActingRole(event.actor, type as CoercionEvent['type']);
  const entry: RecordEntry = {
    caseId: row.id,
    seq: row.version,
    type,
    payload: payloadOf(event as never),
    actorId: event.actor.id,
    actorRole: role,
    at: event.at,
    draftHash: c.draft.hash,
    accepted: true,
    refusal: null,
  };
  const write: AcceptedWrite = { row, entry };
  if (type === 'case.open' || before?.context.draft.hash !== c.draft.hash) {
    write.draft = { version: c.draft.version, hash: c.draft.hash, content: draft, authorId: event.actor.id };
  }
  if ((type === 'review.approve' || type === 'review.return') && 'items' in event) {
    write.review = {
      reviewerId: event.actor.id,
      outcome: c.review!.outcome,
      opinion: (event as { opinion: string }).opinion,
      items: event.items,
      draftHash: c.review!.draftHash,
    };
  }
  if (type === 'decision.issue') {
    write.decision = {
      headId: event.actor.id,
      outcome: `coercion_${c.draft.measure}`,
      draftHash: c.decision!.draftHash,
      isMajor: c.major.isMajor,
    };
  }
  return write;
}
