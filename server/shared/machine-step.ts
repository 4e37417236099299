// One function for a machine's pure next snapshot, shared by every service: the fast path behind every
// accepted command. Invariant: it computes exactly what xstate's public `transition()` computes (a test
// compares the two on generated paths and pins the xstate version this relies on).
import {
  createActor,
  initialTransition,
  transition,
  type AnyStateMachine,
  type EventFrom,
  type InputFrom,
  type SnapshotFrom,
} from 'xstate';

/** The xstate version whose internals `createMachineStep` relies on; a test fails when package.json moves. */
export const pinnedXstateVersion = '5.33.3';

/** Pure first and next snapshots of `machine`. */
export interface MachineStep<M extends AnyStateMachine> {
  initial(input: InputFrom<M>): SnapshotFrom<M>;
  /** The next snapshot; the same object when no transition is enabled. */
  next(snapshot: SnapshotFrom<M>, event: EventFrom<M>): SnapshotFrom<M>;
}

/**
 * xstate's `transition()` builds a throwaway actor per call (and runs the context factory with no input):
 * about 70 µs per event. Machines without delays, children or emitted effects (ours: deadlines live in the
 * database) can reuse one actor scope instead; assigns still apply. `machine.transition` and
 * `getInitialSnapshot` with a scope are public methods, but the scope's shape is internal, hence the pin.
 */
export function createMachineStep<M extends AnyStateMachine>(machine: M): MachineStep<M> {
  const self = createActor(machine, { input: undefined as never });
  const noop = () => {};
  const scope = {
    self,
    defer: noop,
    id: '',
    logger: noop,
    sessionId: '',
    stopChild: noop,
    system: self.system,
    emit: noop,
    actionExecutor: noop,
  };
  return {
    initial: (input) => machine.getInitialSnapshot(scope as never, input) as SnapshotFrom<M>,
    next: (snapshot, event) => machine.transition(snapshot as never, event, scope as never) as SnapshotFrom<M>,
  };
}

/** The same two steps through xstate's public functions only: the reference the fast path is tested against. */
export function createReferenceStep<M extends AnyStateMachine>(machine: M): MachineStep<M> {
  return {
    initial: (input) => initialTransition(machine, input)[0] as SnapshotFrom<M>,
    next: (snapshot, event) => transition(machine, snapshot as never, event)[0] as SnapshotFrom<M>,
  };
}
