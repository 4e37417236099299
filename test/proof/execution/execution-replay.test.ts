// The proof's HTTP check for 行政强制执行: a shortest path to every abstract state of the machine (major, 代履行 and
// court openings), replayed through /api/v1/execution-cases on the real stack with its clock at the model's time.
// After every step the API's state and version equal the model's; in every (state, event) pair the model
// refuses, the API refuses too (4xx) and the case does not move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import type { ExecutionDraft } from '../../../machines/execution/execution.draft.js';
import {
  abstractKey,
  alphabet,
  exploreExecution,
  modelDrafts,
  modelOpenedOn,
  type Model,
  type ModelEvent,
  type PersonName,
  type Space,
} from './execution-model.js';

const at = '2026-03-10T02:00:00.000Z';
let t: TestApp;
let model: Model;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(at) });
  const people = {
    handler1: t.users.handler1.id,
    handler2: t.users.handler2.id,
    reviewer1: t.users.reviewer1.id,
    reviewer2: t.users.reviewer2.id,
    head1: t.users.head1.id,
    clerk1: t.users.clerk1.id,
  };
  model = { people, drafts: modelDrafts(people), at, revisions: ['A', 'M', 'X'] };
});
afterAll(async () => {
  await t.close();
});

/** What the server stamps itself: the replay sends the command without them. */
const stamps = ['actor', 'at', 'assignee', 'endsOn', 'courtWaitEndsOn', 'courtDeadline', 'planned', 'carried', 'label', 'who'];
const commandOf = (event: ModelEvent) => Object.fromEntries(Object.entries(event).filter(([k]) => !stamps.includes(k)));

/** The paths of a breadth-first tree over the space: one shortest path to every key, as the leaves' paths. */
function shortestPaths(model: Model, space: Space, initial: string): { label: string; event: ModelEvent }[][] {
  const parent = new Map<string, { from: string; label: string; event: ModelEvent } | null>([[initial, null]]);
  const queue = [initial];
  while (queue.length) {
    const key = queue.shift()!;
    for (const [label, { event, state }] of Object.entries(space[key]!.transitions)) {
      const to = abstractKey(model, state);
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
      const path: { label: string; event: ModelEvent }[] = [];
      for (let p = parent.get(leaf); p; p = parent.get(p.from)) path.unshift({ label: p.label, event: p.event });
      return path;
    });
}

const counts = { paths: 0, requests: 0, accepted: 0, refused: 0 };
const probed = new Set<string>();

async function replay(model: Model, space: Space, draft: ExecutionDraft) {
  const mismatches: string[] = [];
  const initial = Object.keys(space)[0]!;
  for (const path of shortestPaths(model, space, initial)) {
    counts.paths += 1;
    const opened = await (await t.call('POST', '/api/v1/execution-cases', 'handler1', { ...draft, openedOn: modelOpenedOn })).json();
    let key = initial;
    let version = 1;
    for (const step of path) {
      const next = space[key]!.transitions[step.label]!;
      const res = await t.call('POST', `/api/v1/execution-cases/${opened.id}/events`, step.event.who as PersonName, commandOf(step.event));
      counts.requests += 1;
      const body = await res.json();
      version += 1;
      counts.accepted += 1;
      if (res.status !== 200 || JSON.stringify(body.stateValue) !== JSON.stringify(next.state.value) || body.version !== version) {
        mismatches.push(`${step.label} from ${key}: ${res.status} ${JSON.stringify(body.stateValue ?? body.type)}`);
        break;
      }
      key = abstractKey(model, next.state);
      await probeRefusals(model, opened.id, key, space, version, mismatches);
    }
  }
  return mismatches;
}

/** Every label the model refuses in `key`, once per (state value, label): the API refuses it and the case stays. */
async function probeRefusals(model: Model, id: string, key: string, space: Space, version: number, mismatches: string[]) {
  const state = space[key]!.state;
  for (const { label, who, event } of alphabet(model, state)) {
    const pair = `${JSON.stringify(state.value)}|${state.context.major.isMajor}|${state.context.draft.route}|${label}`;
    if (state.can(event) || probed.has(pair)) continue;
    probed.add(pair);
    const res = await t.call('POST', `/api/v1/execution-cases/${id}/events`, who, commandOf({ ...event, label, who }));
    counts.requests += 1;
    counts.refused += 1;
    const after = await (await t.call('GET', `/api/v1/execution-cases/${id}`, 'head1')).json();
    if (res.status < 400 || res.status >= 500 || after.version !== version)
      mismatches.push(`${label} in ${key}: ${res.status}, version ${after.version}`);
  }
}

describe('replay of the 行政强制执行 state space against the real stack', () => {
  it('answers like the machine on a shortest path to every abstract state', { timeout: 1_200_000 }, async () => {
    const mismatches: string[] = [];
    let states = 0;
    const openings = [
      [model, model.drafts.A],
      [{ ...model, revisions: ['S', 'H', 'X'] }, model.drafts.S],
      [{ ...model, revisions: ['C', 'M', 'X'] }, model.drafts.C],
    ] as const;
    for (const [m, draft] of openings) {
      const space = exploreExecution(m, draft);
      states += Object.keys(space).length;
      mismatches.push(...(await replay(m, space, draft)));
    }
    console.log(`[proof] execution replay: ${states} states; ${JSON.stringify(counts)}`);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(counts.refused).toBeGreaterThan(50);
  });
});
