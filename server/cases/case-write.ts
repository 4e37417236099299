// Maps one accepted transition to what the store writes: the record entry, the new draft version,
// and the review or decision projection rows that the database triggers check.
import type { AnyMachineSnapshot } from 'xstate';
import type { CaseContext } from '../../machines/case/case.context.js';
import type { CaseEvent } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { actingRole } from '../../machines/case/case.rules.js';
import type { AcceptedWrite, CaseRow } from '../../db/cases/case-store.js';

/** The record payload: the event as sent plus the actor as vouched for, minus the stamped time. */
export function payloadOf(event: CaseEvent): unknown {
  const { at: _at, ...rest } = event;
  return rest;
}

/** Builds the store write for an accepted event (`case.open` for the first). */
export function toWrite(
  caseId: string,
  row: CaseRow,
  event: CaseEvent | (Omit<Extract<CaseEvent, { type: 'draft.revise' }>, 'type'> & { type: 'case.open' }),
  before: AnyMachineSnapshot | null,
  after: AnyMachineSnapshot,
  draft: DraftContent,
): AcceptedWrite {
  const c = after.context as CaseContext;
  const prev = before?.context as CaseContext | undefined;
  const type = event.type;
  const role = type === 'case.open' ? 'handler' : actingRole(event.actor, type);
  const write: AcceptedWrite = {
    row,
    entry: {
      caseId,
      seq: row.version,
      type,
      payload: payloadOf(event as CaseEvent),
      actorId: event.actor.id,
      actorRole: role,
      at: event.at,
      draftHash: c.draft.hash,
      accepted: true,
      refusal: null,
    },
  };
  if (type === 'case.open' || (type === 'draft.revise' && prev && prev.draft.hash !== c.draft.hash) || (type === 'draft.revise' && !prev)) {
    write.draft = { version: c.draft.version, hash: c.draft.hash, content: draft, authorId: event.actor.id };
  }
  if (type === 'review.approve' || type === 'review.return' || type === 'review.refer') {
    const e = event as Extract<CaseEvent, { type: 'review.approve' | 'review.return' | 'review.refer' }>;
    write.review = {
      reviewerId: e.actor.id,
      outcome: c.review!.outcome,
      opinion: e.opinion,
      items: e.items ?? null,
      draftHash: c.review!.draftHash,
    };
  }
  if (type === 'decision.issue') {
    write.decision = { headId: event.actor.id, outcome: c.decision!.outcome, draftHash: c.decision!.draftHash, isMajor: c.major.isMajor };
  }
  return write;
}
