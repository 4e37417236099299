// The proof over every machine version: each registered version of the case machine (machines/registry.ts;
// start-up refuses a database with an open case under any other, test/server/cases/machine-versions.test.ts)
// holds (a)–(c) on its whole abstract state space, with no dead end. A version built with another feature
// set is proved by the same code, so adding a version adds its proof.
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { createCaseMachine, type CaseMachine } from '../../machines/case/case.machine.js';
import { caseVersions, latestCaseVersion } from '../../machines/case/case.versions.js';
import { machineRegistry } from '../../machines/registry.js';
import { exploreSpace } from './proof-space.js';
import { canReachFinal, findViolations } from './proof-invariants.js';

/** The counts of one version's space, after asserting its properties. */
function prove(machine: AnyStateMachine) {
  const space = exploreSpace(machine as CaseMachine);
  const keys = Object.keys(space);
  const live = canReachFinal(space);
  expect(findViolations(space).slice(0, 5)).toEqual([]);
  expect(keys.filter((k) => !live.has(k))).toEqual([]);
  const edges = Object.values(space).flatMap((n) => Object.values(n.transitions).map((t) => t.state !== n.state));
  return { states: keys.length, edges: edges.length, accepted: edges.filter(Boolean).length };
}

const caseVersionsDeployed = machineRegistry.versions().filter((v) => v.kind === 'case');

describe('every registered version of the case machine', () => {
  it('lists every version of case.versions.ts, the latest being what new cases open under', () => {
    expect(caseVersionsDeployed.map((v) => v.version)).toEqual(Object.keys(caseVersions).map(Number));
    expect(machineRegistry.latest('case')).toBe(latestCaseVersion);
  });

  for (const { version, machine } of caseVersionsDeployed) {
    it(`holds (a)–(c) with no dead end under version ${version}`, () => {
      const counts = prove(machine);
      console.log(`[proof] case version ${version}: ${JSON.stringify(counts)}`);
      expect(counts.states).toBeGreaterThan(100);
    });
  }

  it('proves a version with another feature set by the same code, and sees its rule delta', () => {
    const latest = prove(machineRegistry.get('case', latestCaseVersion)!);
    const without = prove(createCaseMachine({ ...caseVersions[latestCaseVersion], decisionExtension: false }));
    console.log(`[proof] case without decision.extend: ${JSON.stringify(without)}`);
    expect(without.accepted).toBeLessThan(latest.accepted);
  });
});
