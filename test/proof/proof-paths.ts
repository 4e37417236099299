// Which paths the proof replays: the shortest path to every abstract state, and the simple paths of the
// honest sub-model up to a length bound, each as labels plus the abstract state each step must reach.
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import { caseMachine, type CaseMachine } from '../../machines/case/case.machine.js';
import { alphabet, type LabeledEvent, type ModelName } from './proof-alphabet.js';
import { abstractKey, modelInput, type Space } from './proof-space.js';
import type { EndProbes, PathStep } from './proof-replay.js';
import type { ActorName } from './proof-actors.js';
import { expectedOutcome, withinReach } from './proof-oracle.js';

/** Bound on the simple paths replayed over HTTP (longer ones are still checked in the machine). */
export const simplePathBound = 8;

/** The honest sub-model: one well-behaved actor per step, no adversarial variants. */
export const honestLabels = [
  'handler draft.revise majorDiscussed',
  'handler notice.send',
  'handler rights.waive',
  'handler hearing.request',
  'head1 hearing.schedule',
  'handler hearing.hold',
  'handler review.submit',
  'head1 review.assign reviewer1',
  'reviewer1 review.approve current',
  'reviewer1 review.return',
  'reviewer1 review.refer',
  'head1 discussion.record',
  'head1 decision.issue current',
  'head1 decision.issue current transfer',
  'clerk1 decision.serve',
  'clerk1 publication.publish',
  'clerk1 filing.submit',
  'clerk1 case.close',
  'handler case.withdraw',
];

interface GraphPath {
  steps: { state: AnyMachineSnapshot; event: LabeledEvent }[];
}

const toSteps = (path: GraphPath): PathStep[] => path.steps.slice(1).map((s) => ({ label: s.event.label, key: abstractKey(s.state) }));

function traversal(events: (s: AnyMachineSnapshot) => LabeledEvent[]) {
  return {
    input: modelInput,
    events,
    serializeState: (s: AnyMachineSnapshot) => abstractKey(s),
    serializeEvent: (e: LabeledEvent) => e.label,
  } as never;
}

/**
 * The shortest path to every abstract state the API can reach under a sub-model's alphabet: less the events of
 * actors the case is out of reach of (a reviewer before the case is sent for review gets 404, docs/access.md).
 */
export function reachableShortestPaths(machine: CaseMachine = caseMachine, model: ModelName = 'main'): PathStep[][] {
  const events = (s: AnyMachineSnapshot) => alphabet(s, model).filter((e) => withinReach(s, e.actorName));
  return (getShortestPaths(machine as never, traversal(events)) as unknown as GraphPath[]).map(toSteps);
}

/** The shortest path to every reachable abstract state, under a sub-model's alphabet. */
export function shortestPaths(machine: CaseMachine = caseMachine, model: ModelName = 'main'): PathStep[][] {
  return (
    getShortestPaths(
      machine as never,
      traversal((s) => alphabet(s, model)),
    ) as unknown as GraphPath[]
  ).map(toSteps);
}

/** Every simple path of the honest sub-model, and those within `bound` steps that no other in-bound path extends. */
export function simplePaths(bound = simplePathBound, machine: CaseMachine = caseMachine) {
  const honest = new Set(honestLabels);
  const all = (
    getSimplePaths(
      machine as never,
      traversal((s) => alphabet(s).filter((e) => honest.has(e.label))),
    ) as unknown as GraphPath[]
  ).map(toSteps);
  const inBound = all.filter((p) => p.length <= bound);
  const ids = new Set(inBound.map((p) => p.map((s) => s.label).join('|')));
  const isPrefix = (id: string) => id === '' || [...ids].some((other) => other !== id && other.startsWith(`${id}|`));
  const maximal = inBound.filter((p) => !isPrefix(p.map((s) => s.label).join('|')));
  return { all, inBound, maximal };
}

const viewerCycle: ActorName[] = ['handler', 'handler2', 'reviewer1', 'reviewer2', 'reviewerUnqualified', 'head1', 'clerk1'];

/**
 * What to try in the state `key` (index `i` rotates the choices, so every refused label is tried in many
 * states and every actor reads many states): `perState` refused events, a stale If-Match on an accepted
 * event, and GETs as two actors.
 */
export function probesFor(space: Space, key: string, i: number, perState: number): EndProbes {
  const node = space[key]!;
  const events = alphabet(node.state);
  const refused = events.filter((e) => expectedOutcome(node.state, e).status !== 200).map((e) => e.label);
  const picks =
    refused.length <= perState ? refused : Array.from({ length: perState }, (_, k) => refused[(i * perState + k) % refused.length]!);
  const staleIfMatch = events.find((e) => e.actorName !== 'system' && expectedOutcome(node.state, e).status === 200)?.label;
  const viewers = [viewerCycle[(2 * i) % viewerCycle.length]!, viewerCycle[(2 * i + 1) % viewerCycle.length]!];
  return { refusals: [...new Set(picks)], staleIfMatch, viewers };
}

/** A case to replay: the path, and the probes to run after each step. */
export interface ReplayJob {
  path: PathStep[];
  probes: (EndProbes | undefined)[];
}

const idOf = (path: PathStep[]) => path.map((s) => s.label).join('|');

/**
 * The shortest paths form a tree; replaying only its leaves passes through every state once, and the
 * probes of each state run where its own shortest path ends inside a leaf.
 */
export function shortestPathPlan(space: Space, paths: PathStep[][], perState: number): ReplayJob[] {
  const parents = new Set(paths.filter((p) => p.length > 0).map((p) => idOf(p.slice(0, -1))));
  const leaves = paths.filter((p) => !parents.has(idOf(p)));
  const stateOf = new Map(paths.map((p, i) => [idOf(p), { i, key: p.length ? p[p.length - 1]!.key! : initialKey() }]));
  const done = new Set<string>();
  return leaves.map((path) => ({
    path,
    probes: Array.from({ length: path.length + 1 }, (_, n) => {
      const id = idOf(path.slice(0, n));
      const state = stateOf.get(id);
      if (!state || done.has(id)) return undefined;
      done.add(id);
      return probesFor(space, state.key, state.i, perState);
    }),
  }));
}

/** The abstract key of the initial state. */
export function initialKey(machine: CaseMachine = caseMachine): string {
  return abstractKey(initialTransition(machine, modelInput)[0]);
}
