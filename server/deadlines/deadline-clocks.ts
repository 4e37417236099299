// Which machine state each case clock measures: a clock runs while the case is in its state, is paused
// while the case is in one of its pause states, and stops when the case leaves its state. Derived from the
// snapshots before and after a transition, so every path into or out of a state (a recusal included) is
// covered without naming events.
import type { CaseSnapshot } from '../../machines/case/case.machine.js';
import type { CaseContext } from '../../machines/case/case.context.js';
import type { DeadlineKind } from './deadline-rules.js';
import type { DeadlineRow } from '../../db/deadlines/deadline-store.js';
import type { AcceptedChange } from '../cases/case-stream.js';

/** A clock's state in a snapshot: not running, running, or running but paused. */
export type ClockPhase = 'off' | 'running' | 'paused';

/** What one case clock measures (DOMAIN §1.1, §3; 国办发〔2018〕118号 (十三) for review rounds). */
interface ClockStates {
  /** The state (a path for `snapshot.matches`) the clock measures; `*` while the case is open. */
  runs: string | Record<string, unknown>;
  /** Sub-states where the period does not run (time spent supplementing materials, for review). */
  pausedIn?: (string | Record<string, unknown>)[];
  /**
   * The legal date the period counts from (交通 art 17: that day not counted), read from the case: the
   * 立案 date, the party's receipt of the notice, the decision's date. Absent: the day the state was entered.
   */
  from?: (context: CaseContext) => string | null;
  /**
   * The event that ends the case is the one this period awaits (the police's 立案 ends the administrative case;
   * from version 8 the handover ends it): the clock is then met or late, not cancelled with the case.
   */
  endsWithAnswer?: true;
}

/**
 * The case clocks. A return (存在问题) leaves `inReview`, so it completes that review round; a re-submission
 * enters `inReview` again and starts a new round with the full period (118号 (十三)). A reviewer's 回避 after
 * approving sends the case back into `inReview`: a new review clock.
 */
const decidedOn = (c: CaseContext) => c.decision?.decidedOn ?? null;

export const clockStates: Partial<Record<DeadlineKind, ClockStates>> = {
  decision: { runs: '*', from: (c) => c.openedOn },
  hearingRequest: { runs: 'noticed', from: (c) => c.rights.receivedOn },
  review: { runs: 'inReview', pausedIn: [{ inReview: 'awaitingMaterials' }] },
  // No clock for a duty that does not apply: a transfer routes `decided.service` to `notRequired`.
  service: { runs: { decided: { service: 'due' } }, from: decidedOn },
  publication: { runs: { decided: { publication: 'due' } }, from: decidedOn },
  filing: { runs: { decided: { filing: 'due' } }, from: decidedOn },
  // The criminal transfer (移送规定): the head decides within 3 days of the report (art 5), the case goes to
  // the police within 24 hours of the approval (art 6), a 不予立案 may be reconsidered within 3 days of its receipt (art 9).
  transferApproval: { runs: { transfer: 'proposed' } },
  transferSend: { runs: { transfer: 'approved' } },
  transferReconsideration: { runs: { transfer: 'declined' }, from: (c) => c.transfer?.answers.at(-1)?.receivedOn ?? null },
  // The police's own periods: 立案 or 不予立案 within 3 days of the transfer (art 8), counted from the sending as
  // their receipt is not recorded; the answer to a 复议 within 3 days of the request (art 9). The agency records
  // the answers, so these clocks only remind it to chase them; nothing waits on them.
  policeFiling: { runs: { transfer: 'sent' }, from: (c) => c.transfer?.sent?.sentOn ?? null, endsWithAnswer: true },
  policeReconsideration: { runs: { transfer: 'reconsidering' }, endsWithAnswer: true },
  // art 12 (version 8): the seized items and materials go to the police within 3 days of receiving their 立案通知书.
  transferHandover: {
    runs: { transfer: 'handingOver' },
    from: (c) => c.transfer?.answers.at(-1)?.receivedOn ?? null,
    endsWithAnswer: true,
  },
};

/** Whether clock `kind` is judged met or late when the event it awaits ends the case (see `endsWithAnswer`). */
export const endsWithAnswer = (kind: DeadlineKind): boolean => clockStates[kind]?.endsWithAnswer === true;

/** The legal date clock `kind` counts from in `snapshot`, or null when it counts from the entry. */
export function clockFrom(kind: DeadlineKind, snapshot: CaseSnapshot): string | null {
  return clockStates[kind]?.from?.(snapshot.context as CaseContext) ?? null;
}

/** The order clocks are started in when one transition starts several (stable for ids and tests). */
export const caseClockOrder = Object.keys(clockStates) as DeadlineKind[];

/**
 * Whether the administrative track of `snapshot` is over: the case ended, or the police filed it and only the
 * art 12 handover is left (version 8). A clock of that track still running then is cancelled, not met or late.
 */
export const isAdministrativeTrackOver = (snapshot: CaseSnapshot): boolean =>
  snapshot.status === 'done' || snapshot.matches({ transfer: 'handingOver' } as never);

/** Whether `snapshot` is in `state` (`*`: any state before the decision of an open case, still on its track). */
function inState(snapshot: CaseSnapshot, state: ClockStates['runs']): boolean {
  if (state === '*') return !isAdministrativeTrackOver(snapshot) && !snapshot.matches('decided');
  return snapshot.matches(state as never);
}

/** Each case clock's phase, in `caseClockOrder`. */
type Phases = readonly ClockPhase[];

/**
 * Phases by state value and status, the only parts of a snapshot that `inState` and the pause states read: the
 * server sees a new snapshot per event but few distinct values, so each is asked of the machine once. Bounded:
 * the values are the machine's states (a few hundred), and the map starts again if that ever stops being true.
 */
const phasesByValue = new Map<string, Phases>();
const MAX_VALUES = 4096;
/** The last snapshot asked about: each transition asks for the same `after` several times. */
let lastSnapshot: CaseSnapshot | null = null;
let lastPhases: Phases = [];

/** Every case clock's phase in `snapshot`, in `caseClockOrder`. */
function phasesOf(snapshot: CaseSnapshot): Phases {
  if (snapshot === lastSnapshot) return lastPhases;
  const key = `${snapshot.status}${JSON.stringify(snapshot.value)}`;
  let phases = phasesByValue.get(key);
  if (!phases) {
    phases = caseClockOrder.map((kind) => phaseIn(kind, snapshot));
    if (phasesByValue.size >= MAX_VALUES) phasesByValue.clear();
    phasesByValue.set(key, phases);
  }
  lastSnapshot = snapshot;
  lastPhases = phases;
  return phases;
}

/** The phase of clock `kind` in `snapshot` (null snapshot: before 立案). */
export function clockPhase(kind: DeadlineKind, snapshot: CaseSnapshot | null): ClockPhase {
  if (!snapshot) return 'off';
  const i = clockIndex.get(kind);
  return i === undefined ? 'off' : phasesOf(snapshot)[i]!;
}

const clockIndex = new Map(caseClockOrder.map((kind, i) => [kind, i]));

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
  const phases = phasesOf(change.after);
  for (let i = 0; i < caseClockOrder.length; i += 1) {
    const kind = caseClockOrder[i]!;
    const open = openRow(rows, kind);
    const phase = phases[i]!;
    if (!open || phase === 'off') {
      if (open || phase !== 'off') return false;
      continue;
    }
    if (open.state !== phase) return false;
    if (phase === 'running' && open.pausedDays === 0) {
      const from = clockFrom(kind, change.after);
      if (from !== null && from !== open.startDate) return false;
    }
  }
  return true;
}

/** The first open (running or paused) row of clock `kind`, if any. */
export function openRow(rows: readonly DeadlineRow[], kind: DeadlineKind): DeadlineRow | undefined {
  for (const row of rows) if (row.kind === kind && row.state !== 'closed') return row;
  return undefined;
}
