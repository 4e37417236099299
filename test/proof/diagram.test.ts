// The state diagram in docs/proof.md, docs/state-diagram.md and README.md is generated from the machine; this test
// fails when either committed copy is stale (fix: npm run docs:diagram) or the generator misses a state or guard.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { and, setup } from 'xstate';
import { getStateNodes } from 'xstate/graph';
import { caseMachine } from '../../machines/case/case.machine.js';
import { caseEventTypes } from '../../machines/case/case.events.js';
import { caseMachineMermaid, diagramMarkers, withDiagram } from '../../machines/case/case.diagram.js';

const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../${name}`, import.meta.url)), 'utf8');

describe('the generated state diagram', () => {
  it.each(['docs/proof.md', 'docs/state-diagram.md', 'README.md'])('is up to date in %s (run npm run docs:diagram)', (name) => {
    const doc = read(name);
    expect(doc).toContain(diagramMarkers.start);
    expect(withDiagram(doc)).toBe(doc);
  });

  it('notices a stale copy', () => {
    const doc = read('docs/state-diagram.md');
    const stale = doc.replace('decision.issue', 'decision.issue.old');
    expect(withDiagram(stale)).not.toBe(stale);
  });

  it('is a pure function of the machine and shows every state, event and guard', () => {
    const text = caseMachineMermaid();
    expect(caseMachineMermaid()).toBe(text);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const node of getStateNodes(caseMachine.root)) expect(text).toContain(`state "${node.key}" as ${node.path.join('_')}`);
    for (const type of caseEventTypes) expect(text).toContain(` ${type}`);
    for (const guard of Object.keys(caseMachine.implementations.guards)) expect(text).toContain(guard);
  });

  it('renders a small machine exactly, with guards, parallel regions and the final marker', () => {
    const tiny = setup({ guards: { g: () => true, h: () => true } }).createMachine({
      initial: 'a',
      states: {
        a: { on: { go: { target: 'p', guard: and(['g', 'h']) } } },
        p: {
          type: 'parallel',
          states: { x: { initial: 'x1', states: { x1: {} } }, y: { initial: 'y1', states: { y1: { on: { stop: '#done' } } } } },
        },
        b: { id: 'done', type: 'final' },
      },
    });
    expect(caseMachineMermaid(tiny)).toBe(
      [
        'stateDiagram-v2',
        '  state "a" as a',
        '  state "p" as p {',
        '    state "x" as p_x {',
        '      state "x1" as p_x_x1',
        '      [*] --> p_x_x1',
        '    }',
        '    --',
        '    state "y" as p_y {',
        '      state "y1" as p_y_y1',
        '      [*] --> p_y_y1',
        '    }',
        '  }',
        '  state "b" as b',
        '  [*] --> a',
        '  b --> [*]',
        '  a --> p : go [g && h]',
        '  p_y_y1 --> b : stop',
        '',
      ].join('\n'),
    );
  });
});
