// What a major-decision kind (查封扣押, 行政许可 撤销/撤回, 行政强制执行) tells the shared stream, write and service:
// its machine kind, its rule functions and its probes. Invariant: every decision the shared code takes asks
// these functions, so each rule keeps its one home in the kind's machine folder.
import type { Actor, Role } from '../../machines/case/case.events.js';
import type { CaseRow } from '../../db/cases/case-store.js';
import type { StampedEvent } from '../shared/command-pipeline.js';
import type { DomainError } from '../shared/result.js';

/** A refusal by a kind's rule: a stable code and detail, with a content rule's reason and fields. */
export type KindRefusal = Omit<DomainError, 'kind'>;

/** The part of a kind's snapshot the shared code reads (every kind's context carries these). */
export interface KindSnapshot {
  value: unknown;
  status: string;
  context: {
    reviewerId: string | null;
    draft: { hash: string; version: number };
    review?: { outcome: 'approved' | 'returned' | 'referred'; draftHash: string } | null;
    decision?: { outcome: string; draftHash: string } | null;
    major: { isMajor: boolean };
  };
  can(event: never): boolean;
}

/** What every kind's draft carries (the case title is the row's). */
export interface KindDraft {
  title: string;
}

/** A loaded case of a kind: its row, its snapshot and its current draft. */
export interface LoadedKind<S extends KindSnapshot, D> {
  row: CaseRow;
  snapshot: S;
  draft: D;
}

/** The rule functions and probes of one kind; `S` its snapshot, `D` its draft, `E` its events. */
export interface KindSpec<S extends KindSnapshot, D extends KindDraft, E extends StampedEvent> {
  /** The machine kind in the registry and in `cases.machine_id`. */
  kind: string;
  /** The kind's Chinese name, in the not-found detail. */
  label: string;
  /** An event that passes the machine's guards when the state and person allow `type` (content ignored when asked). */
  probe(type: E['type'], actor: Actor, snapshot: S, draft: D, at: string, ignoreContent?: boolean): unknown;
  /** When set, the state check runs the machine with these content guards passing instead of a content-blind probe. */
  contentGuards?: readonly string[];
  allowedEvents(snapshot: S, actor: Actor, draft: D, at: string): string[];
  refuseActor(context: S['context'], event: E): KindRefusal | null;
  refuseContent(context: S['context'], event: E): KindRefusal | null;
  actingRole(actor: Actor, type: E['type']): Role | null;
  refuseOpening(actor: Actor): KindRefusal | null;
  refuseDraft(draft: D): KindRefusal | null;
  /** The outcome the `decisions` row records; the machine's decision outcome by default. */
  decisionOutcome?: (context: S['context']) => string;
}
