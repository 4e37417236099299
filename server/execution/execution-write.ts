// Maps one accepted 行政强制执行 transition to what the case store writes: the record entry, the new draft version,
// and the `reviews` and `decisions` projections the database trigger checks (the row is `nextCaseRow`'s). Pure.
import type { ExecutionSnapshot } from '../../machines/execution/execution.machine.js';
import type { ExecutionDraft } from '../../machines/execution/execution.draft.js';
import type { ExecutionEvent } from '../../machines/execution/execution.events.js';
import { executionActingRole } from '../../machines/execution/execution.rules.js';
import type { AcceptedWrite, CaseRow } from '../../db/cases/case-store.js';
import type { RecordEntry } from '../../db/core/record-hash.js';
import { payloadOf } from '../cases/case-write.js';

/** The store write of an accepted event: entry, row, and the draft, review and decision projections. */
export function executionWrite(
  row: CaseRow,
  event: ExecutionEvent | ({ type: 'case.open' } & Omit<ExecutionEvent, 'type'>),
  before: ExecutionSnapshot | null,
  after: ExecutionSnapshot,
  draft: ExecutionDraft,
): AcceptedWrite {
  const c = after.context;
  const type = event.type;
  const role = type === 'case.open' ? 'handler' : executionActingRole(event.actor, type as ExecutionEvent['type']);
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
      outcome: c.decision!.outcome,
      draftHash: c.decision!.draftHash,
      isMajor: c.major.isMajor,
    };
  }
  return write;
}
