// What a case looks like to one caller: its state, draft, classification, deadlines and the events that
// caller may send now (allowedEvents, asked of the machine with probes: case-probes.ts, cached per snapshot
// and caller in allowed-events-cache.ts). The full view and the lean answer of `Prefer: return=minimal`.
import type { CaseSnapshot } from '../../machines/case/case.machine.js';
import type { Actor } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { procedureOf, proposedOutcome } from '../../machines/case/decision.rules.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import type { DeadlineView } from '../deadlines/deadline-view.js';
import { cachedAllowedEvents } from './allowed-events-cache.js';
import type { Representation } from '../shared/command-pipeline.js';

/** The top-level state name (`decided` for the parallel duties). */
export function topState(value: unknown): string {
  return typeof value === 'string' ? value : (Object.keys(value as object)[0] ?? 'unknown');
}

/** The API shape of a case for `actor`, with its clocks. */
export function toCaseView(row: CaseRow, snapshot: CaseSnapshot, draft: DraftContent, actor: Actor, at: string, deadlines: DeadlineView[]) {
  const c = snapshot.context;
  return {
    id: row.id,
    title: draft.title,
    state: topState(snapshot.value),
    stateValue: snapshot.value as unknown,
    version: row.version,
    major: c.major,
    draft: { version: c.draft.version, hash: c.draft.hash, ...draft },
    allowedEvents: cachedAllowedEvents(snapshot, actor, draft, at),
    handlerId: c.handlerId,
    reviewerId: c.reviewerId,
    rights: c.rights,
    /** A statement recorded after the standing approval: shown to the reviewer and head (交通 art 70). */
    statementAfterReview: c.review !== null && c.rights.lastStatementAt !== null && c.rights.lastStatementAt > c.review.at,
    hearing: c.hearing,
    recusals: c.recusals,
    recusalApplications: c.recusalApplications,
    investigators: c.investigators,
    attestation: c.attestation,
    review: c.review,
    reviewRounds: c.reviewRounds,
    discussion: c.discussion,
    decision: c.decision,
    /** What the current draft proposes to decide (交通 art 73), and the procedure the case runs under. */
    proposedOutcome: proposedOutcome(c),
    procedure: procedureOf(c),
    materials: c.materials ?? null,
    dispute: c.dispute ?? null,
    decisionExtension: c.decisionExtension ?? null,
    /** The latest criminal transfer (移送规定 arts 5–12) and the clues sent to 纪检监察 (art 19). */
    transfer: c.transfer ?? null,
    clues: c.clues ?? [],
    duties: c.duties,
    deadlines,
    openedAt: c.openedAt,
    openedOn: c.openedOn,
    endedAt: c.endedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type CaseView = ReturnType<typeof toCaseView>;

/**
 * The lean answer of a write under `Prefer: return=minimal`: what a client needs to send its next command
 * (the version for If-Match, the draft hash for review.approve and decision.issue, the allowed events) and no
 * more, so the clocks are not read and the case is not laid out.
 */
export function toCaseMinimal(row: CaseRow, snapshot: CaseSnapshot, draft: DraftContent, actor: Actor, at: string) {
  const c = snapshot.context;
  return {
    id: row.id,
    state: topState(snapshot.value),
    version: row.version,
    draft: { version: c.draft.version, hash: c.draft.hash },
    allowedEvents: cachedAllowedEvents(snapshot, actor, draft, at),
    updatedAt: row.updatedAt,
  };
}
export type CaseMinimal = ReturnType<typeof toCaseMinimal>;

/** What a write answers: the whole case, or the lean answer the client preferred. */
export type CaseAnswer = CaseView | CaseMinimal;

/** The answer a write gives under `representation` (`full` when none was asked for). */
export type AnswerOf<R extends Representation> = R extends 'minimal' ? CaseMinimal : CaseView;
