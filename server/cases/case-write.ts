// Maps one accepted transition to what the store writes: the next `cases` row, the record entry, the new
// draft version, and the review or decision projection rows that the database triggers check. Pure.
import type { CaseSnapshot } from '../../machines/case/case.machine.js';
import type { CaseEvent } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { actingRole } from '../../machines/case/case.rules.js';
import { draftOf } from '../../machines/case/draft.schema.js';
import type { AcceptedWrite, CaseRow } from '../../db/cases/case-store.js';
import type { RecordEntry } from '../../db/core/record-hash.js';
import type { DomainError } from '../shared/result.js';
import { topState } from './case-view.js';

/** The opening entry: the first draft, with the catalog and procedure in force so the record alone can rebuild the case. */
export type OpeningEvent = Omit<Extract<CaseEvent, { type: 'draft.revise' }>, 'type'> & {
  type: 'case.open';
  catalog: unknown;
  procedure?: unknown;
  /** The 立案 date when it was given (legal date); else the day of entry. */
  openedOn?: string;
  /** The opening handler's unit, on the record so the case's unit is hash-chained and can be rebuilt. */
  unitId?: string | null;
  /** The machine the case opens under (absent on records written before versions were kept: case 6). */
  machine?: MachineRef;
};

/** Which machine a case runs under: `cases.machine_id` and `cases.machine_version`. */
export interface MachineRef {
  kind: string;
  version: number;
}

/** The draft an event carries, if any (a revision, a supplement, a new notice): `draftOf` of the machine. */
export const draftCarried = draftOf;

/** The record payload: the event as sent plus the actor as vouched for, minus the stamped time. */
export function payloadOf(event: CaseEvent | OpeningEvent): unknown {
  const { at: _at, ...rest } = event;
  return rest;
}

/** What a `cases` row is built from, whichever machine (case, 查封扣押) runs the case. */
export interface RowSnapshot {
  value: unknown;
  status: string;
  context: { reviewerId: string | null; major: { isMajor: boolean }; draft: { hash: string } };
}

/** The `cases` row after a transition (`init` for the row a case opens with, under `init.machine`). */
export function nextCaseRow(
  prev: CaseRow | null,
  after: RowSnapshot,
  draft: Pick<DraftContent, 'title'>,
  at: string,
  init?: { id: string; handlerId: string; unitId: string | null; unitPath: string | null; machine: MachineRef },
): CaseRow {
  const c = after.context;
  return {
    id: prev?.id ?? init!.id,
    title: draft.title,
    status: topState(after.value),
    snapshot: { value: after.value, context: after.context as unknown as Record<string, unknown>, status: after.status },
    machineId: prev?.machineId ?? init!.machine.kind,
    machineVersion: prev?.machineVersion ?? init!.machine.version,
    version: (prev?.version ?? 0) + 1,
    handlerId: prev?.handlerId ?? init!.handlerId,
    reviewerId: c.reviewerId,
    isMajor: c.major.isMajor,
    draftHash: c.draft.hash,
    createdAt: prev?.createdAt ?? at,
    updatedAt: at,
    unitId: prev ? prev.unitId : init!.unitId,
    unitPath: prev ? prev.unitPath : init!.unitPath,
  };
}

/** The record entry of a refused attempt: who tried what, on which draft, and why; the case is untouched. */
export function refusedEntry(caseId: string, context: CaseSnapshot['context'], event: CaseEvent, error: DomainError): RecordEntry {
  return {
    caseId,
    seq: null,
    type: event.type,
    payload: payloadOf(event),
    actorId: event.actor.id,
    actorRole: actingRole(event.actor, event.type),
    at: event.at,
    // The hash the attempt carried, where it carried one; else the draft it was made on.
    draftHash: 'draftHash' in event ? event.draftHash : context.draft.hash,
    accepted: false,
    refusal: { kind: error.kind, code: error.code, detail: error.detail },
  };
}

/** Builds the store write for an accepted event (`case.open` for the first). */
export function toWrite(
  caseId: string,
  row: CaseRow,
  event: CaseEvent | OpeningEvent,
  before: CaseSnapshot | null,
  after: CaseSnapshot,
  draft: DraftContent,
): AcceptedWrite {
  const c = after.context;
  const type = event.type;
  const write: AcceptedWrite = {
    row,
    entry: {
      caseId,
      seq: row.version,
      type,
      payload: payloadOf(event),
      actorId: event.actor.id,
      actorRole: type === 'case.open' ? 'handler' : actingRole(event.actor, type),
      at: event.at,
      draftHash: c.draft.hash,
      accepted: true,
      refusal: null,
    },
  };
  // A new text arrives with a revision or with a notice that announces it.
  if (type === 'case.open' || (draftOf(event) !== null && before?.context.draft.hash !== c.draft.hash)) {
    write.draft = { version: c.draft.version, hash: c.draft.hash, content: draft, authorId: event.actor.id };
  }
  if (type === 'review.approve' || type === 'review.return' || type === 'review.refer') {
    write.review = {
      reviewerId: event.actor.id,
      outcome: c.review!.outcome,
      opinion: event.opinion,
      items: event.items,
      draftHash: c.review!.draftHash,
    };
  }
  if (type === 'decision.issue') {
    write.decision = { headId: event.actor.id, outcome: c.decision!.outcome, draftHash: c.decision!.draftHash, isMajor: c.major.isMajor };
  }
  return write;
}

/** The `cases` row after a recorded migration: the same case (title, draft) under `machine`'s version `to`. */
export function migratedRow(prev: CaseRow, after: CaseSnapshot, to: number, at: string): CaseRow {
  return { ...nextCaseRow(prev, after, { title: prev.title }, at), machineVersion: to };
}
