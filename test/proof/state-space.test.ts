// Check 1 of the proof: the whole abstract state space of the case machine under an adversarial alphabet,
// with properties (a), (b) and (c) asserted on every reachable state and edge. Prints the counts.
import { beforeAll, describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { caseMachine } from '../../machines/case/case.machine.js';
import { createMachineStep } from '../../server/shared/machine-step.js';
import { classifyDraft } from '../../machines/case/major-catalog.js';
import { catalog, draftNames, drafts } from './proof-actors.js';
import type { CaseContext } from '../../machines/case/case.context.js';
import { abstractKey, exploreSpace, modelInput, type Space } from './proof-space.js';
import { canReachFinal, findViolations, pathTo } from './proof-invariants.js';
import { initialKey, shortestPaths, simplePathBound, simplePaths } from './proof-paths.js';
import { alphabet, templates } from './proof-alphabet.js';

let space: Space;
beforeAll(() => {
  space = exploreSpace();
});

const nodes = () => Object.entries(space);
const edges = () => nodes().flatMap(([key, node]) => Object.entries(node.transitions).map(([label, t]) => ({ key, node, label, ...t })));

describe('whole state space of the case machine', () => {
  it('uses drafts whose classification is what the abstraction assumes', () => {
    const classes = draftNames.map((n) => {
      const c = classifyDraft(drafts[n], catalog, false);
      return [n, c.isMajor, c.discussionRequired];
    });
    expect(classes).toEqual([
      ['minor', false, false],
      ['majorDiscussed', true, true],
      ['majorPublic', true, false],
    ]);
  });

  it('holds (a) and (b) on every reachable state and every edge, and (c) everywhere', () => {
    const violations = findViolations(space);
    const accepted = edges().filter((e) => e.state !== e.node.state).length;
    const counts = {
      states: nodes().length,
      final: nodes().filter(([, n]) => n.state.status === 'done').length,
      edges: edges().length,
      accepted,
      refused: edges().length - accepted,
      alphabet: templates.length,
    };
    console.log(`[proof] state space: ${JSON.stringify(counts)}`);
    expect(violations.slice(0, 5).map((v) => ({ ...v, path: pathTo(space, initialKey(), v.key) }))).toEqual([]);
    expect(counts.states).toBeGreaterThan(100);
    expect(counts.accepted).toBeGreaterThan(counts.states);
  });

  it('reaches every top-level state and every duty combination after a decision', () => {
    const values = new Set(nodes().map(([, n]) => (typeof n.state.value === 'string' ? n.state.value : Object.keys(n.state.value)[0]!)));
    expect([...values].sort()).toEqual([
      'awaitingDecision',
      'closed',
      'correcting',
      'decided',
      'disputed',
      'hearingRequested',
      'hearingScheduled',
      'inReview',
      'investigating',
      'noticed',
      'ready',
      'withdrawn',
    ]);
    const decided = nodes()
      .filter(([, n]) => n.state.matches('decided'))
      .map(([, n]) => JSON.stringify(n.state.value));
    // Every combination of the duty regions' resting states that a decision can lead to: a 处罚 or 不予处罚
    // is served (due, served), published (due, published, withdrawn) and filed or not (due, filed,
    // notRequired); a transfer owes none of the three (no 决定书 to serve, nothing to publish or file).
    const combos = new Set<string>();
    for (const service of ['due', 'served'])
      for (const publication of ['due', 'published', 'withdrawn'])
        for (const filing of ['due', 'filed', 'notRequired']) combos.add(JSON.stringify({ decided: { service, publication, filing } }));
    combos.add(JSON.stringify({ decided: { service: 'notRequired', publication: 'notRequired', filing: 'notRequired' } }));
    expect([...new Set(decided)].sort()).toEqual([...combos].sort());
  });

  it('has no dead end: a final state is reachable from every state, and no event leaves a final state', () => {
    const live = canReachFinal(space);
    expect(
      nodes()
        .filter(([key]) => !live.has(key))
        .map(([key]) => key),
    ).toEqual([]);
    const leaving = edges().filter((e) => e.node.state.status === 'done' && e.state !== e.node.state);
    expect(leaving.map((e) => `${e.key} ${e.label}`)).toEqual([]);
  });

  it('gives the same abstract states when a concrete case follows the shortest paths event by event', () => {
    // The pure fast step (tested equal to xstate's transition() in test/server/shared/machine-step.test.ts).
    const fast = createMachineStep(caseMachine);
    const paths = shortestPaths();
    let mismatches = 0;
    for (const path of paths) {
      let s = initialTransition(caseMachine, modelInput)[0];
      for (const step of path) {
        s = fast.next(s as never, alphabet(s).find((e) => e.label === step.label)!);
        if (abstractKey(s) !== step.key) mismatches += 1;
      }
    }
    console.log(
      `[proof] shortest paths: ${paths.length} (one per state), ${paths.reduce((n, p) => n + p.length, 0)} steps, longest ${Math.max(...paths.map((p) => p.length))}`,
    );
    expect(paths.length).toBe(nodes().length);
    expect(mismatches).toBe(0);
    // Replays every shortest path (about 2,000) step by step: ~15 s alone, past 30 s on a loaded 2-core machine.
  }, 120_000);

  it('enumerates the simple paths of the honest sub-model (getSimplePaths) and finds every one inside the explored space', () => {
    const { all, inBound, maximal } = simplePaths();
    const outside = all.filter((p) => p.some((s) => !(s.key! in space)));
    console.log(
      `[proof] simple paths (honest sub-model): ${all.length}, ≤${simplePathBound} steps: ${inBound.length}, maximal within the bound: ${maximal.length} (${maximal.reduce((n, p) => n + p.length, 0)} steps)`,
    );
    expect(outside).toEqual([]);
    expect(all.length).toBeGreaterThan(inBound.length);
  });
});

describe('the 回避 sub-model (recusal applications, the handler’s 回避 and a new handler)', () => {
  let recusal: Space;
  beforeAll(() => {
    recusal = exploreSpace(caseMachine, 'recusal');
  });

  it('holds (a)–(d) on every reachable state and edge, with no dead end', () => {
    const violations = findViolations(recusal);
    const count = Object.keys(recusal).length;
    console.log(
      `[proof] 回避 sub-model: ${JSON.stringify({ states: count, edges: Object.values(recusal).reduce((n, x) => n + Object.keys(x.transitions).length, 0) })}`,
    );
    expect(violations.slice(0, 5)).toEqual([]);
    expect(count).toBeGreaterThan(100);
  });

  it.each([
    [
      'a new handler after the handler’s own 回避',
      [
        'handler conflict.declare',
        'head1 handler.assign handler2',
        'handler2 notice.send',
        'system rights.lapse',
        'head1 decision.issue current',
      ],
    ],
    [
      'another reviewer after a granted application against the assigned one',
      [
        'handler draft.revise majorDiscussed',
        'handler notice.send',
        'handler rights.waive',
        'handler review.submit',
        'head1 review.assign reviewer1',
        'clerk1 recusal.apply reviewer1',
        'head1 recusal.decide granted',
        'reviewer2 review.assign reviewer2',
        'reviewer2 review.approve current',
        'head1 discussion.record',
        'head1 decision.issue current',
      ],
    ],
  ])('reaches a decision by %s, through states of the explored space', (_name, labels) => {
    let s = initialTransition(caseMachine, modelInput)[0];
    for (const label of labels) {
      const [next] = transition(caseMachine, s, alphabet(s).find((e) => e.label === label)!);
      expect(next, label).not.toBe(s);
      expect(abstractKey(next) in recusal, label).toBe(true);
      s = next;
    }
    expect(s.matches('decided')).toBe(true);
  });

  it('never lets a person act on the case after their 回避 is declared or granted', () => {
    const acted = Object.values(recusal).flatMap((n) =>
      Object.values(n.transitions).filter(
        (t) => t.state !== n.state && (n.state.context as CaseContext).recusals.includes(t.event.actor.id) && t.event.actor.id !== 'system',
      ),
    );
    expect(acted.map((t) => t.event.label)).toEqual([]);
  });
});

// Two rules the first run of this proof found missing (docs/proof.md, Findings), now enforced by the machine.
describe('rules the proof found missing, now enforced', () => {
  it('voids an approval when its reviewer later declares a conflict (回避): no major case is decided on it', () => {
    const hit = Object.entries(space).find(([, n]) => {
      const c = n.state.context as CaseContext;
      return c.decision !== null && c.major.isMajor && c.review !== null && c.recusals.includes(c.review.reviewerId);
    });
    expect(hit).toBeUndefined();
  });

  it('refuses case.withdraw from a handler who is not the case handler', () => {
    const key = initialKey();
    const edge = space[key]!.transitions['handler2 case.withdraw']!;
    expect(edge.state.value).toBe(space[key]!.state.value);
    expect(edge.state.context).toEqual(space[key]!.state.context);
  });
});

// The abstraction drops `decisionExtension` (交通 art 78): only `isDecisionExtensible` reads it. This check is
// what makes that sound: in every explored state the extension changes no key and no other event's answer.
describe('decision.extend commutes with every other event', () => {
  it('leaves the key, and every other event’s acceptance and target key, as they were; a second one is refused', () => {
    const step = createMachineStep(caseMachine);
    const label = 'head1 decision.extend';
    let checked = 0;
    const differences: string[] = [];
    for (const [key, node] of nodes()) {
      // The space was explored with the main model's alphabet; compare within it.
      const events = alphabet(node.state, 'main');
      const extended = step.next(node.state as never, events.find((e) => e.label === label)!);
      if (extended === node.state) continue;
      checked += 1;
      const later = new Map(alphabet(extended, 'main').map((e) => [e.label, e]));
      if (abstractKey(extended) !== key) differences.push(`${key}: the extension changed the key`);
      if (step.next(extended, later.get(label)!) !== extended) differences.push(`${key}: a second extension was accepted`);
      for (const event of events) {
        if (event.label === label) continue;
        const plain = node.transitions[event.label]!.state;
        const after = step.next(extended, later.get(event.label)!);
        if ((plain === node.state) !== (after === extended) || abstractKey(plain) !== abstractKey(after))
          differences.push(`${key} ${event.label}`);
      }
    }
    console.log(`[proof] decision.extend commutes in ${checked} states`);
    expect(differences.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});

// Where the policy asks the 法制审核机构's head to sign opinions off, the same properties hold over the space
// with the awaitingSignOff state (explored on the machine; the API replays run the default policy).
describe('with the opinion sign-off on', () => {
  it('holds (a), (b) and (c), and reaches awaitingSignOff', () => {
    const signed = exploreSpace(caseMachine, 'main', { ...modelInput, procedure: { ...modelInput.procedure, opinionSignOff: true } });
    const states = Object.values(signed);
    console.log(`[proof] state space with sign-off: ${states.length} states`);
    expect(findViolations(signed).slice(0, 5)).toEqual([]);
    expect(states.some((n) => n.state.matches({ inReview: 'awaitingSignOff' }))).toBe(true);
    expect(states.some((n) => n.state.matches('decided'))).toBe(true);
  });
});

// The criminal transfer (移送规定 arts 5–12) from every state the honest route reaches: (a)–(e) on every state
// and edge, every step of the transfer reached, and the way back to the administrative track.
describe('the transfer sub-model (行刑衔接)', () => {
  let transfer: Space;
  beforeAll(() => {
    transfer = exploreSpace(caseMachine, 'transfer');
  });

  it('holds (a)–(e) on every reachable state and edge, with no dead end', () => {
    const states = Object.values(transfer);
    const edgeCount = states.reduce((n, x) => n + Object.keys(x.transitions).length, 0);
    console.log(`[proof] transfer sub-model: ${JSON.stringify({ states: states.length, edges: edgeCount })}`);
    expect(findViolations(transfer).slice(0, 5)).toEqual([]);
    expect(states.length).toBeGreaterThan(100);
  });

  it('reaches every state of the transfer, from every administrative state before the decision', () => {
    const sub = new Set(
      Object.values(transfer)
        .filter((n) => n.state.matches('transfer'))
        .map((n) => (n.state.value as { transfer: string }).transfer),
    );
    expect([...sub].sort()).toEqual(['approved', 'declined', 'handingOver', 'proposed', 'reconsidering', 'sent', 'upheld']);
    expect(Object.values(transfer).some((n) => n.state.matches('transferred'))).toBe(true);
    const origins = new Set(
      Object.values(transfer)
        .map((n) => (n.state.context as CaseContext).transfer?.from)
        .filter(Boolean),
    );
    expect([...origins].sort()).toEqual(['awaitingDecision', 'correcting', 'inReview', 'investigating', 'noticed', 'ready']);
  });

  it('starts a transfer without a notice, and after a final 不予立案 decides only on a fresh review', () => {
    let s = initialTransition(caseMachine, modelInput)[0];
    const run = (labels: string[]) => {
      for (const label of labels) {
        const [next] = transition(caseMachine, s, alphabet(s, 'transfer').find((e) => e.label === label)!);
        expect(next, label).not.toBe(s);
        expect(abstractKey(next) in transfer, label).toBe(true);
        s = next;
      }
    };
    const refused = (label: string) => transition(caseMachine, s, alphabet(s, 'transfer').find((e) => e.label === label)!)[0] === s;
    expect(refused('handler transfer.report solo')).toBe(true);
    run(['handler transfer.report', 'head1 transfer.approve', 'handler transfer.send', 'handler transfer.answer not_filed']);
    run(['head1 transfer.resume', 'handler notice.send', 'handler rights.waive']);
    expect(s.matches('ready')).toBe(true);
    expect(refused('head1 decision.issue current')).toBe(true);
    run(['handler review.submit', 'head1 review.assign reviewer1', 'reviewer1 review.approve current', 'head1 decision.issue current']);
    expect(s.matches('decided')).toBe(true);
  });
});
