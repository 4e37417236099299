// Rebuilds, from a case's accepted record entries alone, every row the service stored beside them: the
// `cases` row (snapshot included), its draft versions, reviews and decision. Pure: the same steps the case
// service takes (`createMachineStep`, `nextCaseRow`), so an untouched database matches exactly.
import type { CaseMachine, CaseSnapshot } from '../../machines/case/case.machine.js';
import { machineRegistry } from '../../machines/registry.js';
import type { MachineRegistry } from '../../machines/shared/machine-versions.js';
import type { CaseContext, CaseProcedure } from '../../machines/case/case.context.js';
import type { CaseEvent } from '../../machines/case/case.events.js';
import { draftOf, type DraftContent } from '../../machines/case/draft.schema.js';
import type { MajorCatalog } from '../../machines/case/major-catalog.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import { migratedRow, nextCaseRow } from '../cases/case-write.js';
import { createMachineStep, type MachineStep } from '../shared/machine-step.js';
import { machineFor, migrateEntryType, openingMachine, replayMigration, type MigratePayload } from '../cases/replay.js';

/** One stored accepted entry as the projection source reads it. */
export interface ReplayRow {
  id: number;
  type: string;
  payload: Record<string, unknown>;
  actorId: string;
  at: string;
}

export interface ExpectedDraft {
  version: number;
  hash: string;
  content: DraftContent;
  authorId: string;
  at: string;
}
export interface ExpectedReview {
  eventId: number;
  draftHash: string;
  reviewerId: string;
  outcome: string;
  opinion: string;
  items: unknown;
  at: string;
}
export interface ExpectedDecision {
  eventId: number;
  draftHash: string;
  headId: string;
  outcome: string;
  isMajor: boolean;
  at: string;
}

/** Everything the record says the projections must hold for one case. */
export interface ExpectedCase {
  row: CaseRow;
  drafts: ExpectedDraft[];
  reviews: ExpectedReview[];
  decision: ExpectedDecision | null;
}

const reviewTypes = new Set(['review.approve', 'review.return', 'review.refer']);

/** A replayer over the deployed machine versions: build it once, use it for every case of a verification. */
export function createProjectionReplay(registry: MachineRegistry = machineRegistry) {
  const steps = new Map<string, MachineStep<CaseMachine>>();
  /** The step of the machine (kind, version), built once. */
  const stepOf = (kind: string, version: number, caseId: string) => {
    const key = `${kind}@${version}`;
    if (!steps.has(key)) steps.set(key, createMachineStep(machineFor(registry, { kind, version }, caseId) as CaseMachine));
    return steps.get(key)!;
  };

  function open(caseId: string, first: ReplayRow): { snapshot: CaseSnapshot; expected: ExpectedCase } {
    const { draft, catalog, procedure, openedOn, unitId } = first.payload as {
      draft: DraftContent;
      catalog: MajorCatalog;
      procedure?: CaseProcedure;
      openedOn?: string;
      unitId?: string | null;
    };
    const dated = { ...(procedure ? { procedure } : {}), ...(openedOn ? { openedOn } : {}) };
    const machine = openingMachine(first.payload);
    const snapshot = stepOf(machine.kind, machine.version, caseId).initial({
      caseId,
      handlerId: first.actorId,
      draft,
      catalog,
      at: first.at,
      ...dated,
    });
    const row = nextCaseRow(null, snapshot, draft, first.at, {
      id: caseId,
      handlerId: first.actorId,
      unitId: unitId ?? null,
      unitPath: null,
      machine,
    });
    const c = snapshot.context as CaseContext;
    const drafts = [{ version: c.draft.version, hash: c.draft.hash, content: draft, authorId: first.actorId, at: first.at }];
    return { snapshot, expected: { row, drafts, reviews: [], decision: null } };
  }

  /** A recorded `machine.migrate`: the snapshot under the new version and the row naming it, or why it does not replay. */
  function migrated(caseId: string, snapshot: CaseSnapshot, row: CaseRow, entry: ReplayRow) {
    try {
      const after = replayMigration(registry, caseId, snapshot, entry.payload) as CaseSnapshot;
      const { to } = entry.payload as unknown as MigratePayload;
      return { ok: true as const, snapshot: after, row: migratedRow(row, after, to, entry.at) };
    } catch (e) {
      return { ok: false as const, detail: `entry ${entry.id} (${entry.type}): ${(e as Error).message}` };
    }
  }

  /** The expected projections, or why the record cannot be replayed (which is itself tampering). */
  return function replay(caseId: string, rows: ReplayRow[]): { ok: true; expected: ExpectedCase } | { ok: false; detail: string } {
    const [first, ...rest] = rows;
    if (first?.type !== 'case.open') return { ok: false, detail: `the record of case ${caseId} does not start with case.open` };
    let { snapshot, expected } = open(caseId, first);
    let draft = expected.drafts[0]!.content;
    for (const entry of rest) {
      if (entry.type === migrateEntryType) {
        const moved = migrated(caseId, snapshot, expected.row, entry);
        if (!moved.ok) return moved;
        [snapshot, expected] = [moved.snapshot, { ...expected, row: moved.row }];
        continue;
      }
      const event = { ...entry.payload, at: entry.at } as CaseEvent;
      const after = stepOf(expected.row.machineId, expected.row.machineVersion, caseId).next(snapshot, event);
      if (after === snapshot)
        return { ok: false, detail: `entry ${entry.id} (${entry.type}) is not accepted when case ${caseId} is replayed` };
      // The service stores a draft version only when the text changed (case-write.ts): the same rule here.
      const before = (snapshot.context as CaseContext).draft.hash;
      const c = after.context as CaseContext;
      draft = draftOf(event) ?? draft;
      if (c.draft.hash !== before)
        expected.drafts.push({ version: c.draft.version, hash: c.draft.hash, content: draft, authorId: entry.actorId, at: entry.at });
      if (reviewTypes.has(entry.type)) {
        const e = event as Extract<CaseEvent, { type: 'review.approve' }>;
        const review = { outcome: c.review!.outcome, draftHash: c.review!.draftHash, opinion: e.opinion, items: e.items ?? null };
        expected.reviews.push({ eventId: entry.id, reviewerId: entry.actorId, at: entry.at, ...review });
      }
      if (entry.type === 'decision.issue') {
        const d = c.decision!;
        expected.decision = {
          eventId: entry.id,
          draftHash: d.draftHash,
          headId: entry.actorId,
          outcome: d.outcome,
          isMajor: c.major.isMajor,
          at: entry.at,
        };
      }
      expected = { ...expected, row: nextCaseRow(expected.row, after, draft, entry.at) };
      snapshot = after;
    }
    return { ok: true, expected };
  };
}
export type ProjectionReplay = ReturnType<typeof createProjectionReplay>;
