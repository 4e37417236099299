// What an inquiry looks like to one caller, and which events that caller may send now: asked of the
// machine itself with probe events, so the API and any UI never guess (as for cases).
import type { AnyMachineSnapshot } from 'xstate';
import type { Actor } from '../../machines/case/case.events.js';
import type { InquiryContext } from '../../machines/inquiry/inquiry.context.js';
import { inquiryEventTypes, type InquiryEvent, type InquiryEventType } from '../../machines/inquiry/inquiry.events.js';
import { refuseInquiryActor } from '../../machines/inquiry/inquiry.rules.js';
import type { InquiryRow } from '../../db/audit/inquiry-store.js';
import type { DeadlineView } from '../deadlines/deadline-view.js';

/** A probe of `type` whose content passes every content guard, so `can` answers about state and person only. */
export function probeInquiryEvent(type: InquiryEventType, context: InquiryContext, actor: Actor, at: string): InquiryEvent {
  switch (type) {
    case 'exemption.claim':
      return { type, grounds: [], statement: 'probe', actor, at };
    case 'withdrawal.record':
      return { type, withdrawnOn: at.slice(0, 10), note: 'probe', actor, at };
    case 'inquiry.determine':
      return {
        type,
        conclusion: 'probe',
        actor,
        at,
        allocations: context.persons.map((p) => ({ personId: p.id, level: 'none' as const, exempted: false, reasons: 'probe' })),
      };
  }
}

/** Event types `actor` may send on this inquiry now. */
export function allowedInquiryEvents(snapshot: AnyMachineSnapshot, actor: Actor, at: string): InquiryEventType[] {
  if (snapshot.status !== 'active') return [];
  const context = snapshot.context as InquiryContext;
  return inquiryEventTypes.filter(
    (type) => refuseInquiryActor(context, { type, actor }) === null && snapshot.can(probeInquiryEvent(type, context, actor, at)),
  );
}

/** The top-level state name. */
export const inquiryState = (value: unknown): string =>
  typeof value === 'string' ? value : (Object.keys(value as object)[0] ?? 'unknown');

/** The API shape of an inquiry; the withdrawal's due date is its clock's (`clock`), the one place it is kept. */
export function toInquiryView(row: InquiryRow, snapshot: AnyMachineSnapshot, actor: Actor, at: string, clock: DeadlineView | null) {
  const c = snapshot.context as InquiryContext;
  return {
    id: row.id,
    caseId: c.caseId,
    state: inquiryState(snapshot.value),
    version: row.version,
    outcome: c.outcome,
    decision: c.decision,
    persons: c.persons,
    facts: c.facts,
    proposal: c.proposal,
    claims: c.claims,
    withdrawal: { ...c.withdrawal, dueDate: clock?.dueDate ?? null, provisional: clock?.provisional ?? false, deadline: clock },
    determination: c.determination,
    allowedEvents: allowedInquiryEvents(snapshot, actor, at),
    openedAt: c.openedAt,
    updatedAt: row.updatedAt,
  };
}
export type InquiryView = ReturnType<typeof toInquiryView>;
