// Frozen copy of the deadline computation as it was before the allocation work (commit 54183a1): the oracle
// the regression test compares the optimised code with. The rules (clock states, policy, calendar) are the real
// ones, imported; only how they are computed is copied, and never edited.
import type { CaseSnapshot } from '../../../../machines/case/case.machine.js';
import type { CaseContext } from '../../../../machines/case/case.context.js';
import type { DeadlineKind } from '../../../../server/deadlines/deadline-rules.js';
import type { DeadlineRow } from '../../../../db/deadlines/deadline-store.js';
import type { AcceptedChange } from '../../../../server/cases/case-stream.js';
import {
  caseClockOrder,
  clockFrom,
  clockStates,
  isAdministrativeTrackOver,
  type ClockPhase,
} from '../../../../server/deadlines/deadline-clocks.js';

type ClockStates = NonNullable<(typeof clockStates)[DeadlineKind]>;

/** Whether `snapshot` is in `state` (`*`: any state before the decision of an open case, still on its track). */
function inState(snapshot: CaseSnapshot, state: ClockStates['runs']): boolean {
  if (state === '*') return !isAdministrativeTrackOver(snapshot) && !snapshot.matches('decided');
  return snapshot.matches(state as never);
}

/** Phases already asked of a snapshot: a snapshot never changes, and each transition asks every clock twice. */
const phases = new WeakMap<CaseSnapshot, Map<DeadlineKind, ClockPhase>>();

/** The phase of clock `kind` in `snapshot` (null snapshot: before 立案). */
export function clockPhase(kind: DeadlineKind, snapshot: CaseSnapshot | null): ClockPhase {
  if (!snapshot) return 'off';
  let known = phases.get(snapshot);
  if (!known) {
    known = new Map();
    phases.set(snapshot, known);
  }
  let phase = known.get(kind);
  if (phase === undefined) {
    phase = phaseIn(kind, snapshot);
    known.set(kind, phase);
  }
  return phase;
}

function phaseIn(kind: DeadlineKind, snapshot: CaseSnapshot): ClockPhase {
  const states = clockStates[kind];
  if (!states || !inState(snapshot, states.runs)) return 'off';
  return states.pausedIn?.some((s) => snapshot.matches(s as never)) ? 'paused' : 'running';
}

/** Events that change a clock without moving the case between clock states (deadline-model.ts). */
const clockEvents: ReadonlySet<string> = new Set(['publication.withdraw', 'deadline.notify']);

/**
 * Whether `change` leaves every clock in `rows` as it is: each case clock's open row (or its absence) already
 * fits the clock's phase after the change and its legal start, no extension was granted, and the event is not
 * one that annotates or closes a clock itself. Exactly the case where `nextDeadlines` keeps every row, so the
 * deadline effect can skip it: most transitions start, pause or stop no clock.
 */
export function keepsEveryClock(rows: DeadlineRow[], change: AcceptedChange): boolean {
  if (change.before === null || clockEvents.has(change.event.type)) return false;
  const granted = (change.after.context as CaseContext).decisionExtension ?? null;
  if (granted !== null && ((change.before.context as CaseContext).decisionExtension ?? null) === null) return false;
  return caseClockOrder.every((kind) => {
    const open = rows.find((r) => r.kind === kind && r.state !== 'closed');
    const phase = clockPhase(kind, change.after);
    if (!open || phase === 'off') return !open && phase === 'off';
    if (open.state !== phase) return false;
    const from = clockFrom(kind, change.after);
    return !(phase === 'running' && open.pausedDays === 0 && from !== null && from !== open.startDate);
  });
}
