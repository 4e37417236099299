// Maps one accepted transition of a major-decision kind to what the case store writes: the record entry, the new
// draft version, and the `reviews` and `decisions` projections the database trigger checks. Pure.
import type { Actor } from '../../machines/case/case.events.js';
import type { AcceptedWrite, CaseRow } from '../../db/cases/case-store.js';
import type { RecordEntry } from '../../db/core/record-hash.js';
import type { StampedEvent } from '../shared/command-pipeline.js';
import { payloadOf } from '../cases/case-write.js';
import type { KindDraft, KindSnapshot, KindSpec } from './kind-spec.js';

/** An accepted event or the opening (`case.open`) of a case. */
export type KindWriteEvent = StampedEvent & { actor: Actor };

/** The store write of an accepted event: entry, row, and the draft, review and decision projections. */
export function kindWrite<S extends KindSnapshot, D extends KindDraft, E extends StampedEvent>(
  spec: KindSpec<S, D, E>,
  row: CaseRow,
  event: KindWriteEvent,
  before: S | null,
  after: S,
  draft: D,
): AcceptedWrite {
  const c = after.context;
  const type = event.type;
  const role = type === 'case.open' ? 'handler' : spec.actingRole(event.actor, type);
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
      opinion: (event as unknown as { opinion: string }).opinion,
      items: event.items,
      draftHash: c.review!.draftHash,
    };
  }
  if (type === 'decision.issue') {
    write.decision = {
      headId: event.actor.id,
      outcome: spec.decisionOutcome ? spec.decisionOutcome(c) : c.decision!.outcome,
      draftHash: c.decision!.draftHash,
      isMajor: c.major.isMajor,
    };
  }
  return write;
}
