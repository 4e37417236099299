// The proof's HTTP check for any major-decision kind: a shortest path to every abstract state of the kind's model,
// replayed through /api/v1/<kind>-cases on the real stack. After every step the API's state and version equal the
// model's; in every (state, event) pair the model refuses, the API refuses too (4xx) and the case does not move.
import type { AnyMachineSnapshot } from 'xstate';
import type { TestApp } from '../helpers/test-app.js';

/** A model event as the replay sends it: `who` signs in, the rest (less the server's stamps) is the command. */
type ReplayEvent = { who: string };

/** The explored state space of a kind's model (its `Space`). */
export type ReplaySpace = Record<
  string,
  { state: AnyMachineSnapshot; transitions: Record<string, { event: ReplayEvent; state: AnyMachineSnapshot }> }
>;

/** What a kind's replay passes: its API path, the fields the server stamps, and its model's key and alphabet. */
export interface KindReplaySpec<M> {
  app: () => TestApp;
  /** The API path segment, e.g. `coercion-cases`. */
  path: string;
  /** What the server stamps itself: the replay sends the command without them. */
  stamps: string[];
  abstractKey(m: M, snapshot: AnyMachineSnapshot): string;
  alphabet(m: M, snapshot: AnyMachineSnapshot): { label: string; who: string; event: unknown }[];
  /** The (state, label) pair a refusal is probed once per; state value and majority by default. */
  pairOf?: (state: AnyMachineSnapshot, label: string) => string;
  /** The body that opens a case with `draft` (the draft itself by default). */
  openBody?: (draft: unknown) => unknown;
}

/** The paths of a breadth-first tree over the space: one shortest path to every key, as the leaves' paths. */
function shortestPaths<M>(spec: KindReplaySpec<M>, model: M, space: ReplaySpace, initial: string) {
  const parent = new Map<string, { from: string; label: string; event: ReplayEvent } | null>([[initial, null]]);
  const queue = [initial];
  while (queue.length) {
    const key = queue.shift()!;
    for (const [label, { event, state }] of Object.entries(space[key]!.transitions)) {
      const to = spec.abstractKey(model, state);
      if (!parent.has(to) && space[to]) {
        parent.set(to, { from: key, label, event });
        queue.push(to);
      }
    }
  }
  const inner = new Set([...parent.values()].flatMap((p) => (p ? [p.from] : [])));
  return [...parent.keys()]
    .filter((k) => !inner.has(k))
    .map((leaf) => {
      const path: { label: string; event: ReplayEvent }[] = [];
      for (let p = parent.get(leaf); p; p = parent.get(p.from)) path.unshift({ label: p.label, event: p.event });
      return path;
    });
}

/** A replay runner of one kind: `replay` returns the mismatches of a space; `counts` what it sent. */
export function createKindReplay<M>(spec: KindReplaySpec<M>) {
  const counts = { paths: 0, requests: 0, accepted: 0, refused: 0 };
  const probed = new Set<string>();
  const url = `/api/v1/${spec.path}`;
  const commandOf = (event: object) => Object.fromEntries(Object.entries(event).filter(([k]) => !spec.stamps.includes(k)));
  const pairOf = spec.pairOf ?? ((state, label) => `${JSON.stringify(state.value)}|${state.context.major.isMajor}|${label}`);

  /** Every label the model refuses in `key`, once per pair: the API refuses it and the case stays. */
  async function probeRefusals(model: M, id: string, key: string, space: ReplaySpace, version: number, mismatches: string[]) {
    const t = spec.app();
    const state = space[key]!.state;
    for (const { label, who, event } of spec.alphabet(model, state)) {
      const pair = pairOf(state, label);
      if (state.can(event as never) || probed.has(pair)) continue;
      probed.add(pair);
      const res = await t.call('POST', `${url}/${id}/events`, who as never, commandOf({ ...(event as object), label, who }));
      counts.requests += 1;
      counts.refused += 1;
      const after = await (await t.call('GET', `${url}/${id}`, 'head1')).json();
      if (res.status < 400 || res.status >= 500 || after.version !== version)
        mismatches.push(`${label} in ${key}: ${res.status}, version ${after.version}`);
    }
  }

  async function replay(model: M, space: ReplaySpace, draft: unknown): Promise<string[]> {
    const t = spec.app();
    const mismatches: string[] = [];
    const initial = Object.keys(space)[0]!;
    for (const path of shortestPaths(spec, model, space, initial)) {
      counts.paths += 1;
      const opened = await (await t.call('POST', url, 'handler1', spec.openBody ? spec.openBody(draft) : draft)).json();
      let key = initial;
      let version = 1;
      for (const step of path) {
        const next = space[key]!.transitions[step.label]!;
        const res = await t.call('POST', `${url}/${opened.id}/events`, step.event.who as never, commandOf(step.event));
        counts.requests += 1;
        const body = await res.json();
        version += 1;
        counts.accepted += 1;
        if (res.status !== 200 || JSON.stringify(body.stateValue) !== JSON.stringify(next.state.value) || body.version !== version) {
          mismatches.push(`${step.label} from ${key}: ${res.status} ${JSON.stringify(body.stateValue ?? body.type)}`);
          break;
        }
        key = spec.abstractKey(model, next.state);
        await probeRefusals(model, opened.id, key, space, version, mismatches);
      }
    }
    return mismatches;
  }
  return { replay, counts };
}
